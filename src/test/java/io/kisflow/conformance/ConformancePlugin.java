package io.kisflow.conformance;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kisflow.engine.Action;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Mode;
import io.kisflow.engine.Pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Java handlers doing what the Go handlers of the conformance runs did
 * (conformance/README.md of the shared material, see {@link io.kisflow.SharedMaterial}), recording what the traces also recorded: connector init
 * and calls, the typed rows the StuAvg functions received, and what PrintStuAvgScore printed (it
 * also prints it, as Go did, so that the debugger's captured call log can be checked). Shared by the
 * engine's conformance tests and the debugger's stepping tests.
 */
public final class ConformancePlugin implements KisPlugin {
    public record ConnectorCall(String connector, String function, Mode mode, Object args, Map<String, String> connectorParams,
                         List<String> saveList, List<String> loadList) {
    }

    public record AvgStuScoreIn(@JsonProperty("stu_id") int stuId, @JsonProperty("score_1") int score1,
                         @JsonProperty("score_2") int score2, @JsonProperty("score_3") int score3) {
    }

    public record AvgStuScoreOut(@JsonProperty("stu_id") int stuId, @JsonProperty("avg_score") double avgScore) {
    }

    public final List<String> connectorInits = Collections.synchronizedList(new ArrayList<>());
    public final List<ConnectorCall> connectorCalls = Collections.synchronizedList(new ArrayList<>());
    public final List<List<?>> typedInputs = Collections.synchronizedList(new ArrayList<>());
    public final List<String> printed = Collections.synchronizedList(new ArrayList<>());

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
        // Guarded as in the recorded Go run: jump on the first call of a run only (flow metadata; one run per flow instance here).
        pool.faas("jumpFunc", flow -> {
            if (flow.getMetaData("jumped") == null) {
                flow.setMetaData("jumped", Boolean.TRUE);
                flow.next(Action.jumpFunc("funcName1"));
            }
        });
        pool.faas("AvgStuScore", AvgStuScoreIn.class, (flow, rows) -> {
            typedInputs.add(List.copyOf(rows));
            for (AvgStuScoreIn r : rows) {
                flow.commitRow(new AvgStuScoreOut(r.stuId(), (r.score1() + r.score2() + r.score3()) / 3.0));
            }
        });
        pool.faas("PrintStuAvgScore", AvgStuScoreOut.class, (flow, rows) -> {
            typedInputs.add(List.copyOf(rows));
            for (AvgStuScoreOut r : rows) {
                String line = "stuid: [" + r.stuId() + "], avg score: [" + goNumber(r.avgScore()) + "]";
                printed.add(line);
                System.out.println(line);
            }
        });

        pool.caasInit("ConnName1", connector -> connectorInits.add(connector.getName()));
        pool.caas("ConnName1", "funcName2", Mode.SAVE, (connector, function, flow, args) -> {
            connectorCalls.add(new ConnectorCall(connector.getName(), function.getName(), function.getMode(), args,
                    connector.getConfig().params(), connector.getConfig().save(), connector.getConfig().load()));
            return null;
        });
    }

    private static void commitIndexed(io.kisflow.engine.Flow flow, String name) {
        for (int i = 0; i < flow.input().size(); i++) {
            flow.commitRow("data from funcName[" + name + "], index = " + i);
        }
    }

    /** Go's %v of a float64: no ".0" for whole numbers. */
    private static String goNumber(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
