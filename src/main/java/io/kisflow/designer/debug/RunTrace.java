package io.kisflow.designer.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.engine.TraceRecorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs as traces in the format {@code run --trace} writes ({@link TraceRecorder}, schema
 * {@value TraceRecorder#SCHEMA}): {@link #read} makes a run the debugger shows like its own (for a
 * trace written on a server), {@link #toJson}/{@link #write} write any run in that format. The data
 * map before and after each call is rebuilt from the rows each call committed, as the Java engine
 * builds it, so a trace read and written again says what it said.
 *
 * <pre>{@code RunRecord run = RunTrace.read(Path.of("trace.json"), 7);
 * RunTrace.write(run, Path.of("again.json"));}</pre>
 */
public final class RunTrace {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = LevelData.SOURCE_NAME;

    private RunTrace() {
    }

    // ------------------------------------------------------------------ reading

    /** Reads a trace as run number {@code number}; a file that is not one gets an IOException saying why. */
    public static RunRecord read(Path file, int number) throws IOException {
        JsonNode t;
        try {
            t = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + " is not a run trace: it is not JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ")", e);
        }
        if (t == null || !t.isObject() || !TraceRecorder.SCHEMA.equals(t.path("schema").asText())) {
            throw new IOException(file.getFileName() + " is not a run trace written by run --trace: it has no \"schema\": \""
                    + TraceRecorder.SCHEMA + "\"" + (t != null && t.has("schema") ? " (it says " + t.path("schema") + ")" : ""));
        }
        return fromJson(t, number, "trace " + file.getFileName(), Files.getLastModifiedTime(file).toInstant());
    }

    /** A trace's JSON as a run; {@code origin} is what the history says about where it came from. */
    static RunRecord fromJson(JsonNode t, int number, String origin, Instant startedAt) throws IOException {
        String flow = t.path("flow_name").asText();
        List<String> chain = new ArrayList<>();
        List<ChainStep> steps = new ArrayList<>();
        JsonNode params = t.path("func_params_all_funcs");
        for (JsonNode f : t.path("function_chain")) {
            String name = f.path("name").asText();
            steps.add(new ChainStep(chain.size(), name, f.path("mode").asText(), f.path("connector").asText(),
                    RunFile.strings(params.path(name))));
            chain.add(name);
        }
        List<CallRecord> calls = new ArrayList<>();
        List<List<Object>> committed = new ArrayList<>();
        int failed = -1;
        for (JsonNode c : t.path("calls")) {
            String fn = c.path("function").asText();
            String input = c.path("input_level").asText();
            int p = position(chain, fn, input);
            if (p < 0) {
                throw new IOException("call " + c.path("seq").asInt() + " of the trace names function " + fn
                        + ", which is not in the chain of flow " + flow + " (" + String.join(", ", chain) + ")");
            }
            List<Object> rows = rows(c.path("committed_rows"));
            List<String> actions = new ArrayList<>();
            c.path("actions").forEach(a -> actions.add(a.asText()));
            String error = c.path("returned_error").isNull() || c.path("returned_error").isMissingNode() ? null : c.path("returned_error").asText();
            String outcome = c.path("outcome").asText(error != null ? "error" : "continue");
            calls.add(new CallRecord(c.path("seq").asInt(calls.size() + 1), p, fn, c.path("mode").asText(), input,
                    c.path("input_rows").size(), RunFile.strings(c.path("params")), actions, outcome, rows.size(), 0,
                    error == null ? null : new ErrorInfo(error, ""), List.of(), 0, List.of()));
            committed.add(rows);
            if (error != null && !outcome.startsWith("retry")) {
                failed = p;
            }
        }
        Map<Integer, LevelData> levels = new HashMap<>();
        JsonNode finalMap = t.path("final_data_map");
        for (int p = 0; p < chain.size(); p++) {
            if (finalMap.has(chain.get(p))) {
                levels.put(p, LevelData.of(flow, chain.get(p), p, rows(finalMap.get(chain.get(p)))));
            }
        }
        String runError = t.path("run_error").isNull() || t.path("run_error").isMissingNode() ? null : t.path("run_error").asText();
        RunOutcome outcome = runError == null ? RunOutcome.FINISHED : RunOutcome.FAILED;
        if (runError != null && failed < 0 && !calls.isEmpty()) {
            failed = calls.get(calls.size() - 1).position();
        }
        return new RunRecord(number, flow, startedAt, outcome, chain, LevelData.source(flow, rows(t.path("source_rows"))),
                levels, calls, runError == null ? null : new ErrorInfo(runError, ""), runError == null ? -1 : failed,
                0, 0, Map.of(), false, steps, committed, -1, origin);
    }

    /** The chain position of a call: the function's place whose previous level is the one it read. */
    private static int position(List<String> chain, String fn, String inputLevel) {
        int first = -1;
        for (int p = 0; p < chain.size(); p++) {
            if (chain.get(p).equals(fn)) {
                if (first < 0) {
                    first = p;
                }
                String before = p == 0 ? SOURCE : chain.get(p - 1);
                if (before.equals(inputLevel)) {
                    return p;
                }
            }
        }
        return first;
    }

    private static List<Object> rows(JsonNode array) {
        List<Object> out = new ArrayList<>();
        for (JsonNode r : array) {
            out.add(JSON.convertValue(r, Object.class));
        }
        return out;
    }

    // ------------------------------------------------------------------ writing

    /** Writes the run as an indented trace, like {@code run --trace}. */
    public static void write(RunRecord r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(toJson(r)));
    }

    /** The run as a trace's JSON (maps and lists, keys in the order {@code run --trace} writes them). */
    public static Map<String, Object> toJson(RunRecord r) {
        int n = r.chain().size();
        List<ChainStep> steps = r.steps().size() == n ? r.steps() : plainSteps(r.chain());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", TraceRecorder.SCHEMA);
        out.put("flow_name", r.flowName());
        List<Map<String, Object>> chain = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (ChainStep s : steps) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("position", s.position());
            e.put("name", s.name());
            e.put("mode", s.mode());
            e.put("connector", s.connector());
            chain.add(e);
            params.put(s.name(), new LinkedHashMap<>(s.params()));
        }
        out.put("function_chain", chain);
        out.put("func_params_all_funcs", params);
        out.put("source_rows", plain(r.source().rows()));
        out.put("run_error", r.error() == null || r.outcome() == RunOutcome.FINISHED ? null : r.error().message());
        List<String> order = new ArrayList<>();
        r.calls().forEach(c -> order.add(c.function()));
        out.put("call_order", order);

        // the levels as the engine holds them (index 0 the source, i the level of position i-1)
        List<List<Object>> held = new ArrayList<>();
        held.add(r.source().rows());
        for (int p = 0; p < n; p++) {
            LevelData before = r.fromPosition() > p ? r.level(p) : null;   // a run from here found these
            held.add(before == null ? null : before.rows());
        }
        List<Map<String, Object>> calls = new ArrayList<>();
        for (int i = 0; i < r.calls().size(); i++) {
            CallRecord c = r.calls().get(i);
            int p = c.position();
            List<Object> input = held.get(p) == null ? List.of() : held.get(p);
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("seq", c.seq());
            call.put("function", c.function());
            call.put("mode", c.mode());
            call.put("input_level", c.inputLevel());
            call.put("input_rows", plain(input));
            call.put("params", new LinkedHashMap<>(c.params()));
            List<Object> rows = r.committedRows(i);
            call.put("committed_rows", plain(rows));
            call.put("actions", c.actions());
            call.put("returned_error", c.error() == null ? null : c.error().message());
            call.put("outcome", c.outcome());
            call.put("data_map_before_call", dataMap(held, steps));
            if (c.error() == null) {
                apply(held, p, input, rows, c.actions());
            }
            call.put("data_map_after_call", dataMap(held, steps));
            calls.add(call);
        }
        out.put("calls", calls);
        List<List<Object>> last = new ArrayList<>();
        last.add(r.source().rows());
        for (int p = 0; p < n; p++) {
            LevelData l = r.level(p);
            last.add(l == null ? null : l.rows());
        }
        out.put("final_data_map", dataMap(last, steps));
        List<String> levelOrder = new ArrayList<>();
        for (int i = 0; i < last.size(); i++) {
            if (last.get(i) != null) {
                levelOrder.add(i == 0 ? SOURCE : steps.get(i - 1).name());
            }
        }
        out.put("final_data_map_level_order", levelOrder);
        return out;
    }

    /** The engine's rule for the level a successful call leaves (see KisFlowRun.applyActions). */
    private static void apply(List<List<Object>> held, int p, List<Object> input, List<Object> committed, List<String> actions) {
        boolean reuse = actions.contains("ActionDataReuse");
        boolean force = actions.contains("ActionForceEntryNext");
        boolean set = false;
        if (reuse) {
            if (!input.isEmpty()) {
                held.set(p + 1, held.get(p));
                set = true;
            }
        } else if (!committed.isEmpty()) {
            held.set(p + 1, committed);
            set = true;
        }
        if (force && !set) {
            held.set(p + 1, List.of());
        }
    }

    private static Map<String, Object> dataMap(List<List<Object>> held, List<ChainStep> steps) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i) != null) {
                map.put(i == 0 ? SOURCE : steps.get(i - 1).name(), plain(held.get(i)));
            }
        }
        return map;
    }

    private static List<ChainStep> plainSteps(List<String> chain) {
        List<ChainStep> out = new ArrayList<>();
        for (int p = 0; p < chain.size(); p++) {
            out.add(new ChainStep(p, chain.get(p), "", "", Map.of()));
        }
        return out;
    }

    /** Rows as JSON values, as the trace writer renders them (a row Jackson cannot render becomes its text). */
    private static List<Object> plain(List<Object> rows) {
        List<Object> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            if (row == null || row instanceof String || row instanceof Number || row instanceof Boolean) {
                out.add(row);
                continue;
            }
            try {
                out.add(JSON.convertValue(row, Object.class));
            } catch (IllegalArgumentException e) {
                out.add(String.valueOf(row));
            }
        }
        return out;
    }
}
