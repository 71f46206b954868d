package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.engine.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dry runs and mocks at the engine's connector boundary ({@link ConnectorGate}): a dry run opens no
 * connector, records the calls instead of performing them, and refuses Load functions unless they
 * are mocked; a mock (the designer's pinned rows) wins over a function's own code. The storage is
 * real: a plugin connector writing JSON lines into a folder its init code creates.
 */
class DryRunTest {
    @TempDir
    Path tmp;

    /** Flows Save (Double -> SaveRows) and Load (LoadRows -> Count) around connector Files, whose params.dir is the store. */
    private ConfigSet project() {
        Path dir = tmp.resolve("store");
        ConfigSet set = ConfigSet.EMPTY
                .withConn(new ConnConfig("Files", "local", "file", "rows", Map.of("dir", dir.toString()), List.of(), List.of(), Map.of()))
                .withFunc(FuncConfig.of("Double", "Calculate"))
                .withFunc(FuncConfig.of("SaveRows", "Save").withOption(FuncOption.EMPTY.withCname("Files")))
                .withFunc(FuncConfig.of("LoadRows", "Load").withOption(FuncOption.EMPTY.withCname("Files")))
                .withFunc(FuncConfig.of("Count", "Calculate"));
        set = set.withFlow(FlowConfig.of("Save", FlowStep.of("Double"), FlowStep.of("SaveRows")));
        return set.withFlow(FlowConfig.of("Load", FlowStep.of("LoadRows"), FlowStep.of("Count")));
    }

    /** The connector's init creates the store folder (its "connection"); Save appends each row, Load reads them back. */
    private static KisPlugin filesPlugin(AtomicInteger inits) {
        return pool -> {
            pool.caasInit("Files", c -> {
                inits.incrementAndGet();
                Path dir = Path.of(c.getConfig().params().get("dir"));
                Files.createDirectories(dir);
                c.setMetaData("file", dir.resolve(c.getConfig().key() + ".jsonl"));
            });
            pool.caas("Files", "SaveRows", Mode.SAVE, (c, f, flow, args) -> {
                Files.writeString((Path) c.getMetaData("file"), args + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return "written";
            });
            pool.caas("Files", "LoadRows", Mode.LOAD, (c, f, flow, args) -> Files.readAllLines((Path) c.getMetaData("file")));
            pool.faas("Double", flow -> flow.input().forEach(r -> flow.commitRow(r + "" + r)));
            pool.faas("SaveRows", flow -> {
                for (Object row : flow.input()) {
                    flow.getConnector().call(flow, row);
                    flow.commitRow(row);
                }
            });
            pool.faas("LoadRows", flow -> flow.commitRowBatch((List<?>) flow.getConnector().call(flow, null)));
            pool.faas("Count", flow -> flow.commitRow(flow.input().size() + " rows: " + flow.input()));
        };
    }

    @Test
    void aSaveFlowInADryRunWritesNothingAndRecordsTheRowsItWouldWrite() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        try (Engine engine = Projects.engine(project(), filesPlugin(inits))) {
            KisFlowRun flow = engine.flow("Save");
            DryRun dry = new DryRun();
            flow.setConnectorGate(dry);
            Map<String, List<Object>> levels = run(flow, "a", "b");

            assertEquals(List.of("aa", "bb"), levels.get("SaveRows"), "the flow runs on as it would");
            assertFalse(Files.exists(tmp.resolve("store")), "no connection was opened: init did not run");
            assertEquals(0, inits.get());
            assertEquals(List.of(
                    new DryRun.Call("Save", "SaveRows", Mode.SAVE, "Files", "file local key rows", "", "aa", 1),
                    new DryRun.Call("Save", "SaveRows", Mode.SAVE, "Files", "file local key rows", "", "bb", 1)), dry.calls());
            assertEquals("SaveRows (Save) -> Files (file local key rows): 1 row", dry.calls().get(0).describe());
            assertEquals(2, dry.total());

            // the same flow instance run for real writes: the store works, and dry runs were the only reason it was empty
            flow.setConnectorGate(null);
            run(flow, "c");
            assertEquals(List.of("cc"), Files.readAllLines(tmp.resolve("store/rows.jsonl")));
            assertEquals(1, inits.get());
            assertEquals(2, dry.total(), "a real run records nothing in the old dry run");
        }
    }

    @Test
    void aLoadFunctionInADryRunFailsSayingToPinItsRows() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        try (Engine engine = Projects.engine(project(), filesPlugin(inits))) {
            KisFlowRun flow = engine.flow("Load");
            flow.setConnectorGate(new DryRun());
            FlowException e = assertThrows(FlowException.class, () -> run(flow, "go"));
            assertEquals("flow Load, function LoadRows (position 1): Load function LoadRows reads connector Files;"
                    + " in a dry run pin its rows or turn dry run off", e.getMessage());
            assertEquals("LoadRows", e.getFunctionName());
            assertEquals(0, inits.get());

            KisFlowRun cli = engine.flow("Load");
            cli.setConnectorGate(new DryRun("run without --dry-run", 10));
            assertTrue(assertThrows(FlowException.class, () -> run(cli, "go")).getMessage()
                    .endsWith("reads connector Files; in a dry run run without --dry-run"));
        }
    }

    @Test
    void aLoadFunctionInADryRunReturnsItsPinnedRowsAndOpensNothing() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        Engine engine = Engine.builder().configs(project()).plugin(filesPlugin(inits)).metrics(false)
                .mocks(fc -> {
                    asked.incrementAndGet();
                    return fc.fname().equals("LoadRows") ? flow -> flow.commitRowBatch(List.of("p1", "p2")) : null;
                }).build();
        try (engine) {
            KisFlowRun flow = engine.flow("Load");
            assertEquals(2, asked.get(), "asked once per function when the flow instance is made");
            DryRun dry = new DryRun();
            flow.setConnectorGate(dry);
            Map<String, List<Object>> levels = run(flow, "go");
            assertEquals(List.of("p1", "p2"), levels.get("LoadRows"));
            assertEquals(List.of("2 rows: [p1, p2]"), levels.get("Count"));
            assertEquals(List.of(), dry.calls());
            assertEquals(0, inits.get());
        }
    }

    @Test
    void aMockWinsOverPluginCodeAndNeverOpensItsConnectorEvenInARealRun() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        Engine engine = Engine.builder().configs(project()).plugin(filesPlugin(inits)).metrics(false)
                .mocks(fc -> fc.fname().equals("SaveRows") || fc.fname().equals("Double")
                        ? flow -> flow.commitRow("pinned " + fc.fname()) : null).build();
        try (engine) {
            Map<String, List<Object>> levels = run(engine.flow("Save"), "a");
            assertEquals(List.of("pinned Double"), levels.get("Double"), "a function with code: the mock wins");
            assertEquals(List.of("pinned SaveRows"), levels.get("SaveRows"), "a function bound to a connector: the mock wins");
            assertEquals(0, inits.get());
            assertFalse(Files.exists(tmp.resolve("store")));
        }
    }

    @Test
    void aForkOfADryRunIsADryRun() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        try (Engine engine = Projects.engine(project(), filesPlugin(inits))) {
            KisFlowRun flow = engine.flow("Save");
            DryRun dry = new DryRun();
            flow.setConnectorGate(dry);
            KisFlowRun fork = flow.fork();
            assertTrue(fork.getConnectorGate() == dry);
            run(fork, "z");
            assertEquals(List.of("zz"), dry.calls().stream().map(DryRun.Call::args).toList());
            assertFalse(Files.exists(tmp.resolve("store")));
        }
    }

    @Test
    void aDryRunRecordsCallsEvenWhenNoPluginHasCodeForTheConnector() throws Exception {
        KisPlugin saveOnly = pool -> {
            pool.faas("Double", flow -> flow.commitRowBatch(flow.input()));
            pool.faas("SaveRows", flow -> flow.commitRow(String.valueOf(flow.getConnector().call(flow, flow.input()))));
        };
        try (Engine engine = Projects.engine(project(), saveOnly)) {
            KisFlowRun flow = engine.flow("Save");
            DryRun dry = new DryRun();
            flow.setConnectorGate(dry);
            assertEquals(List.of("null"), run(flow, "x", "y").get("SaveRows"), "a recorded call returns null");
            assertEquals(List.of(List.of("x", "y")), dry.calls().stream().map(DryRun.Call::args).toList());
            assertEquals(2, dry.calls().get(0).rows());
        }
    }

    @Test
    void codeThatUsesTheConnectorsClientItselfFailsInADryRunSayingWhy() throws Exception {
        KisPlugin direct = pool -> {
            pool.caasInit("Files", c -> c.setMetaData("file", tmp.resolve("direct.jsonl")));
            pool.faas("Double", flow -> flow.commitRowBatch(flow.input()));
            pool.faas("SaveRows", flow -> {
                Path file = (Path) flow.getConnector().getMetaData("file");
                Files.writeString(Path.of(file.toString()), "x\n");
                flow.commitRowBatch(flow.input());
            });
        };
        try (Engine engine = Projects.engine(project(), direct)) {
            KisFlowRun flow = engine.flow("Save");
            flow.setConnectorGate(new DryRun());
            FlowException e = assertThrows(FlowException.class, () -> run(flow, "x"));
            assertTrue(e.getMessage().startsWith("flow Save, function SaveRows (position 2) failed: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(its connector Files was not opened: a dry run opens no connection, so code that"
                    + " uses the connector's clients itself, not through connector.call(...), cannot run in one)"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("direct.jsonl")));
        }
    }

    @Test
    void theDefaultGatePerformsAndAFlowOfAnotherKindGetsIt() throws Exception {
        try (Engine engine = Projects.engine(project(), filesPlugin(new AtomicInteger()))) {
            KisFlowRun flow = engine.flow("Save");
            assertTrue(flow.getConnectorGate() == ConnectorGate.PERFORM);
            assertTrue(ConnectorGate.PERFORM.opensConnectors());
            assertNull(ConnectorGate.PERFORM.refusal(flow.functions().get(1), flow.functions().get(1).getConnector()));
            assertTrue(ConnectorGate.of(null) == ConnectorGate.PERFORM);
        }
    }
}
