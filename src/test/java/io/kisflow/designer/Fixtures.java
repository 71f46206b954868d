package io.kisflow.designer;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import io.kisflow.config.Source;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.project.ProjectLayout;

import java.util.List;
import java.util.Map;

/** Projects built in code for the view-model tests: the shape of conf-samples/. */
public final class Fixtures {
    private Fixtures() {
    }

    public static ConfigSet samples() {
        return ConfigSet.EMPTY
                .withFunc(new FuncConfig("VerifyStu", "Verify", new Source("StudentScore", List.of("stu_id")),
                        new FuncOption("", 0, 0, Map.of("max_score", "100"), Map.of()), Map.of()))
                .withFunc(new FuncConfig("AvgStuScore", "Calculate", new Source("StudentScore", List.of("stu_id")), null, Map.of()))
                .withFunc(FuncConfig.of("PrintStuAvgScore", "Expand"))
                .withFunc(FuncConfig.of("SaveAvgScore", "Save").withOption(FuncOption.EMPTY.withCname("ScoreStore")))
                .withFunc(FuncConfig.of("LoadAvgScore", "Load").withOption(FuncOption.EMPTY.withCname("ScoreStore")))
                .withFunc(FuncConfig.of("RankScores", "Calculate"))
                .withConn(ConnConfig.of("ScoreStore", "redis", "embedded", "stu_avg_score")
                        .withBindings(List.of("LoadAvgScore"), List.of("SaveAvgScore")))
                .withFlow(new FlowConfig(1, "StuScore", List.of(new FlowStep("VerifyStu", Map.of("max_score", "100")),
                        FlowStep.of("AvgStuScore"), FlowStep.of("PrintStuAvgScore")), Map.of()))
                .withFlow(FlowConfig.of("SaveScores", FlowStep.of("VerifyStu"), FlowStep.of("AvgStuScore"), FlowStep.of("SaveAvgScore")))
                .withFlow(FlowConfig.of("LoadScores", FlowStep.of("LoadAvgScore"), FlowStep.of("RankScores")).withStatus(0));
    }

    public static DesignState state() {
        return new DesignState(samples(), ProjectLayout.EMPTY);
    }

    public static List<String> steps(DesignState s, String flow) {
        return s.configs().flow(flow).flows().stream().map(FlowStep::fname).toList();
    }
}
