package io.kisflow.designer.debug.link;

import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.CardStatus;
import io.kisflow.designer.debug.CodeSource;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.SessionDriver;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.FlowEdits;
import io.kisflow.designer.edit.FunctionEdits;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.project.ProjectFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debugger in step with the document: edits reach the session, run settings come back as undoable edits. */
class ProjectDebuggerTest {
    @TempDir
    Path tmp;
    ProjectDocument doc;
    ProjectDebugger dbg;

    @BeforeEach
    void open() throws IOException {
        Path project = tmp.resolve("project");
        copyTree(Path.of("conf-samples"), project);
        doc = new ProjectDocument();
        dbg = new ProjectDebugger(doc, DebugOptions.defaults().withMetrics(false), Runnable::run, Runnable::run);
        openInto(project);
    }

    private void openInto(Path dir) throws IOException {
        ProjectFiles files = ProjectFiles.open(dir);
        DesignState s = new DesignState(files.configs(), files.layout());
        doc.open(files.directory(), s, s);
    }

    @AfterEach
    void close() {
        dbg.close();
    }

    @Test
    void theSelectionPicksTheFlowAndCardThePanelsShow() {
        doc.select(Selection.step("StuScore", 1));
        assertEquals("StuScore", dbg.flowProperty().get());
        assertEquals(new CardKey("StuScore", 1), dbg.cardProperty().get());
        assertEquals("AvgStuScore", dbg.selectedCard().function());

        doc.select(Selection.flow("LogReport"));
        assertEquals("LogReport", dbg.flowProperty().get());
        assertNull(dbg.cardProperty().get());

        doc.select(Selection.NONE);
        assertEquals("LogReport", dbg.flowProperty().get(), "the run panel keeps the last flow picked");
    }

    @Test
    void typingInputRowsIsAnUndoableEditOfTheSidecarLayout() {
        DebugSession s = dbg.session();
        var input = s.flow("StuScore").input();
        List<String> sample = input.stored();
        assertEquals(4, sample.size(), "the samples come with input rows");
        input.textProperty().set("{\"stu_id\":1}");
        input.textProperty().set("{\"stu_id\":1}\n{\"stu_id\":2}");

        assertEquals(List.of("{\"stu_id\":1}", "{\"stu_id\":2}"), doc.state().layout().inputRows().get("StuScore"));
        assertTrue(doc.isDirty(), "unsaved until saved into the sidecar");
        assertEquals("Edit input rows of StuScore", doc.history().undoDescriptionProperty().get());

        doc.undo();
        assertEquals(sample, input.stored(), "the keystrokes were one burst: one undo puts the sample rows back");
        assertEquals(sample, doc.state().layout().inputRows().get("StuScore"));
        assertFalse(doc.isDirty());

        doc.redo();
        assertEquals(List.of("{\"stu_id\":1}", "{\"stu_id\":2}"), input.stored());
        assertEquals(2, input.rowCountProperty().get());
    }

    @Test
    void theCallLimitIsAnUndoableEditOfTheSidecarLayout() {
        DebugSession s = dbg.session();
        s.setCallLimit(500);
        assertEquals(500, doc.state().layout().extra().get(io.kisflow.designer.debug.LayoutSettings.CALL_LIMIT));
        assertEquals("Set the call limit to 500", doc.history().undoDescriptionProperty().get());
        assertTrue(doc.isDirty());
        doc.undo();
        assertNull(s.callLimitProperty().get(), "undo gives the session its old limit");
        assertEquals(io.kisflow.designer.debug.CallLimit.DEFAULT, s.effectiveCallLimit());
        assertFalse(doc.state().layout().extra().containsKey(io.kisflow.designer.debug.LayoutSettings.CALL_LIMIT));
        doc.redo();
        assertEquals(500, s.effectiveCallLimit());
    }

    @Test
    void theInputModeIsKeptInTheSidecarAndFollowsARename() {
        var input = dbg.session().flow("StuScore").input();
        assertEquals(InputMode.JSON, input.modeProperty().get(), "the sample's input is JSON");
        input.modeProperty().set(InputMode.TEXT);
        input.modeProperty().set(InputMode.JSON);
        input.textProperty().set("{\"stu_id\": 7}");
        assertEquals(List.of("{\"stu_id\":7}"), doc.state().layout().inputRows().get("StuScore"));

        doc.perform(FlowEdits.rename("StuScore", "Scores"));
        var renamed = dbg.session().flow("Scores").input();
        assertEquals(InputMode.JSON, renamed.modeProperty().get());
        assertEquals(List.of("{\"stu_id\":7}"), renamed.stored());
        assertEquals(List.of("{\"stu_id\":7}"), doc.state().layout().inputRows().get("Scores"));
        assertEquals(java.util.Map.of("SaveScores", "json", "Scores", "json"), doc.state().layout().extra().get("debuggerInputModes"));
        assertEquals("Rename flow StuScore to Scores", doc.history().undoDescriptionProperty().get(),
                "the rename is one undo step: the session's echo adds none");
    }

    @Test
    void saveAndLoadCardsOfABuiltInConnectorSayWhatItDoesUntilItsTypeHasNoClient() {
        DebugSession s = dbg.session();
        var save = s.card(new CardKey("SaveScores", 2));
        assertEquals(CodeSource.BUILT_IN, save.codeSourceProperty().get());
        assertEquals("built-in · append to stu_avg_score.jsonl", save.builtInProperty().get());
        assertEquals("built-in · read stu_avg_score.jsonl", s.card(new CardKey("LoadScores", 0)).builtInProperty().get());

        doc.perform(io.kisflow.designer.edit.ConnectorEdits.update("ScoreStore", "Change type", c -> c.withType("mongo")));
        save = s.card(new CardKey("SaveScores", 2));
        assertEquals(CodeSource.PASS_THROUGH, save.codeSourceProperty().get(), "no built-in client for mongo: the card has no code");
        assertNull(save.builtInProperty().get());
        doc.undo();
        assertEquals(CodeSource.BUILT_IN, s.card(new CardKey("SaveScores", 2)).codeSourceProperty().get());
    }

    @Test
    void pinningRowsIsUndoableAndTheCardShowsThePin() {
        DebugSession s = dbg.session();
        doc.perform(FunctionEdits.addAndInsert(io.kisflow.config.FuncConfig.of("Draft", "Calculate"), "StuScore", 3));
        assertEquals(CodeSource.PASS_THROUGH, s.card(new CardKey("StuScore", 3)).codeSourceProperty().get(), "no code yet");
        var pin = s.pins("Draft");
        pin.textProperty().set("{\"avg\": 1}");
        pin.pinnedProperty().set(true);

        assertEquals(List.of("{\"avg\":1}"), doc.state().layout().pinnedRows().get("Draft"));
        assertEquals("Pin output rows of Draft", doc.history().undoDescriptionProperty().get());
        assertEquals(CodeSource.PINNED, s.card(new CardKey("StuScore", 3)).codeSourceProperty().get());

        doc.undo();
        assertFalse(pin.isPinned());
        assertFalse(doc.state().layout().pinnedRows().containsKey("Draft"));
        assertEquals(CodeSource.PASS_THROUGH, s.card(new CardKey("StuScore", 3)).codeSourceProperty().get());
    }

    @Test
    void theDryRunSwitchIsAnUndoableRunSettingOfTheSidecar() {
        DebugSession s = dbg.session();
        assertFalse(s.dryRunProperty().get());
        s.dryRunProperty().set(true);
        assertEquals(Boolean.TRUE, doc.state().layout().extra().get("debuggerDryRun"));
        assertEquals("Turn dry run on", doc.history().undoDescriptionProperty().get());
        assertTrue(doc.isDirty());
        assertEquals(io.kisflow.designer.debug.DryRunEffect.RECORDED, s.card(new CardKey("SaveScores", 2)).dryRunEffectProperty().get());

        doc.undo();
        assertFalse(s.dryRunProperty().get());
        assertFalse(doc.state().layout().extra().containsKey("debuggerDryRun"));
        assertEquals(io.kisflow.designer.debug.DryRunEffect.NONE, s.card(new CardKey("SaveScores", 2)).dryRunEffectProperty().get());
        doc.redo();
        assertTrue(s.dryRunProperty().get());
        s.dryRunProperty().set(false);
        assertEquals("Turn dry run off", doc.history().undoDescriptionProperty().get());
    }

    @Test
    void theGoSemanticsSwitchIsAnUndoableRunSettingOfTheSidecar() {
        DebugSession s = dbg.session();
        assertFalse(s.goSemanticsProperty().get());
        s.goSemanticsProperty().set(true);
        assertEquals(Boolean.TRUE, doc.state().layout().extra().get("debuggerGoSemantics"));
        assertEquals("Turn Go semantics on", doc.history().undoDescriptionProperty().get());
        assertTrue(doc.isDirty());

        doc.undo();
        assertFalse(s.goSemanticsProperty().get());
        assertFalse(doc.state().layout().extra().containsKey("debuggerGoSemantics"));
        doc.redo();
        assertTrue(s.goSemanticsProperty().get());
        s.goSemanticsProperty().set(false);
        assertEquals("Turn Go semantics off", doc.history().undoDescriptionProperty().get());
    }

    @Test
    void runningTheSelectedFlowFillsItsCardsAndAnEditMarksThemStale() {
        DebugSession s = dbg.session();
        s.flow("StuScore").input().textProperty().set("{\"stu_id\":1,\"score_1\":90,\"score_2\":80,\"score_3\":70}");
        doc.select(Selection.step("StuScore", 0));
        SessionDriver driver = SessionDriver.wrap(s);
        long before = dbg.changesProperty().get();

        assertTrue(dbg.run());
        driver.await(SessionState.FINISHED, SessionState.FAILED);
        assertEquals(SessionState.FINISHED, s.state(), s.messageProperty().get());
        assertEquals(CardStatus.DONE, s.card(new CardKey("StuScore", 1)).statusProperty().get());
        assertEquals(1, s.card(new CardKey("StuScore", 1)).rowCountProperty().get());
        assertTrue(dbg.changesProperty().get() > before, "the canvas is told to repaint");

        doc.perform(FunctionEdits.update("AvgStuScore", "Set a default param of AvgStuScore",
                f -> f.withOption(f.option().withDefaultParams(java.util.Map.of("note", "x")))));
        assertFalse(s.card(new CardKey("StuScore", 0)).staleProperty().get());
        assertTrue(s.card(new CardKey("StuScore", 1)).staleProperty().get());
        assertTrue(s.card(new CardKey("StuScore", 2)).staleProperty().get());
    }

    @Test
    void theInspectorFollowsTheSelectedCardAfterARunAfterAStepAndWhenTheSelectionMoves() {
        DebugSession s = dbg.session();
        SessionDriver driver = SessionDriver.wrap(s);
        doc.select(Selection.step("StuScore", 0));

        // after a run: the selected card's level (VerifyStu's 3 rows), not the last level (PrintStuAvgScore's)
        assertTrue(dbg.run());
        driver.await(SessionState.FINISHED);
        assertEquals("#1 VerifyStu", s.inspector().level().label());
        assertEquals(3, s.inspector().level().size());

        // after a step: still the selected card, now empty (the new run has not reached it) then its rows
        doc.select(Selection.step("StuScore", 1));
        assertEquals("#2 AvgStuScore", s.inspector().level().label());
        assertTrue(dbg.step());
        driver.await(SessionState.PAUSED);
        assertEquals("#2 AvgStuScore", s.inspector().level().label());
        assertEquals(0, s.inspector().level().size(), "AvgStuScore has not run in this run yet");
        assertTrue(dbg.step());
        driver.await(SessionState.PAUSED);
        assertEquals("#2 AvgStuScore", s.inspector().level().label(), "VerifyStu ran, but AvgStuScore is selected");
        assertTrue(dbg.step());
        driver.await(SessionState.PAUSED);
        assertEquals(3, s.inspector().level().size());

        // while paused the selection moves: the inspector goes with it
        doc.select(Selection.step("StuScore", 0));
        assertEquals("#1 VerifyStu", s.inspector().level().label());
        doc.select(Selection.flow("StuScore"));
        assertTrue(s.inspector().level().isSource());
        assertEquals(4, s.inspector().level().size());
        dbg.stop();
        driver.await(SessionState.STOPPED);
    }

    @Test
    void aBigInputFileIsAnUndoableReferenceThatKeepsTheSidecarAndRecoveryCopySmall() throws IOException {
        DebugSession s = dbg.session();
        Path big = doc.directory().resolve("rows").resolve("big.jsonl");
        Files.createDirectories(big.getParent());
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100_000; i++) {
            text.append("{\"stu_id\": ").append(i).append(", \"score_1\": 90, \"score_2\": 85, \"score_3\": 77}\n");
        }
        Files.writeString(big, text);
        var input = s.flow("StuScore").input();
        List<String> typed = input.stored();

        input.loadFile(big);
        assertEquals(100_000, input.rowCountProperty().get());
        assertEquals("Read input rows of StuScore from rows/big.jsonl", doc.history().undoDescriptionProperty().get());
        var layout = doc.state().layout();
        assertFalse(layout.inputRows().containsKey("StuScore"), "the rows are not copied into the sidecar");
        assertEquals(java.util.Map.of("StuScore", "rows/big.jsonl"), layout.extra().get("debuggerInputFiles"));
        Path state = tmp.resolve("state");
        new io.kisflow.designer.project.RecoveryStore(state).save(doc.directory(), doc.state().configs(), layout);
        long recoveryBytes;
        try (Stream<Path> files = Files.walk(state)) {
            recoveryBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(recoveryBytes < 20_000, "the recovery copy holds the path, not 6 MB of rows: " + recoveryBytes);

        SessionDriver driver = SessionDriver.wrap(s);
        doc.select(Selection.flow("StuScore"));
        assertTrue(dbg.run());
        driver.await(SessionState.FINISHED);
        assertEquals(100_000, s.card(new CardKey("StuScore", 2)).rowCountProperty().get());

        doc.undo();
        assertEquals("", input.fileProperty().get());
        assertEquals(typed, input.stored());
        doc.redo();
        assertEquals("rows/big.jsonl", input.fileProperty().get());
        assertEquals(100_000, input.rowCountProperty().get());

        doc.perform(FlowEdits.rename("StuScore", "Scores"));
        assertEquals(java.util.Map.of("Scores", "rows/big.jsonl"), doc.state().layout().extra().get("debuggerInputFiles"));
        assertEquals("rows/big.jsonl", s.flow("Scores").input().fileProperty().get());
    }

    @Test
    void breakpointsAndRunToHereActOnTheSelectedCard() {
        DebugSession s = dbg.session();
        s.flow("StuScore").input().textProperty().set("{\"stu_id\":1,\"score_1\":90,\"score_2\":80,\"score_3\":70}");
        doc.select(Selection.flow("StuScore"));
        assertFalse(dbg.toggleBreakpoint(), "no card selected");
        assertEquals("Select a function card to put a breakpoint on it.", doc.status().text());

        doc.select(Selection.step("StuScore", 2));
        assertTrue(dbg.toggleBreakpoint());
        assertTrue(s.card(new CardKey("StuScore", 2)).breakpointProperty().get());
        SessionDriver driver = SessionDriver.wrap(s);
        assertTrue(dbg.run());
        driver.await(SessionState.PAUSED);
        assertEquals(new CardKey("StuScore", 2), s.pausedAtProperty().get());
        dbg.stop();
        driver.await(SessionState.STOPPED);
    }

    @Test
    void openingAnotherProjectStartsAFreshSession() throws IOException {
        DebugSession first = dbg.session();
        first.flow("RetryPoll").input().textProperty().set("a");
        Path other = tmp.resolve("other");
        copyTree(Path.of("conf-samples"), other);
        openInto(other);
        assertNotSame(first, dbg.session());
        assertEquals(List.of("job-17", "job-18"), dbg.session().flow("RetryPoll").input().stored());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
