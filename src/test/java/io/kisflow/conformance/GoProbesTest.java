package io.kisflow.conformance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Action;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.GoDifference;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Mode;
import io.kisflow.engine.TraceRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.conformance.TraceAssert.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every probe of Go's engine (../shared/conformance/go-probes.json) that a YAML-driven run can
 * express, run with Go semantics ({@link Engine.Builder#goSemantics}) from YAML files the project's
 * loader reads, with Java handlers doing what the probe's Go handlers did, and compared with what Go
 * did: its traces call by call (inputs, committed rows, actions, the data map before and after) and
 * its observations. The probes that cannot be expressed, and why, are listed in docs/DIFFERENCES.md
 * ("Go semantics: the probes").
 */
class GoProbesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CALL_FIELDS = List.of("function", "input_level", "input_rows", "params", "committed_rows",
            "actions", "data_map_before_call", "data_map_after_call");

    @TempDir
    Path dir;

    @Test
    void forceEntryNextWithCommittedRowsEmptiesTheLevel() throws Exception {
        JsonNode probe = probe("force_entry_next_with_committed_rows");
        ConfigSet configs = project(flow("probeForceEntry", "feA", "feB"), func("feA"), func("feB"));
        KisPlugin handlers = pool -> {
            pool.faas("feA", f -> {
                f.commitRowBatch(f.input());
                f.next(Action.FORCE_ENTRY_NEXT);
            });
            pool.faas("feB", f -> {
            });
        };
        try (Engine engine = go(configs, handlers)) {
            KisFlowRun flow = engine.flow("probeForceEntry");
            assertSameRun(probe.get("runs").get(0), run(flow, "r1", "r2"));
            assertEquals(List.of(), flow.levels().get(1).rows(), "observed final_level_feA: " + probe.get("observed"));
            assertEquals(List.of(GoDifference.Kind.FORCE_ENTRY_NEXT), kinds(flow));
        }
    }

    @Test
    void dataReuseOnAnEmptyLevelLeavesTheCommittedRowForTheNextRun() throws Exception {
        JsonNode probe = probe("data_reuse_with_empty_previous_level");
        ConfigSet configs = project(flow("probeReuseEmpty", "deA", "deB", "deC"), func("deA"), func("deB"), func("deC"));
        KisPlugin handlers = pool -> {
            pool.faas("deA", f -> f.next(Action.FORCE_ENTRY_NEXT));
            pool.faas("deB", f -> {
                f.commitRow("x");
                f.next(Action.DATA_REUSE);
            });
            pool.faas("deC", f -> {
            });
        };
        try (Engine engine = go(configs, handlers)) {
            KisFlowRun flow = engine.flow("probeReuseEmpty");
            assertSameRun(probe.get("runs").get(0), run(flow, "r1"));
            assertEquals(List.of(GoDifference.Kind.DATA_REUSE_EMPTY_INPUT), kinds(flow));
            // observed buffer_after_run ["x"]: the next run's source holds it
            run(flow);
            assertEquals(List.of("x"), flow.levels().get(0).rows(), "observed: " + probe.get("observed"));
        }
    }

    @Test
    void aFailedRunLeavesItsRowAndAbortToTheNextRun() throws Exception {
        JsonNode probe = probe("error_leaves_buffer_and_action");
        ConfigSet configs = project(flow("probeErr", "errA", "errB"), func("errA"), func("errB"));
        AtomicInteger calls = new AtomicInteger();
        KisPlugin handlers = pool -> {
            pool.faas("errA", f -> {
                if (calls.incrementAndGet() == 1) {
                    f.commitRow("partial");
                    f.next(Action.ABORT);
                    throw new IllegalStateException("boom");
                }
                f.commitRowBatch(f.input());
            });
            pool.faas("errB", f -> {
            });
        };
        try (Engine engine = go(configs, handlers)) {
            KisFlowRun flow = engine.flow("probeErr");
            Map<String, Object> first = run(flow, "src1");
            assertTrue(String.valueOf(first.get("run_error")).contains("boom"), "run 1 fails with Go's error: " + first.get("run_error"));
            assertEquals(List.of(GoDifference.Kind.FAILED_RUN_LEFTOVERS), kinds(flow));
            assertSameRun(probe.get("runs").get(1), run(flow, "src2"));
        }
    }

    @Test
    void zeroSourceRowsCallTheFirstFunctionOnly() throws Exception {
        JsonNode probe = probe("zero_source_rows");
        ConfigSet configs = project(flow("probeZero", "zA", "zB"), func("zA"), func("zB"));
        try (Engine engine = go(configs, passThrough("zA", "zB"))) {
            assertSameRun(probe.get("runs").get(0), run(engine.flow("probeZero")));
        }
    }

    @Test
    void aForwardJumpFailsAtTheSkippedLevel() throws Exception {
        JsonNode probe = probe("jump_forward");
        ConfigSet configs = project(flow("probeJumpFwd", "jfA", "jfB", "jfC"), func("jfA"), func("jfB"), func("jfC"));
        KisPlugin handlers = pool -> {
            pool.faas("jfA", f -> {
                f.commitRowBatch(f.input());
                f.next(Action.jumpFunc("jfC"));
            });
            pool.faas("jfB", f -> f.commitRowBatch(f.input()));
            pool.faas("jfC", f -> {
            });
        };
        try (Engine engine = go(configs, handlers)) {
            Map<String, Object> java = run(engine.flow("probeJumpFwd"), "r1");
            assertSameRun(probe.get("runs").get(0), java);
            assertTrue(String.valueOf(java.get("run_error")).contains("has no input"), String.valueOf(java.get("run_error")));
        }
    }

    @Test
    void aJumpToAnUnknownNameFails() throws Exception {
        JsonNode probe = probe("jump_to_unknown_function");
        ConfigSet configs = project(flow("probeJumpUnknown", "juA", "juB"), func("juA"), func("juB"));
        KisPlugin handlers = pool -> {
            pool.faas("juA", f -> {
                f.commitRowBatch(f.input());
                f.next(Action.jumpFunc("nope"));
            });
            pool.faas("juB", f -> {
            });
        };
        try (Engine engine = go(configs, handlers)) {
            Map<String, Object> java = run(engine.flow("probeJumpUnknown"), "r1");
            assertSameRun(probe.get("runs").get(0), java);
            assertTrue(String.valueOf(java.get("run_error")).contains("nope"));
        }
    }

    @Test
    void paramsAreALiveMapThatForksDoNotShare() throws Exception {
        JsonNode probe = probe("func_params_live_map");
        ConfigSet configs = project(
                "kistype: flow\nstatus: 1\nflow_name: probeParamsLive\nflows:\n  - fname: pmA\n    params:\n      k: flow\n      x: flowonly\n"
                        + "  - fname: pmB\n",
                "kistype: func\nfname: pmA\nfmode: Calculate\nsource:\n  name: probe\n  must: []\noption:\n  default_params:\n    k: default\n",
                func("pmB"));
        AtomicInteger n = new AtomicInteger();
        KisPlugin handlers = pool -> {
            pool.faas("pmA", f -> {
                f.getFuncParamAll().put("touched", String.valueOf(n.incrementAndGet()));
                f.commitRowBatch(f.input());
            });
            pool.faas("pmB", f -> {
            });
        };
        try (Engine engine = go(configs, handlers)) {
            KisFlowRun flow = engine.flow("probeParamsLive");
            assertSameRun(probe.get("runs").get(0), run(flow, "r1"));
            assertSameRun(probe.get("runs").get(1), run(flow, "r2"));
            assertTrue(kinds(flow).contains(GoDifference.Kind.PARAMS_CHANGED));
            JsonNode fork = probe.get("runs").get(2);
            assertEquals("fork", fork.get("variant").asText());
            assertSameRun(fork, run(flow.fork(), "r3"));
        }
    }

    public record RowV(int v) {
    }

    @Test
    void oneUndecodableTypedRowGivesTheFunctionNoRowsAndTheRunGoesOn() throws Exception {
        JsonNode probe = probe("typed_param_partial_decode_failure");
        ConfigSet configs = project(flow("probePartialDecode", "pdA", "pdB"), func("pdA"), func("pdB"));
        List<List<RowV>> seen = Collections.synchronizedList(new ArrayList<>());
        KisPlugin handlers = pool -> {
            pool.faas("pdA", RowV.class, (f, rows) -> seen.add(rows));
            pool.faas("pdB", f -> {
            });
        };
        try (Engine engine = go(configs, handlers)) {
            KisFlowRun flow = engine.flow("probePartialDecode");
            assertSameRun(probe.get("runs").get(0), run(flow, "{\"v\":1}", "garbage", "{\"v\":3}"));
            assertEquals(List.of(List.of()), seen, "Go passed a nil slice (Go code sees it empty): " + probe.get("observed"));
            assertEquals(List.of(GoDifference.Kind.TYPED_ROW_UNCONVERTIBLE), kinds(flow));
        }
    }

    /** Go's RowHidden: a field JSON leaves out. */
    public static final class RowHidden {
        public int v;
        @JsonIgnore
        public String secret;

        public RowHidden() {
        }

        RowHidden(int v, String secret) {
            this.v = v;
            this.secret = secret;
        }
    }

    @Test
    void typedRowsAlreadyOfTheTypeGoThroughJsonAsForGoPointerParams() throws Exception {
        JsonNode observed = probe("typed_param_identity_and_json_roundtrip").get("observed");
        ConfigSet configs = project(flow("probeIdentity", "idB"), func("idB"));
        List<RowHidden> seen = Collections.synchronizedList(new ArrayList<>());
        KisPlugin handlers = pool -> pool.faas("idB", RowHidden.class, (f, rows) -> seen.addAll(rows));
        RowHidden one = new RowHidden(1, "s1");
        RowHidden two = new RowHidden(2, "s2");
        try (Engine engine = go(configs, handlers)) {
            KisFlowRun flow = engine.flow("probeIdentity");
            flow.commitRow(one);
            flow.commitRow(two);
            flow.run();
            List<Boolean> same = List.of(seen.get(0) == one, seen.get(1) == two);
            assertSameJson("pointer_param_received_same_pointer", observed.get("pointer_param_received_same_pointer"), JSON.valueToTree(same));
            List<String> secrets = seen.stream().map(r -> r.secret == null ? "" : r.secret).toList();
            assertSameJson("pointer_param_secrets_seen", observed.get("pointer_param_secrets_seen"), JSON.valueToTree(secrets));
            assertEquals(List.of(1, 2), seen.stream().map(r -> r.v).toList());
            assertEquals(List.of(GoDifference.Kind.TYPED_ROW_ROUND_TRIP), kinds(flow));
        }
    }

    @Test
    void aConnectorBoundToTwoFunctionsHasAnInstanceAndInitPerFunctionInstanceAndGosLists() throws Exception {
        JsonNode observed = probe("connector_bound_to_two_functions").get("observed");
        ConfigSet configs = project(
                "kistype: conn\ncname: ConnY\naddrs: 127.0.0.1:2\ntype: redis\nkey: k\nparams: {}\nload:\n  - cyLoad\nsave:\n  - cySave\n",
                funcWith("cySave", "Save", "ConnY"), funcWith("cyLoad", "Load", "ConnY"),
                flow("probeConnY1", "cySave", "cyLoad"), flow("probeConnY2", "cySave", "cyLoad"));
        AtomicInteger inits = new AtomicInteger();
        List<List<String>> saveLists = Collections.synchronizedList(new ArrayList<>());
        List<List<String>> loadLists = Collections.synchronizedList(new ArrayList<>());
        KisPlugin handlers = pool -> {
            pool.caasInit("ConnY", c -> inits.incrementAndGet());
            pool.caas("ConnY", "cySave", Mode.SAVE, (c, fn, f, args) -> {
                saveLists.add(c.getConfig().save());
                return null;
            });
            pool.caas("ConnY", "cyLoad", Mode.LOAD, (c, fn, f, args) -> {
                loadLists.add(c.getConfig().load());
                return null;
            });
            pool.faas("cySave", f -> {
                f.getConnector().call(f, f.input());
                f.commitRowBatch(f.input());
            });
            pool.faas("cyLoad", f -> f.getConnector().call(f, null));
        };
        try (Engine engine = go(configs, handlers)) {
            KisFlowRun one = engine.flow("probeConnY1");
            run(one, "r");
            run(engine.flow("probeConnY2"), "r");
            assertEquals(observed.get("b_init_calls_after_import").asInt(), inits.get(), "one init per function instance: " + observed);
            assertSameJson("b_save_list_after_import", observed.get("b_save_list_after_import"), JSON.valueToTree(saveLists.get(0)));
            assertSameJson("b_load_list_after_import", observed.get("b_load_list_after_import"), JSON.valueToTree(loadLists.get(0)));
            assertTrue(kinds(one).contains(GoDifference.Kind.CONNECTOR_PER_FUNCTION));
            // (a): a fork makes its own instances again, and runs their init (Go: 2 after the build, 4 after the fork)
            int before = inits.get();
            run(one.fork(), "r");
            assertEquals(observed.get("a_init_calls_after_fork").asInt() - observed.get("a_init_calls_after_build").asInt(),
                    inits.get() - before);
        }
        inits.set(0);
        try (Engine engine = Engine.builder().configs(configs).plugin(handlers).metrics(false).build()) {
            run(engine.flow("probeConnY1"), "r");
            run(engine.flow("probeConnY2"), "r");
            assertEquals(1, inits.get(), "without Go semantics: one instance per engine, initialised once");
        }
    }

    @Test
    void aDisabledFlowCallsNothingAndKeepsItsRows() throws Exception {
        JsonNode observed = probe("misc_errors").get("observed");
        ConfigSet configs = project("kistype: flow\nstatus: 0\nflow_name: probeDisabled\nflows:\n  - fname: dA\n", func("dA"));
        try (Engine engine = go(configs, passThrough("dA"))) {
            KisFlowRun flow = engine.flow("probeDisabled");
            Map<String, Object> java = run(flow, "r");
            assertSameJson("disabled_flow_calls", observed.get("disabled_flow_calls"), JSON.valueToTree(java.get("call_order")));
            assertNull(java.get("run_error"));
            GoDifference note = flow.goDifferences().get(0);
            assertEquals(GoDifference.Kind.DISABLED_FLOW, note.kind());
            assertTrue(note.words().contains("keeps the 1 row"), note.words());
        }
    }

    @Test
    void anUnregisteredFunctionFailsTheRun() throws Exception {
        JsonNode observed = probe("misc_errors").get("observed");
        ConfigSet configs = project(flow("probeUnregistered", "notRegistered"), func("notRegistered"));
        try (Engine engine = go(configs, pool -> {
        })) {
            Map<String, Object> java = run(engine.flow("probeUnregistered"), "r");
            assertNotNull(observed.get("unregistered_function_run_error").asText());
            assertTrue(String.valueOf(java.get("run_error")).contains("notRegistered"), String.valueOf(java.get("run_error")));
        }
    }

    @Test
    void aSecondRunSeesOnlyItsOwnRows() throws Exception {
        JsonNode probe = probe("run_twice_same_flow");
        ConfigSet configs = project(flow("probeRunTwice", "rtA", "rtB"), func("rtA"), func("rtB"));
        try (Engine engine = go(configs, passThrough("rtA", "rtB"))) {
            KisFlowRun flow = engine.flow("probeRunTwice");
            assertSameRun(probe.get("runs").get(0), run(flow, "a1", "a2"));
            assertSameRun(probe.get("runs").get(1), run(flow, "b1"));
            assertFalse(probe.get("observed").isEmpty());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode probe(String id) throws IOException {
        for (JsonNode p : JSON.readTree(io.kisflow.SharedMaterial.goProbes().toFile()).get("probes")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no probe " + id + " in go-probes.json");
    }

    private ConfigSet project(String... files) throws IOException {
        for (int i = 0; i < files.length; i++) {
            Files.writeString(dir.resolve("probe-" + i + ".yaml"), files[i]);
        }
        LoadResult loaded = ConfigLoader.load(dir);
        assertEquals(List.of(), loaded.errors(), "the probe's YAML loads");
        return loaded.configs();
    }

    private static String flow(String name, String... functions) {
        StringBuilder y = new StringBuilder("kistype: flow\nstatus: 1\nflow_name: " + name + "\nflows:\n");
        for (String f : functions) {
            y.append("  - fname: ").append(f).append('\n');
        }
        return y.toString();
    }

    private static String func(String name) {
        return "kistype: func\nfname: " + name + "\nfmode: Calculate\nsource:\n  name: probe\n  must: []\n";
    }

    private static String funcWith(String name, String mode, String cname) {
        return "kistype: func\nfname: " + name + "\nfmode: " + mode + "\nsource:\n  name: probe\n  must: []\noption:\n  cname: " + cname + "\n";
    }

    private static KisPlugin passThrough(String... names) {
        return pool -> {
            for (String n : names) {
                pool.faas(n, f -> f.commitRowBatch(f.input()));
            }
        };
    }

    private static Engine go(ConfigSet configs, KisPlugin handlers) {
        return Engine.builder().configs(configs).plugin(handlers).metrics(false).goSemantics(true).build();
    }

    /** Commits the rows, runs the flow and returns its trace (a failure is in run_error). */
    private static Map<String, Object> run(KisFlowRun flow, Object... rows) {
        TraceRecorder trace = new TraceRecorder(flow);
        for (Object r : rows) {
            flow.commitRow(r);
        }
        try {
            flow.run();
        } catch (FlowException expected) {
            // the trace holds it
        }
        trace.detach();
        return trace.toJson();
    }

    private static List<GoDifference.Kind> kinds(KisFlowRun flow) {
        return flow.goDifferences().stream().map(GoDifference::kind).toList();
    }

    /** Go's trace and the Java one agree call by call; both failed or neither did. */
    private static void assertSameRun(JsonNode go, Map<String, Object> javaMap) {
        JsonNode java = JSON.valueToTree(javaMap);
        String variant = go.get("flow_name").asText() + " " + go.get("variant").asText();
        assertSameJson(variant + " call_order", go.get("call_order"), java.get("call_order"));
        assertSameJson(variant + " final_data_map", go.get("final_data_map"), java.get("final_data_map"));
        assertEquals(go.get("run_error").isNull(), java.get("run_error").isNull(), variant + " run_error: Go " + go.get("run_error")
                + ", Java " + java.get("run_error"));
        for (int i = 0; i < go.get("calls").size(); i++) {
            for (String field : CALL_FIELDS) {
                assertSameJson(variant + " call " + (i + 1) + " " + field, go.get("calls").get(i).get(field),
                        java.get("calls").get(i).get(field));
            }
        }
    }
}
