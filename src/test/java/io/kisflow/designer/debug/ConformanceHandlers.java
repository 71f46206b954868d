package io.kisflow.designer.debug;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kisflow.engine.Action;
import io.kisflow.engine.Flow;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Mode;
import io.kisflow.engine.Pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The handlers of /work/shared/conformance/README.md, as a plugin for debugger tests: what Go's own
 * test functions did, with jumpFunc guarded to jump once per run. Records connector init and calls,
 * and prints what PrintStuAvgScore printed in Go (so the call's log can be checked).
 */
public final class ConformanceHandlers implements KisPlugin {
    record StuScore(@JsonProperty("stu_id") int stuId, @JsonProperty("score_1") int score1,
                    @JsonProperty("score_2") int score2, @JsonProperty("score_3") int score3) {
    }

    record StuAvg(@JsonProperty("stu_id") int stuId, @JsonProperty("avg_score") double avgScore) {
    }

    public final List<String> connectorInits = Collections.synchronizedList(new ArrayList<>());
    public final List<Object> connectorCalls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void register(Pool pool) {
        pool.faas("funcName1", flow -> commitIndexed(flow, "funcName1"));
        pool.faas("funcName2", flow -> {
            for (int i = 0; i < flow.input().size(); i++) {
                flow.getConnector().call(flow, flow.input().get(i));
                flow.commitRow("data from funcName[funcName2], index = " + i);
            }
        });
        pool.faas("funcName3", flow -> {
        });
        pool.faas("abortFunc", flow -> flow.next(Action.ABORT));
        pool.faas("dataReuseFunc", flow -> {
            commitIndexed(flow, "dataReuseFunc");
            flow.next(Action.DATA_REUSE);
        });
        pool.faas("noResultFunc", flow -> flow.next(Action.FORCE_ENTRY_NEXT));
        pool.faas("jumpFunc", flow -> {
            if (flow.getMetaData("jumped") == null) {
                flow.setMetaData("jumped", Boolean.TRUE);
                flow.next(Action.jumpFunc("funcName1"));
            }
        });
        pool.faas("AvgStuScore", StuScore.class, (flow, rows) -> {
            for (StuScore r : rows) {
                flow.commitRow(new StuAvg(r.stuId(), (r.score1() + r.score2() + r.score3()) / 3.0));
            }
        });
        pool.faas("PrintStuAvgScore", StuAvg.class, (flow, rows) -> {
            for (StuAvg r : rows) {
                System.out.println("stuid: [" + r.stuId() + "], avg score: [" + r.avgScore() + "]");
            }
        });
        pool.caasInit("ConnName1", connector -> connectorInits.add(connector.getName()));
        pool.caas("ConnName1", "funcName2", Mode.SAVE, (connector, function, flow, args) -> {
            connectorCalls.add(args);
            return null;
        });
    }

    private static void commitIndexed(Flow flow, String name) {
        for (int i = 0; i < flow.input().size(); i++) {
            flow.commitRow("data from funcName[" + name + "], index = " + i);
        }
    }
}
