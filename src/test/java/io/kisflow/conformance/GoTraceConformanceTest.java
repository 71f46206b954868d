package io.kisflow.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.TraceRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import static io.kisflow.conformance.TraceAssert.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads Go's test configs (load_conf) with the project's loader, runs every flow with Java
 * handlers equivalent to the Go ones and compares the run with the trace the Go engine recorded
 * (go-traces; both read from ../shared/conformance, see {@link io.kisflow.SharedMaterial}):
 * call order, chain, params, input levels and rows, committed rows, actions, errors, the data map
 * before and after every call and at the end. Deliberate differences that show in these runs are
 * checked as such (see docs/DIFFERENCES.md): the connector is initialised once per engine, not per
 * flow build, and its save list is exact rather than one entry per build.
 */
class GoTraceConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CALL_FIELDS = List.of("seq", "function", "mode", "input_level", "input_rows", "params",
            "committed_rows", "actions", "returned_error", "data_map_before_call", "data_map_after_call");
    private static final List<String> RUN_FIELDS = List.of("flow_name", "function_chain", "func_params_all_funcs", "source_rows",
            "run_error", "call_order", "final_data_map", "final_data_map_level_order");

    static Stream<String> traces() throws IOException {
        try (Stream<Path> files = Files.list(io.kisflow.SharedMaterial.goTraces())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    /** The configs the runs use: Go's load_conf directory, loaded by the project's YAML loader. */
    static ConfigSet configs() {
        LoadResult loaded = ConfigLoader.load(io.kisflow.SharedMaterial.loadConf());
        assertEquals(List.of(), loaded.errors(), "Go's own test configs load without errors");
        return loaded.configs();
    }

    @Test
    void loadConfHoldsEveryFlowATraceWasRecordedFor() throws IOException {
        ConfigSet configs = configs();
        for (String trace : traces().toList()) {
            String flow = JSON.readTree(io.kisflow.SharedMaterial.goTraces().resolve(trace).toFile()).get("flow_name").asText();
            assertTrue(configs.flow(flow) != null, trace + ": flow " + flow + " is in load_conf");
        }
        assertEquals(7, configs.flows().size());
        assertTrue(configs.globalOrDefault().prometheusEnable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void javaRunMatchesGoTrace(String traceFile) throws Exception {
        runAndCompare(traceFile, false);
    }

    /**
     * The same runs with Go semantics (Engine.Builder.goSemantics): everything matches as before,
     * and where the Java engine deliberately differs it now does as Go did: the connector's save
     * list holds Go's repeats, and the init runs once per function instance.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void goSemanticsRunMatchesGoTrace(String traceFile) throws Exception {
        runAndCompare(traceFile, true);
    }

    private static void runAndCompare(String traceFile, boolean goSemantics) throws Exception {
        JsonNode go = JSON.readTree(io.kisflow.SharedMaterial.goTraces().resolve(traceFile).toFile());
        ConformancePlugin handlers = new ConformancePlugin();
        // load_conf turns Prometheus on at 0.0.0.0:20004; serve on a free local port instead so tests never collide.
        try (Engine engine = Engine.builder().configs(configs()).plugin(handlers).metricsAddress("127.0.0.1:0")
                .goSemantics(goSemantics).build()) {
            KisFlowRun original = engine.flow(go.get("flow_name").asText());
            boolean forked = traceFile.endsWith("-fork.json");
            KisFlowRun flow = forked ? original.fork() : original;
            TraceRecorder trace = new TraceRecorder(flow);
            for (Object row : sourceRows(go)) {
                flow.commitRow(row);
            }
            flow.run();
            JsonNode java = JSON.valueToTree(trace.toJson());

            for (String field : RUN_FIELDS) {
                assertSameJson(traceFile + " " + field, go.get(field), java.get(field));
            }
            assertEquals(go.get("calls").size(), java.get("calls").size(), traceFile + ": number of calls");
            for (int i = 0; i < go.get("calls").size(); i++) {
                for (String field : CALL_FIELDS) {
                    assertSameJson(traceFile + " call " + (i + 1) + " " + field, go.get("calls").get(i).get(field),
                            java.get("calls").get(i).get(field));
                }
            }
            checkConnectorCalls(traceFile, go, handlers, goSemantics);
            checkTypedRows(traceFile, go, handlers);
            if (forked) {
                assertSameJson(traceFile + " original flow params", go.get("original_flow_func_params_all_funcs"),
                        JSON.valueToTree(new TraceRecorder(original).toJson().get("func_params_all_funcs")));
                assertTrue(original.levels().isEmpty(), "running the fork left the original untouched");
            }
        }
    }

    /**
     * Connector calls carry the same connector, function, mode, argument and params as in Go.
     * Deliberate differences: one init per engine (Go: one per flow build), and the save list holds
     * funcName2 once (Go appends it again at every flow build).
     */
    private static void checkConnectorCalls(String traceFile, JsonNode go, ConformancePlugin handlers, boolean goSemantics) {
        List<JsonNode> expected = new ArrayList<>();
        go.get("calls").forEach(c -> {
            if (c.has("connector_calls")) {
                c.get("connector_calls").forEach(expected::add);
            }
        });
        assertEquals(expected.size(), handlers.connectorCalls.size(), traceFile + ": connector calls");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            ConformancePlugin.ConnectorCall a = handlers.connectorCalls.get(i);
            assertEquals(e.get("connector").asText(), a.connector());
            assertEquals(e.get("function").asText(), a.function());
            assertEquals(e.get("mode").asText(), a.mode().yaml());
            assertSameJson(traceFile + " connector call " + i + " args", e.get("args"), JSON.valueToTree(a.args()));
            assertSameJson(traceFile + " connector call " + i + " params", e.get("connector_params"), JSON.valueToTree(a.connectorParams()));
            List<String> goSave = new ArrayList<>();
            e.get("connector_config_save_list").forEach(n -> goSave.add(n.asText()));
            if (goSemantics) {
                assertEquals(goSave, a.saveList(), "Go semantics: the save list as Go holds it, one entry per flow build");
            } else {
                assertEquals(goSave.stream().distinct().toList(), a.saveList(), "save list: exact, without Go's repeats");
            }
            assertEquals(List.of(), a.loadList());
        }
        assertEquals(expected.isEmpty() ? List.of() : List.of("ConnName1"), handlers.connectorInits,
                traceFile + ": the connector is initialised once per engine, before its first use");
    }

    /** StuAvg: the typed rows each function received and the printed lines match Go's. */
    private static void checkTypedRows(String traceFile, JsonNode go, ConformancePlugin handlers) {
        List<JsonNode> expected = new ArrayList<>();
        go.get("calls").forEach(c -> {
            if (c.has("typed_input_rows")) {
                expected.add(c.get("typed_input_rows"));
            }
        });
        assertEquals(expected.size(), handlers.typedInputs.size(), traceFile + ": typed calls");
        for (int i = 0; i < expected.size(); i++) {
            assertSameJson(traceFile + " typed input rows of call " + (i + 1), expected.get(i), JSON.valueToTree(handlers.typedInputs.get(i)));
        }
        List<String> printed = new ArrayList<>();
        go.get("calls").forEach(c -> {
            if (c.has("printed")) {
                c.get("printed").forEach(p -> printed.add(p.asText()));
            }
        });
        assertEquals(printed, handlers.printed, traceFile + ": printed lines");
    }

    /**
     * Go's source rows: strings, except StuAvg, whose rows were a *AvgStuScoreIn, an AvgStuScoreIn value
     * and a JSON string. In Java: a record (passed as is), a map (converted through Jackson) and the string.
     */
    static List<Object> sourceRows(JsonNode go) {
        List<Object> rows = new ArrayList<>();
        JsonNode source = go.get("source_rows");
        for (int i = 0; i < source.size(); i++) {
            JsonNode row = source.get(i);
            if (row.isTextual()) {
                rows.add(row.asText());
            } else if (i == 0) {
                rows.add(JSON.convertValue(row, ConformancePlugin.AvgStuScoreIn.class));
            } else {
                rows.add(JSON.convertValue(row, LinkedHashMap.class));
            }
        }
        return rows;
    }
}
