package io.kisflow.designer.debug;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.engine.Action;
import io.kisflow.engine.GoDifference;
import io.kisflow.engine.KisPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a Go server differs, through the debugger's view-models: each call's notes
 * ({@link CallRecord#goNotes()}) and the card's count that badges it, and the Go-semantics switch, a
 * run setting under which the cards' levels are a Go server's. The flow is the samples' LogReport
 * (KeepErrors commits the error lines and asks for ForceEntryNext).
 */
class GoSemanticsSessionTest {
    private SessionDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private DebugSession open(ConfigSet configs, List<KisPlugin> plugins, String flow, List<String> rows) {
        driver = new SessionDriver(configs, DebugSettings.EMPTY.withInput(flow, rows, InputMode.TEXT),
                DebugOptions.defaults().withExtraPlugins(plugins));
        return driver.session;
    }

    private static List<Object> rows(CardState card) {
        return card.outputProperty().get() == null ? null : card.outputProperty().get().rows();
    }

    @Test
    void theCardAndItsCallSayWhereAGoServerDiffersAndGoSemanticsGivesGosLevels() throws Exception {
        List<String> log = Files.readAllLines(Path.of("conf-samples/actions/input-log.txt"));
        DebugSession s = open(ConfigLoader.load(Path.of("conf-samples")).configs(), List.of(), "LogReport", log);
        CardState keepErrors = s.flow("LogReport").card(2);
        CardState summarize = s.flow("LogReport").card(3);
        assertTrue(s.run("LogReport"));
        driver.await(SessionState.FINISHED);
        assertEquals(2, rows(keepErrors).size());
        assertEquals(1, keepErrors.goNotesProperty().get(), "the card is badged");
        assertEquals(0, summarize.goNotesProperty().get());
        GoDifference note = keepErrors.lastCallProperty().get().goNotes().get(0);
        assertEquals(GoDifference.Kind.FORCE_ENTRY_NEXT, note.kind());
        assertEquals("ForceEntryNext after KeepErrors's level got 2 rows: a Go server empties that level, so Summarize gets no rows;"
                + " here it reads them", note.words());

        int revision = s.settingsRevisionProperty().get();
        s.goSemanticsProperty().set(true);
        assertTrue(s.settingsRevisionProperty().get() > revision, "the switch is a run setting: the project has unsaved changes");
        assertTrue(s.settings().goSemantics());
        assertTrue(s.run("LogReport"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of(), rows(keepErrors), "a Go server empties the level after ForceEntryNext");
        assertEquals(List.of("0 of 4 lines are errors"), rows(summarize));
        assertTrue(keepErrors.lastCallProperty().get().goNotes().get(0).words().startsWith("Go semantics: ForceEntryNext emptied"));

        s.goSemanticsProperty().set(false);
        assertTrue(s.run("LogReport"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("2 of 4 lines are errors"), rows(summarize), "off again: the Java engine's semantics");
    }

    @Test
    void aNoteThatComesAfterItsCallEndedIsOnThatCallWhenTheRunHasEnded() {
        ConfigSet configs = ConfigSet.EMPTY.withFunc(FuncConfig.of("Partial", "Calculate"))
                .withFlow(FlowConfig.of("Fails", FlowStep.of("Partial")));
        KisPlugin plugin = pool -> pool.faas("Partial", flow -> {
            flow.commitRow("partial");
            flow.next(Action.ABORT);
            throw new IllegalStateException("boom");
        });
        DebugSession s = open(configs, List.of(plugin), "Fails", List.of("src"));
        assertTrue(s.run("Fails"));
        driver.await(SessionState.FAILED);
        CardState card = s.flow("Fails").card(0);
        assertEquals(1, card.goNotesProperty().get());
        GoDifference note = card.lastCallProperty().get().goNotes().get(0);
        assertEquals(GoDifference.Kind.FAILED_RUN_LEFTOVERS, note.kind());
        assertTrue(note.words().startsWith("after this failure a Go server keeps the 1 row Partial committed"), note.words());
        assertFalse(s.flow("Fails").lastRunProperty().get().calls().get(0).goNotes().isEmpty(), "the run's record has it too");
    }
}
