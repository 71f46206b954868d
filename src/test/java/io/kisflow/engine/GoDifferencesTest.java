package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.connector;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.retry;
import static io.kisflow.engine.Projects.run;
import static io.kisflow.engine.Projects.withConn;
import static io.kisflow.engine.Projects.withMode;
import static io.kisflow.engine.Projects.withOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every run notes where a Go server would have done something else (GoDifference), with the
 * default Java semantics unchanged; and with Go semantics the quirks happen (the probes of Go's
 * engine are in conformance.GoProbesTest).
 */
class GoDifferencesTest {
    private static final String SRC = KisFlowRun.SOURCE_LEVEL;

    @TempDir
    Path dir;

    @Test
    void forceEntryNextAfterCommittedRowsIsNotedDuringTheCallAndTheRowsStillGoOn() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                flow.commitRowBatch(flow.input());
                flow.next(Action.FORCE_ENTRY_NEXT);
            });
            pool.faas("B", prefixing("b:"));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            assertFalse(engine.goSemantics(), "the default is the Java engine's semantics");
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            assertEquals(Map.of(SRC, List.of("x", "y"), "A", List.of("x", "y"), "B", List.of("b:x", "b:y")), run(flow, "x", "y"));
            GoDifference d = only(flow);
            assertEquals(new GoDifference(GoDifference.Kind.FORCE_ENTRY_NEXT, "F", 1, 0, "A",
                    "ForceEntryNext after A's level got 2 rows: a Go server empties that level, so B gets no rows; here it reads them"), d);
            List<Object> events = log.events;
            int note = events.indexOf(d);
            assertTrue(events.get(note - 1) instanceof FunctionStart s && s.function().equals("A"), "heard during A's call: " + events);
            assertTrue(events.get(note + 1) instanceof FunctionEnd e && e.function().equals("A"), "before A's end: " + events);
        }
    }

    @Test
    void dataReuseOnAnEmptyInputNotesTheRowsGoWouldLeak() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> flow.next(Action.FORCE_ENTRY_NEXT));
            pool.faas("B", flow -> {
                flow.commitRow("x");
                flow.next(Action.DATA_REUSE);
            });
            pool.faas("C", prefixing("c:"));
        };
        try (Engine engine = engine(chain("F", "A", "B", "C"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "r");
            GoDifference d = only(flow);
            assertEquals(GoDifference.Kind.DATA_REUSE_EMPTY_INPUT, d.kind());
            assertEquals("B", d.function());
            assertTrue(d.words().contains("keeps the 1 row B committed, which become extra source rows of its next run"), d.words());
            run(flow, "next");
            assertEquals(List.of("next"), flow.levels().get(0).rows(), "nothing leaks here");
        }
    }

    @Test
    void aFailureNotesTheRowsAndActionGoKeepsForTheNextRun() throws Exception {
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            flow.commitRow("partial");
            flow.next(Action.ABORT);
            throw new IllegalStateException("boom");
        });
        try (Engine engine = engine(chain("F", "A"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            assertThrows(FlowException.class, () -> run(flow, "src"));
            GoDifference d = only(flow);
            assertEquals(GoDifference.Kind.FAILED_RUN_LEFTOVERS, d.kind());
            assertTrue(d.words().startsWith("after this failure a Go server keeps the 1 row A committed and its pending action"), d.words());
            assertTrue(log.events.indexOf(d) < log.events.size() - 1 && log.events.get(log.events.size() - 1) instanceof RunEnd,
                    "noted before the run's end");
        }
    }

    public record Score(int v) {
    }

    @Test
    void typedRowsNoteTheUnconvertibleRowAndRowsPassedAsIs() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> flow.commitRow(new Score(1)));
            pool.faas("B", Score.class, (flow, rows) -> flow.commitRowBatch(rows));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "x");
            GoDifference d = only(flow);
            assertEquals(GoDifference.Kind.TYPED_ROW_ROUND_TRIP, d.kind());
            assertTrue(d.words().startsWith("1 of 1 rows already were Score and were passed as is"), d.words());
        }
        KisPlugin bad = pool -> pool.faas("B", Score.class, (flow, rows) -> flow.commitRowBatch(rows));
        try (Engine engine = engine(chain("F", "B"), bad)) {
            KisFlowRun flow = engine.flow("F");
            assertThrows(FlowException.class, () -> run(flow, "{\"v\":1}", "garbage"));
            GoDifference d = only(flow);
            assertEquals(GoDifference.Kind.TYPED_ROW_UNCONVERTIBLE, d.kind());
            assertTrue(d.words().startsWith("row 2 cannot convert JSON string 'garbage' to Score"), d.words());
            assertTrue(d.words().endsWith("calls the function with no rows (a nil list) and the run goes on; here the run fails"));
        }
    }

    @Test
    void aJumpLoopStoppedByTheLimitIsNotedOnTheJumpingFunction() {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> flow.commitRowBatch(flow.input()));
            pool.faas("B", flow -> flow.next(Action.jumpFunc("A")));
        };
        try (Engine engine = Engine.builder().configs(chain("F", "A", "B")).plugin(plugin).metrics(false).maxCalls(10).build()) {
            KisFlowRun flow = engine.flow("F");
            assertThrows(FlowException.class, () -> run(flow, "x"));
            GoDifference d = only(flow);
            assertEquals(GoDifference.Kind.JUMP_LOOP, d.kind());
            assertEquals("B", d.function());
            assertEquals("a Go server never ends this JumpFunc loop: it calls B and A for ever; here the run stops after 10 calls", d.words());
        }
    }

    @Test
    void retrySettingsAreNotedOnEveryCallAndGoSemanticsCallsOnce() {
        AtomicInteger calls = new AtomicInteger();
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            calls.incrementAndGet();
            throw new IllegalStateException("down");
        });
        ConfigSet set = withOption(chain("F", "A"), "A", retry(2, 0));
        try (Engine engine = engine(set, plugin)) {
            KisFlowRun flow = engine.flow("F");
            assertThrows(FlowException.class, () -> run(flow, "x"));
            assertEquals(3, calls.get());
            assertEquals(List.of(1, 2, 3), flow.goDifferences().stream()
                    .filter(d -> d.kind() == GoDifference.Kind.RETRY_SETTINGS).map(GoDifference::seq).toList());
            assertTrue(flow.goDifferences().get(0).words().startsWith("a Go server ignores retry_times 2: there a failure of A fails"));
        }
        calls.set(0);
        try (Engine engine = Engine.builder().configs(set).plugin(plugin).metrics(false).goSemantics(true).build()) {
            assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals(1, calls.get(), "Go ignores retry_times");
        }
    }

    @Test
    void aConnectorBoundBySeveralFunctionsAndOneWithoutInitCodeAreNoted() throws Exception {
        ConfigSet set = withConn(chain("F", "S", "L"), "C");
        set = withOption(withMode(set, "S", "Save"), "S", connector("C"));
        set = withOption(withMode(set, "L", "Load"), "L", connector("C"));
        KisPlugin plugin = pool -> {
            pool.caas("C", "S", Mode.SAVE, (c, f, flow, args) -> null);
            pool.caas("C", "L", Mode.LOAD, (c, f, flow, args) -> null);
            pool.faas("S", flow -> {
                flow.getConnector().call(flow, flow.input());
                flow.commitRowBatch(flow.input());
            });
            pool.faas("L", flow -> flow.getConnector().call(flow, null));
        };
        try (Engine engine = engine(set, plugin)) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "x");
            List<GoDifference> notes = flow.goDifferences();
            assertEquals(List.of(GoDifference.Kind.CONNECTOR_PER_FUNCTION, GoDifference.Kind.CONNECTOR_WITHOUT_INIT,
                    GoDifference.Kind.CONNECTOR_PER_FUNCTION, GoDifference.Kind.CONNECTOR_WITHOUT_INIT),
                    notes.stream().map(GoDifference::kind).toList());
            assertEquals("connector C is bound by 2 function instances (S in F; L in F): a Go server makes one connector instance"
                    + " for each, runs its init code 2 times and keeps separate metadata for each; its save list there reads [S]"
                    + " and its load list [L]; here one instance, initialised once, is shared", notes.get(0).words());
            assertTrue(notes.get(1).words().startsWith("connector C has no init code: a Go server panics"), notes.get(1).words());
        }
        try (Engine engine = Engine.builder().configs(set).plugin(plugin).metrics(false).goSemantics(true).build()) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertTrue(e.getMessage().contains("Go semantics: connector C has no init code"), e.getMessage());
        }
    }

    @Test
    void builtInStoragePinnedRowsAndDryRunsAreNotedAsWhatAGoServerDoesNot() throws Exception {
        ConfigSet set = chain("F", "M", "S").withConn(new ConnConfig("Files", dir.toString(), "file", "out.jsonl", Map.of(),
                List.of(), List.of(), Map.of()));
        set = withOption(withMode(set, "S", "Save"), "S", connector("Files"));
        try (Engine engine = Engine.builder().configs(set).metrics(false)
                .mocks(fc -> fc.fname().equals("M") ? flow -> flow.commitRow("{\"v\":1}") : null).build()) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "x");
            List<String> stored = Files.readAllLines(dir.resolve("out.jsonl"));
            assertEquals(1, stored.size(), "the built-in client stored the pinned row: " + stored);
            assertTrue(stored.get(0).contains("v"), stored.get(0));
            List<GoDifference> notes = flow.goDifferences();
            assertEquals(List.of(GoDifference.Kind.DESIGNER_STAND_IN, GoDifference.Kind.BUILT_IN_STORAGE),
                    notes.stream().map(GoDifference::kind).toList());
            assertEquals("pinned rows stood in for M: a Go server runs M's own code", notes.get(0).words());
            assertTrue(notes.get(1).words().endsWith("Go has no built-in storage: a Go server without Go code for S fails the run there"
                    + " with 'FuncName: S Can not find in NsPool, Not Added.'"), notes.get(1).words());

            KisFlowRun dry = engine.flow("F");
            dry.setConnectorGate(new DryRun());
            run(dry, "x");
            assertTrue(dry.goDifferences().stream().anyMatch(d -> d.kind() == GoDifference.Kind.DESIGNER_STAND_IN
                    && d.words().equals("a dry run kept connector Files closed and recorded S's calls to it: a Go server opens it and performs them")),
                    dry.goDifferences().toString());
        }
    }

    @Test
    void aDisabledFlowIsNotedAndItsRowsDroppedUnlessGoSemanticsKeepsThem() throws Exception {
        ConfigSet set = chain("F", "A");
        set = set.withFlow(new FlowConfig(0, "F", set.flow("F").flows(), Map.of()));
        AtomicInteger calls = new AtomicInteger();
        KisPlugin plugin = pool -> pool.faas("A", flow -> calls.incrementAndGet());
        try (Engine engine = engine(set, plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            run(flow, "r");
            GoDifference d = only(flow);
            assertEquals(new GoDifference(GoDifference.Kind.DISABLED_FLOW, "F", 0, -1, null, "flow F is disabled (status 0): a Go"
                    + " server's loader skips it, so a server cannot run it; a Go flow built in code keeps the 1 row committed to it"
                    + " for ever, here they are dropped"), d);
            assertEquals(List.of(d), log.events, "the listeners hear the note, and nothing else");
        }
        try (Engine engine = Engine.builder().configs(set).plugin(plugin).metrics(false).goSemantics(true).build()) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "r");
            run(flow, "s");
            assertTrue(only(flow).words().contains("keeps the 2 rows committed to it"), "the first run's row is still there: " + only(flow));
            assertEquals(0, calls.get());
        }
    }

    @Test
    void aPlainRunNotesNothing() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B"), pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", prefixing("b:"));
        })) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "x");
            assertEquals(List.of(), flow.goDifferences());
        }
    }

    private static GoDifference only(KisFlowRun flow) {
        assertEquals(1, flow.goDifferences().size(), flow.goDifferences().toString());
        return flow.goDifferences().get(0);
    }
}
