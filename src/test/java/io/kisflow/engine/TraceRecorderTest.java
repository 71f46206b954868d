package io.kisflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.prefixing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The trace of a run in the shape of the Go conformance traces (schema kisflow-go-trace/1). */
class TraceRecorderTest {
    record Score(int id, double avg) {
    }

    @Test
    void aRunIsWrittenInTheGoTraceShape(@TempDir Path dir) throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                for (Object row : flow.input()) {
                    flow.commitRow(new Score(Integer.parseInt((String) row), 1.5));
                }
            });
            pool.faas("B", flow -> flow.next(Action.ABORT));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            TraceRecorder trace = new TraceRecorder(flow);
            Projects.run(flow, "7");
            Path file = dir.resolve("out/trace.json");
            trace.write(file);
            JsonNode json = new ObjectMapper().readTree(file.toFile());

            List<String> keys = new ArrayList<>();
            json.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("schema", "flow_name", "function_chain", "func_params_all_funcs", "source_rows", "run_error",
                    "call_order", "calls", "final_data_map", "final_data_map_level_order", "go_semantics", "go_differences"), keys);
            assertEquals("[]", json.get("go_differences").toString(), "a plain run: a Go server would do the same");
            assertEquals("kisflow-go-trace/1", json.get("schema").asText());
            assertEquals("[{\"position\":0,\"name\":\"A\",\"mode\":\"Calculate\",\"connector\":\"\"},"
                    + "{\"position\":1,\"name\":\"B\",\"mode\":\"Calculate\",\"connector\":\"\"}]", json.get("function_chain").toString());
            assertEquals("[\"A\",\"B\"]", json.get("call_order").toString());
            JsonNode b = json.get("calls").get(1);
            assertEquals("A", b.get("input_level").asText());
            assertEquals("[{\"id\":7,\"avg\":1.5}]", b.get("input_rows").toString(), "records are rendered as JSON objects");
            assertEquals("[\"ActionAbort\"]", b.get("actions").toString());
            assertEquals("{\"FunctionIDFirstVirtual\":[\"7\"],\"A\":[{\"id\":7,\"avg\":1.5}]}", b.get("data_map_after_call").toString());
            assertEquals("[\"FunctionIDFirstVirtual\",\"A\"]", json.get("final_data_map_level_order").toString());
            assertEquals(true, json.get("run_error").isNull());
        }
    }

    @Test
    void aFailedRunRecordsTheErrorOfTheCallAndOfTheRun() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B"), pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", flow -> {
                throw new IllegalStateException("bad row");
            });
        })) {
            KisFlowRun flow = engine.flow("F");
            TraceRecorder trace = new TraceRecorder(flow);
            assertThrows(FlowException.class, () -> Projects.run(flow, "x"));
            Map<String, Object> json = trace.toJson();
            assertEquals("flow F, function B (position 2) failed: bad row", json.get("run_error"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> calls = (List<Map<String, Object>>) json.get("calls");
            assertEquals("flow F, function B (position 2) failed: bad row", calls.get(1).get("returned_error"));
            assertEquals(FunctionEnd.OUTCOME_ERROR, calls.get(1).get("outcome"));
        }
    }

    @Test
    void onlyTheLatestRunIsKept() throws Exception {
        try (Engine engine = engine(chain("F", "A"), pool -> pool.faas("A", prefixing("a:")))) {
            KisFlowRun flow = engine.flow("F");
            TraceRecorder trace = new TraceRecorder(flow);
            Projects.run(flow, "x");
            Projects.run(flow, "y");
            assertEquals(List.of("y"), trace.toJson().get("source_rows"));
            trace.detach();
            Projects.run(flow, "z");
            assertEquals(List.of("y"), trace.toJson().get("source_rows"));
        }
    }

    @Test
    void itRecordsOnlyFlowsMadeByAnEngine() {
        Flow foreign = (Flow) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Flow.class},
                (p, m, a) -> null);
        assertThrows(IllegalArgumentException.class, () -> new TraceRecorder(foreign));
    }
}
