package io.kisflow.bench;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The benchmark flow of issue 2: five Calculate functions in a chain, and its source rows. */
final class EngineBenchFlows {
    static final List<String> FUNCTIONS = List.of("C1", "C2", "C3", "C4", "C5");
    static final String FLOW = "Bench5";

    private EngineBenchFlows() {
    }

    static ConfigSet fiveCalculates() {
        ConfigSet set = ConfigSet.EMPTY;
        List<FlowStep> steps = new ArrayList<>();
        for (String f : FUNCTIONS) {
            set = set.withFunc(FuncConfig.of(f, "Calculate"));
            steps.add(FlowStep.of(f));
        }
        return set.withFlow(new FlowConfig(FlowConfig.ENABLED, FLOW, steps, Map.of()));
    }

    /** n small JSON strings {"id":i,"v":i}. */
    static List<String> jsonRows(int n) {
        List<String> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add("{\"id\":" + i + ",\"v\":" + i + "}");
        }
        return rows;
    }
}
