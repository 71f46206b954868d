package io.kisflow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the most recent run of a flow in the shape of the Go engine's conformance traces (schema
 * {@value #SCHEMA}): the chain, params, source rows, each call with its input level and rows, params,
 * committed rows, actions (Go spelling), error and the whole data map before and after it, and the
 * final data map. Rows are rendered as JSON values when the run observes them.
 *
 * <pre>{@code TraceRecorder trace = new TraceRecorder(flow);
 * flow.run();
 * trace.write(Path.of("trace.json"));}</pre>
 */
public final class TraceRecorder implements RunListener {
    public static final String SCHEMA = "kisflow-go-trace/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KisFlowRun flow;
    private List<Object> sourceRows = List.of();
    private final List<Map<String, Object>> calls = new ArrayList<>();
    private Map<String, Object> openCall;
    private String runError;
    private boolean ran;
    private final List<Map<String, Object>> goDifferences = new ArrayList<>();

    /** Starts recording the runs of {@code flow} (a flow made by an {@link Engine}). */
    public TraceRecorder(Flow flow) {
        if (!(flow instanceof KisFlowRun run)) {
            throw new IllegalArgumentException("TraceRecorder needs a flow made by Engine.flow(...), not " + flow.getClass().getName());
        }
        this.flow = run;
        run.addListener(this);
    }

    /** Stops recording (what was recorded stays available). */
    public void detach() {
        flow.removeListener(this);
    }

    @Override
    public synchronized void runStarted(RunStart e) {
        ran = true;
        sourceRows = plain(e.sourceRows());
        calls.clear();
        openCall = null;
        runError = null;
        goDifferences.clear();
    }

    /** Kept beside Go's fields: where a Go server would have differed (with Go semantics: where this run did as Go does). */
    @Override
    public synchronized void goDiffers(GoDifference d) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("seq", d.seq());
        note.put("function", d.function());
        note.put("kind", d.kind().name());
        note.put("words", d.words());
        goDifferences.add(note);
    }

    @Override
    public synchronized void functionStarted(FunctionStart e) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("seq", e.seq());
        call.put("function", e.function());
        call.put("mode", e.mode().yaml());
        call.put("input_level", e.inputLevel());
        call.put("input_rows", plain(e.inputRows()));
        call.put("params", new LinkedHashMap<>(e.params()));
        call.put("data_map_before_call", dataMap(flow.levels()));
        openCall = call;
    }

    @Override
    public synchronized void functionEnded(FunctionEnd e) {
        Map<String, Object> call = openCall;
        if (call == null || !Integer.valueOf(e.seq()).equals(call.get("seq"))) {
            return;
        }
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("seq", call.get("seq"));
        done.put("function", call.get("function"));
        done.put("mode", call.get("mode"));
        done.put("input_level", call.get("input_level"));
        done.put("input_rows", call.get("input_rows"));
        done.put("params", call.get("params"));
        done.put("committed_rows", plain(e.committedRows()));
        List<String> actions = new ArrayList<>();
        e.actions().forEach(a -> actions.add(a.toString()));
        done.put("actions", actions);
        done.put("returned_error", e.error() == null ? null : e.error().getMessage());
        done.put("outcome", e.outcome());
        done.put("data_map_before_call", call.get("data_map_before_call"));
        done.put("data_map_after_call", dataMap(flow.levels()));
        calls.add(done);
        openCall = null;
    }

    @Override
    public synchronized void runEnded(RunEnd e) {
        runError = e.error() == null ? null : e.error().getMessage();
    }

    /** The recorded run as JSON-ready maps and lists, keys in the Go trace order. */
    public synchronized Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SCHEMA);
        out.put("flow_name", flow.getName());
        List<Map<String, Object>> chain = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        List<Function> functions = flow.functions();
        for (int i = 0; i < functions.size(); i++) {
            Function f = functions.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("position", i);
            entry.put("name", f.getName());
            entry.put("mode", f.getMode().yaml());
            entry.put("connector", f.getConnector() == null ? "" : f.getConnector().getName());
            chain.add(entry);
            params.put(f.getName(), new LinkedHashMap<>(flow.funcParams(i)));
        }
        out.put("function_chain", chain);
        out.put("func_params_all_funcs", params);
        out.put("source_rows", sourceRows);
        out.put("run_error", runError);
        List<String> order = new ArrayList<>();
        calls.forEach(c -> order.add((String) c.get("function")));
        out.put("call_order", order);
        out.put("calls", List.copyOf(calls));
        List<Level> finalLevels = ran ? flow.levels() : List.of();
        out.put("final_data_map", dataMap(finalLevels));
        List<String> levelOrder = new ArrayList<>();
        finalLevels.forEach(l -> levelOrder.add(l.name()));
        out.put("final_data_map_level_order", levelOrder);
        out.put("go_semantics", flow.goSemantics());
        out.put("go_differences", List.copyOf(goDifferences));
        return out;
    }

    /** Writes {@link #toJson()} as indented JSON. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(toJson()));
    }

    private static Map<String, Object> dataMap(List<Level> levels) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Level l : levels) {
            map.put(l.name(), plain(l.rows()));
        }
        return map;
    }

    /** Rows as JSON values (records and beans become maps); a row Jackson cannot render becomes its toString(). */
    static List<Object> plain(List<Object> rows) {
        List<Object> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            out.add(plainRow(row));
        }
        return out;
    }

    private static Object plainRow(Object row) {
        if (row == null || row instanceof String || row instanceof Number || row instanceof Boolean) {
            return row;
        }
        try {
            return JSON.convertValue(row, Object.class);
        } catch (IllegalArgumentException e) {
            return String.valueOf(row);
        }
    }
}
