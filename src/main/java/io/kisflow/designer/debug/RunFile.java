package io.kisflow.designer.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.data.RowJson;
import io.kisflow.designer.debug.input.PackedRows;
import io.kisflow.engine.DryRun;
import io.kisflow.engine.Mode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run kept on disk: a JSON-lines file (not YAML, which Go's loader would read). Line 1 is the
 * header (the run's facts and how many lines follow for calls and each level), then one line per
 * call, one line per row of each level (the source first), one per row a call committed that is not
 * already a level, and last an end line. A file without its end line, or with fewer lines than the
 * header announces, was cut short: {@link Damaged}.
 *
 * <p>Why lines: a level read back stays the file's bytes and where each row is
 * ({@link PackedRows#jsonLines}), so a million rows are opened without making a million maps.
 *
 * <pre>{@code RunFile.write(record, dir.resolve("run.jsonl"));
 * RunRecord again = RunFile.read(dir.resolve("run.jsonl"));}</pre>
 */
public final class RunFile {
    public static final String SCHEMA = "kisflow-studio-run/1";
    private static final byte[] END = ("{\"end\":\"" + SCHEMA + "\"}\n").getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = RowJson.mapper();

    /** A run file that cannot be read back: cut short, not a run file, or of a later version. */
    public static final class Damaged extends IOException {
        Damaged(Path file, String why) {
            super(file.getFileName() + " " + why);
        }
    }

    private RunFile() {
    }

    /** Writes the run to {@code file} (replacing it): not atomic by itself, see {@link RunStore}. */
    public static void write(RunRecord r, Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
            write(r, out);
            out.flush();
            ch.force(true);   // on disk before the store renames it into place
        }
    }

    static void write(RunRecord r, OutputStream out) throws IOException {
        List<LevelData> levels = new ArrayList<>();
        levels.add(r.source());
        r.levels().keySet().stream().sorted().forEach(p -> levels.add(r.levels().get(p)));
        // A call's committed rows are usually a level's very list: written once, referred to by position.
        Map<List<Object>, Integer> levelOf = new IdentityHashMap<>();
        for (LevelData l : levels) {
            levelOf.putIfAbsent(l.rows(), l.position());
        }
        ObjectNode h = JSON.createObjectNode();
        h.put("schema", SCHEMA);
        h.put("flow", r.flowName());
        h.put("number", r.number());
        h.put("startedAt", r.startedAt().toString());
        h.put("label", r.label());
        h.put("outcome", r.outcome().name());
        h.set("chain", JSON.valueToTree(r.chain()));
        h.put("failedPosition", r.failedPosition());
        h.put("durationNanos", r.durationNanos());
        h.put("pausedNanos", r.pausedNanos());
        h.put("dryRun", r.dryRun());
        h.put("fromPosition", r.fromPosition());
        h.put("origin", r.origin());
        h.set("error", r.error() == null ? null : JSON.valueToTree(r.error()));
        ObjectNode sources = h.putObject("codeSources");
        r.codeSources().forEach((p, s) -> sources.put(String.valueOf(p), s.name()));
        h.set("steps", JSON.valueToTree(r.steps()));
        h.put("calls", r.calls().size());
        ArrayNode ls = h.putArray("levels");
        long rows = 0;
        for (LevelData l : levels) {
            ls.addObject().put("position", l.position()).put("name", l.name()).put("pinned", l.pinned()).put("rows", l.size());
            rows += l.size();
        }
        ArrayNode cs = h.putArray("committed");
        for (List<Object> c : r.committed()) {
            Integer p = c == null || c.isEmpty() ? null : levelOf.get(c);
            if (p != null) {
                cs.addObject().put("level", p);
            } else {
                int n = c == null ? 0 : c.size();
                cs.addObject().put("rows", n);
                rows += n;
            }
        }
        h.put("rows", rows);
        line(out, JSON.writeValueAsBytes(h));
        for (CallRecord c : r.calls()) {
            line(out, JSON.writeValueAsBytes(call(c)));
        }
        for (LevelData l : levels) {
            rows(out, l.rows());
        }
        for (List<Object> c : r.committed()) {
            if (c != null && !c.isEmpty() && !levelOf.containsKey(c)) {
                rows(out, c);
            }
        }
        out.write(END);
    }

    private static void rows(OutputStream out, List<Object> rows) throws IOException {
        for (Object row : rows) {
            byte[] b;
            try {
                b = JSON.writeValueAsBytes(row);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                b = JSON.writeValueAsBytes(String.valueOf(row));   // as the trace writer does with such a row
            }
            line(out, b);
        }
    }

    private static void line(OutputStream out, byte[] b) throws IOException {
        out.write(b);
        out.write('\n');
    }

    private static ObjectNode call(CallRecord c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", c.seq()).put("position", c.position()).put("function", c.function()).put("mode", c.mode())
                .put("inputLevel", c.inputLevel()).put("inputRows", c.inputRows());
        o.set("params", JSON.valueToTree(c.params()));
        o.set("actions", JSON.valueToTree(c.actions()));
        o.put("outcome", c.outcome()).put("committedRows", c.committedRows()).put("durationNanos", c.durationNanos());
        o.set("error", c.error() == null ? null : JSON.valueToTree(c.error()));
        ArrayNode log = o.putArray("log");
        c.log().forEach(l -> log.addObject().put("stream", l.stream().name()).put("text", l.text()));
        o.put("droppedLogLines", c.droppedLogLines());
        ArrayNode cc = o.putArray("connectorCalls");
        for (DryRun.Call d : c.connectorCalls()) {
            ObjectNode x = cc.addObject().put("flow", d.flow()).put("function", d.function())
                    .put("mode", d.mode() == null ? "" : d.mode().yaml()).put("connector", d.connector())
                    .put("type", d.type()).put("operation", d.operation()).put("rows", d.rows());
            try {
                x.set("args", JSON.valueToTree(d.args()));
            } catch (IllegalArgumentException e) {
                x.put("args", String.valueOf(d.args()));
            }
        }
        return o;
    }

    // ------------------------------------------------------------------ reading

    /** The header of a run file (its first line), checked to be one; cheap: the rows are not read. */
    public static JsonNode header(Path file) throws IOException {
        String first;
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Damaged(file, "is not a run file (not UTF-8 text)");
        }
        return header(file, first == null ? "" : first);
    }

    private static JsonNode header(Path file, String first) throws Damaged {
        JsonNode h;
        try {
            h = JSON.readTree(first);
        } catch (JsonProcessingException e) {
            throw new Damaged(file, "is not a run file: its first line is not JSON");
        }
        if (h == null || !h.isObject() || !h.path("schema").asText().startsWith("kisflow-studio-run/")) {
            throw new Damaged(file, "is not a run file: its first line has no schema " + SCHEMA);
        }
        if (!SCHEMA.equals(h.path("schema").asText())) {
            throw new Damaged(file, "was written by a later KisFlow Studio (" + h.path("schema").asText() + ")");
        }
        return h;
    }

    /** True when the file ends with the end line: it was written to the end (checked without reading it all). */
    public static boolean complete(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < END.length) {
                return false;
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(END.length);
            ch.read(buf, size - END.length);
            return Arrays.equals(buf.array(), END);
        }
    }

    /** Reads a run back; its levels keep the file's bytes (rows are made when looked at). */
    public static RunRecord read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        int[] starts = new int[lines];
        int[] ends = new int[lines];
        int at = 0;
        for (int i = 0, n = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts[n] = at;
                ends[n++] = i;
                at = i + 1;
            }
        }
        if (lines == 0) {
            throw new Damaged(file, "is empty or cut short before its first line ended");
        }
        JsonNode h = header(file, new String(bytes, 0, ends[0], StandardCharsets.UTF_8));
        int calls = h.path("calls").asInt();
        long expected = 2L + calls + h.path("rows").asLong();
        boolean ended = Arrays.equals(Arrays.copyOfRange(bytes, starts[lines - 1], Math.min(bytes.length, ends[lines - 1] + 1)), END);
        if (lines != expected || !ended) {
            throw new Damaged(file, "was cut short (it has " + lines + " of the " + expected
                    + " lines its header announces): it was being written when the program stopped");
        }
        try {
            return build(file, h, bytes, starts, ends);
        } catch (IOException | RuntimeException e) {
            throw new Damaged(file, "cannot be read back: " + e.getMessage());
        }
    }

    private static RunRecord build(Path file, JsonNode h, byte[] bytes, int[] starts, int[] ends) throws IOException {
        String flow = h.path("flow").asText();
        int line = 1;
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < h.path("calls").asInt(); i++, line++) {
            calls.add(call(JSON.readTree(new String(bytes, starts[line], ends[line] - starts[line], StandardCharsets.UTF_8))));
        }
        LevelData source = null;
        Map<Integer, LevelData> levels = new HashMap<>();
        for (JsonNode l : h.path("levels")) {
            int n = l.path("rows").asInt();
            List<Object> rows = section(bytes, starts, ends, line, n);
            line += n;
            LevelData d = new LevelData(flow, l.path("name").asText(), l.path("position").asInt(), rows, l.path("pinned").asBoolean());
            if (d.isSource()) {
                source = d;
            } else {
                levels.put(d.position(), d);
            }
        }
        if (source == null) {
            source = LevelData.source(flow, List.of());
        }
        List<List<Object>> committed = new ArrayList<>();
        for (JsonNode c : h.path("committed")) {
            if (c.has("level")) {
                int p = c.path("level").asInt();
                LevelData l = p < 0 ? source : levels.get(p);
                committed.add(l == null ? List.of() : l.rows());
            } else {
                int n = c.path("rows").asInt();
                committed.add(section(bytes, starts, ends, line, n));
                line += n;
            }
        }
        List<String> chain = new ArrayList<>();
        h.path("chain").forEach(n -> chain.add(n.asText()));
        Map<Integer, CodeSource> sources = new HashMap<>();
        h.path("codeSources").fields().forEachRemaining(e -> sources.put(Integer.parseInt(e.getKey()), CodeSource.valueOf(e.getValue().asText())));
        List<ChainStep> steps = new ArrayList<>();
        for (JsonNode s : h.path("steps")) {
            steps.add(new ChainStep(s.path("position").asInt(), s.path("name").asText(), s.path("mode").asText(),
                    s.path("connector").asText(), strings(s.path("params"))));
        }
        JsonNode e = h.path("error");
        ErrorInfo error = e.isObject() ? new ErrorInfo(e.path("message").asText(), e.path("details").asText()) : null;
        return new RunRecord(h.path("number").asInt(), flow, Instant.parse(h.path("startedAt").asText()),
                RunOutcome.valueOf(h.path("outcome").asText()), chain, source, levels, calls, error,
                h.path("failedPosition").asInt(-1), h.path("durationNanos").asLong(), h.path("pausedNanos").asLong(),
                sources, h.path("dryRun").asBoolean(), steps, committed, h.path("fromPosition").asInt(-1), h.path("origin").asText());
    }

    private static List<Object> section(byte[] bytes, int[] starts, int[] ends, int from, int n) {
        return n == 0 ? List.of() : PackedRows.jsonLines(bytes, Arrays.copyOfRange(starts, from, from + n), Arrays.copyOfRange(ends, from, from + n));
    }

    private static CallRecord call(JsonNode o) {
        List<String> actions = new ArrayList<>();
        o.path("actions").forEach(a -> actions.add(a.asText()));
        JsonNode e = o.path("error");
        List<LogLine> log = new ArrayList<>();
        o.path("log").forEach(l -> log.add(new LogLine(LogLine.Stream.valueOf(l.path("stream").asText()), l.path("text").asText())));
        List<DryRun.Call> connectorCalls = new ArrayList<>();
        for (JsonNode d : o.path("connectorCalls")) {
            String mode = d.path("mode").asText();
            connectorCalls.add(new DryRun.Call(d.path("flow").asText(), d.path("function").asText(),
                    mode.isEmpty() ? null : Mode.of(mode), d.path("connector").asText(), d.path("type").asText(),
                    d.path("operation").asText(), JSON.convertValue(d.path("args"), Object.class), d.path("rows").asInt()));
        }
        return new CallRecord(o.path("seq").asInt(), o.path("position").asInt(), o.path("function").asText(),
                o.path("mode").asText(), o.path("inputLevel").asText(), o.path("inputRows").asInt(), strings(o.path("params")),
                actions, o.path("outcome").asText(), o.path("committedRows").asInt(), o.path("durationNanos").asLong(),
                e.isObject() ? new ErrorInfo(e.path("message").asText(), e.path("details").asText()) : null, log,
                o.path("droppedLogLines").asInt(), connectorCalls);
    }

    static Map<String, String> strings(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }
}
