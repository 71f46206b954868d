package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import io.kisflow.config.Problem;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.engine.DryRun;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mocks and dry runs through the debugger's view-models: pinned rows win over a function's code and
 * over its connector; the dry-run switch is a run setting; a dry run writes nothing, records each
 * call's connector calls (the Call tab's list), badges the cards, and refuses an unpinned Load.
 * The storage is real: connector Files writes JSON lines into a folder its init code creates.
 */
class DryRunSessionTest {
    @TempDir
    Path tmp;
    private SessionDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private Path store() {
        return tmp.resolve("store");
    }

    /** Save = Upper -> SaveRows (Save, Files); Load = LoadRows (Load, Files) -> Count. */
    private ConfigSet project() {
        return ConfigSet.EMPTY
                .withConn(new ConnConfig("Files", "local", "file", "rows", Map.of("dir", store().toString()), List.of(), List.of(), Map.of()))
                .withFunc(FuncConfig.of("Upper", "Calculate"))
                .withFunc(FuncConfig.of("SaveRows", "Save").withOption(FuncOption.EMPTY.withCname("Files")))
                .withFunc(FuncConfig.of("LoadRows", "Load").withOption(FuncOption.EMPTY.withCname("Files")))
                .withFunc(FuncConfig.of("Count", "Calculate"))
                .withFlow(FlowConfig.of("Save", FlowStep.of("Upper"), FlowStep.of("SaveRows")))
                .withFlow(FlowConfig.of("Load", FlowStep.of("LoadRows"), FlowStep.of("Count")));
    }

    private static final KisPlugin FILES = pool -> {
        pool.caasInit("Files", c -> {
            Path dir = Path.of(c.getConfig().params().get("dir"));
            Files.createDirectories(dir);
            c.setMetaData("file", dir.resolve(c.getConfig().key() + ".jsonl"));
        });
        pool.caas("Files", "SaveRows", Mode.SAVE, (c, f, flow, args) -> Files.writeString((Path) c.getMetaData("file"),
                args + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        pool.caas("Files", "LoadRows", Mode.LOAD, (c, f, flow, args) -> Files.readAllLines((Path) c.getMetaData("file")));
        pool.faas("Upper", flow -> flow.input().forEach(r -> flow.commitRow(String.valueOf(r).toUpperCase(java.util.Locale.ROOT))));
        pool.faas("SaveRows", flow -> {
            for (Object row : flow.input()) {
                flow.getConnector().call(flow, row);
                flow.commitRow(row);
            }
        });
        pool.faas("LoadRows", flow -> flow.commitRowBatch((List<?>) flow.getConnector().call(flow, null)));
        pool.faas("Count", flow -> flow.commitRow(flow.input().size() + " rows"));
    };

    private DebugSession open(DebugSettings extra) {
        DebugSettings settings = extra.withInput("Save", List.of("a", "b"), InputMode.TEXT).withInput("Load", List.of("go"), InputMode.TEXT);
        driver = new SessionDriver(project(), settings, DebugOptions.defaults().withSamples(false).withExtraPlugins(List.of(FILES)));
        return driver.session;
    }

    private static List<Object> rows(CardState card) {
        return card.outputProperty().get() == null ? null : card.outputProperty().get().rows();
    }

    private static List<String> messages(DebugSession s) {
        return s.problems().stream().map(Problem::message).toList();
    }

    @Test
    void pinnedRowsOfAFunctionWithCodeWinOverItsCode() {
        DebugSession s = open(DebugSettings.EMPTY);
        CardState upper = s.flow("Save").card(0);
        assertEquals(CodeSource.PLUGIN, upper.codeSourceProperty().get());
        s.pins("Upper").textProperty().set("\"pinned\"");
        s.pins("Upper").pinnedProperty().set(true);
        assertEquals(CodeSource.PINNED, upper.codeSourceProperty().get());

        assertTrue(s.run("Save"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("pinned"), rows(upper), "the pin wins over the plugin's code");
        assertTrue(upper.outputProperty().get().pinned(), "the inspector badges the level");
        assertEquals(List.of(), messages(s), "no warning: pinning a function with code is what the user asked for");
        assertEquals(CodeSource.PINNED, s.flow("Save").lastRunProperty().get().codeSources().get(0));
    }

    @Test
    void pinnedRowsOfAFunctionBoundToAConnectorWinAndItsConnectorIsNeverOpened() throws Exception {
        DebugSession s = open(DebugSettings.EMPTY);
        s.pins("SaveRows").textProperty().set("{\"saved\": false}");
        s.pins("SaveRows").pinnedProperty().set(true);
        assertTrue(s.run("Save"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of(Map.of("saved", false)), rows(s.flow("Save").card(1)));
        assertFalse(Files.exists(store()), "a real run, but the pinned function neither opened nor called its connector");

        s.pins("SaveRows").pinnedProperty().set(false);
        assertTrue(s.run("Save"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("A", "B"), Files.readAllLines(store().resolve("rows.jsonl")), "unpinned, its code writes again");
    }

    @Test
    void aDryRunWritesNothingAndTheCallTabListsTheConnectorCallsOfEachCall() {
        DebugSession s = open(DebugSettings.EMPTY);
        CardState save = s.flow("Save").card(1);
        assertEquals(DryRunEffect.NONE, save.dryRunEffectProperty().get());
        int revision = s.settingsRevisionProperty().get();
        s.dryRunProperty().set(true);
        assertTrue(s.settingsRevisionProperty().get() > revision, "the switch is a run setting: the project has unsaved changes");
        assertTrue(s.settings().dryRun());
        assertEquals(DryRunEffect.RECORDED, save.dryRunEffectProperty().get());
        assertEquals(DryRunEffect.NONE, s.flow("Save").card(0).dryRunEffectProperty().get(), "Upper binds no connector");
        assertEquals(DryRunEffect.NEEDS_PIN, s.flow("Load").card(0).dryRunEffectProperty().get());

        assertTrue(s.run("Save"));
        driver.await(SessionState.FINISHED);
        assertFalse(Files.exists(store()), "nothing written, no connector opened");
        assertEquals(List.of("A", "B"), rows(save), "the flow runs on as it would");
        CallRecord call = save.calls().get(0);
        assertEquals(List.of(
                new DryRun.Call("Save", "SaveRows", Mode.SAVE, "Files", "file local key rows", "", "A", 1),
                new DryRun.Call("Save", "SaveRows", Mode.SAVE, "Files", "file local key rows", "", "B", 1)), call.connectorCalls());
        assertEquals(List.of(), s.flow("Save").card(0).calls().get(0).connectorCalls());
        RunRecord last = s.flow("Save").lastRunProperty().get();
        assertTrue(last.dryRun());
        assertEquals(2, last.connectorCalls());
        assertTrue(last.label().startsWith("Dry run #1 · finished · 2 calls"), last.label());
        assertTrue(s.messageProperty().get().startsWith("Dry run #1 of Save finished: 2 calls"), s.messageProperty().get());
        assertTrue(s.messageProperty().get().endsWith("(nothing written: 2 connector calls recorded)"), s.messageProperty().get());

        s.dryRunProperty().set(false);
        assertEquals(DryRunEffect.NONE, save.dryRunEffectProperty().get());
        assertTrue(s.run("Save"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of(), save.calls().get(0).connectorCalls(), "a real run records nothing");
        assertFalse(s.flow("Save").lastRunProperty().get().dryRun());
        assertTrue(Files.exists(store().resolve("rows.jsonl")));
    }

    @Test
    void aDryRunRefusesAnUnpinnedLoadBeforeItStartsAndUsesItsPinnedRows() {
        DebugSession s = open(DebugSettings.EMPTY.withDryRun(true));
        assertTrue(s.dryRunProperty().get(), "the switch comes from the project's settings");
        assertFalse(s.run("Load"));
        assertEquals(List.of("flow Load, function LoadRows (#1): Load function LoadRows reads connector Files;"
                + " in a dry run pin its rows or turn dry run off"), messages(s));
        assertEquals(SessionState.IDLE, s.state());

        s.pins("LoadRows").textProperty().set("\"x\"\n\"y\"");
        s.pins("LoadRows").pinnedProperty().set(true);
        assertEquals(DryRunEffect.NONE, s.flow("Load").card(0).dryRunEffectProperty().get());
        assertTrue(s.run("Load"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("x", "y"), rows(s.flow("Load").card(0)));
        assertEquals(List.of("2 rows"), rows(s.flow("Load").card(1)));
        assertFalse(Files.exists(store()));
    }

    @Test
    void aDryRunNeedsNoConnectorCodeAndOnlyWarns() {
        KisPlugin noConnectorCode = pool -> {
            pool.faas("Upper", flow -> flow.commitRowBatch(flow.input()));
            pool.faas("SaveRows", flow -> flow.commitRowBatch(flow.input()));
        };
        driver = new SessionDriver(project(), DebugSettings.EMPTY.withInput("Save", List.of("a"), InputMode.TEXT),
                DebugOptions.defaults().withSamples(false).withExtraPlugins(List.of(noConnectorCode)));
        DebugSession s = driver.session;
        assertFalse(s.run("Save"), "a real run needs the connector's code");
        s.dryRunProperty().set(true);
        assertTrue(s.run("Save"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("connector Files (bound by flow Save, function SaveRows (#2)) has no code: no plugin registers it;"
                + " add the plugin that implements it to the project, or clear the function's connector; this dry run only records"
                + " its calls"), messages(s));
        assertTrue(s.problems().stream().noneMatch(Problem::isError));
    }

    @Test
    void undoingTheSwitchPutsItBack() {
        DebugSession s = open(DebugSettings.EMPTY);
        s.dryRunProperty().set(true);
        s.applySettings(s.settings().withDryRun(false));
        assertFalse(s.dryRunProperty().get());
        assertEquals(DryRunEffect.NONE, s.flow("Save").card(1).dryRunEffectProperty().get());
    }
}
