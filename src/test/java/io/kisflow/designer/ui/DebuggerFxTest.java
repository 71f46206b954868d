package io.kisflow.designer.ui;

import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.CardStatus;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.SessionState;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debugger in the real window: Run, Step, Continue and breakpoints from the keyboard, counts on the cards. */
@Tag("window")
class DebuggerFxTest extends DesignerFxTest {

    @Start
    void start(Stage stage) throws java.io.IOException {
        startDesigner(stage);
    }

    DebugSession session() {
        return vm.debugger.session();
    }

    int rows(String flow, int position) {
        return session().card(new CardKey(flow, position)).rowCountProperty().get();
    }

    CardStatus status(String flow, int position) {
        return session().card(new CardKey(flow, position)).statusProperty().get();
    }

    @Test
    void f5RunsTheSelectedFlowAndEachCardShowsItsRows(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("StuScore", 0));
        robot.type(KeyCode.F5);
        awaitState(SessionState.FINISHED);

        assertEquals(4, session().flow("StuScore").sourceProperty().get().size());
        assertEquals(3, rows("StuScore", 0), "VerifyStu drops student 103 (a score of 140)");
        assertEquals(3, rows("StuScore", 1));
        assertEquals(3, rows("StuScore", 2));
        assertEquals(CardStatus.DONE, status("StuScore", 2));
        shot(window.canvasView(), "debug-run.png");
    }

    @Test
    void stepPausesBeforeEachFunctionAndContinueFinishes(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("LogReport", 1));
        robot.type(KeyCode.F10);
        awaitState(SessionState.PAUSED);
        assertEquals(new CardKey("LogReport", 0), session().pausedAtProperty().get());
        assertEquals(CardStatus.CURRENT, status("LogReport", 0));

        robot.type(KeyCode.F10);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new CardKey("LogReport", 1).equals(session().pausedAtProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, rows("LogReport", 0), "TrimLines drops the blank line");
        assertEquals(-1, rows("LogReport", 1), "CountLines has not run yet");
        shot(window.canvasView(), "debug-step.png");

        robot.type(KeyCode.F8);
        awaitState(SessionState.FINISHED);
        assertTrue(rows("LogReport", 3) >= 0);
    }

    @Test
    void aBreakpointPausesTheRunBeforeItsCard(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("StuScore", 2));
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(session().card(new CardKey("StuScore", 2)).breakpointProperty().get());

        robot.type(KeyCode.F5);
        awaitState(SessionState.PAUSED);
        assertEquals(new CardKey("StuScore", 2), session().pausedAtProperty().get());
        assertEquals(3, rows("StuScore", 1));
        shot(window.canvasView(), "debug-breakpoint.png");
        shot(window.scene().getRoot(), "debug-window.png");

        robot.press(KeyCode.SHIFT, KeyCode.F5).release(KeyCode.F5, KeyCode.SHIFT);
        awaitState(SessionState.STOPPED);
        assertEquals(CardStatus.STOPPED, status("StuScore", 2));
    }

    @Test
    void theInspectorShowsTheSelectedCardsRowsAndTheDiffItsInputAgainstItsOutput(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("StuScore", 0));
        robot.type(KeyCode.F5);
        awaitState(SessionState.FINISHED);

        robot.clickOn(card("StuScore", 1));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !session().inspector().computingProperty().get()
                && session().inspector().columns().contains("avg_score"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#inspectorTable").queryAs(javafx.scene.control.TableView.class);
        assertEquals(3, table.getItems().size());
        assertEquals(java.util.List.of("#", "stu_id", "avg_score"), table.getColumns().stream().map(c -> c.getText()).toList());
        assertEquals("101", session().inspector().cell(0, "stu_id"));
        assertEquals("84.0", session().inspector().cell(0, "avg_score"));
        assertTrue(robot.lookup("#inspectorLevel").queryAs(javafx.scene.control.Label.class).getText().contains("AvgStuScore"));
        shot(window.scene().getRoot(), "debug-inspector.png");

        robot.clickOn(card("StuScore", 0));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session().diff().resultProperty().get() != null
                && !session().diff().computingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, session().diff().removedProperty().get(), "VerifyStu dropped student 103");
        assertEquals(3, session().diff().sameProperty().get());
        assertEquals("diffTab", window.bottomTabs().getSelectionModel().getSelectedItem().getId(), "the Diff tab comes to the front");
        assertTrue(robot.lookup("#diffCounts").queryAs(javafx.scene.layout.Region.class).isVisible());
        shot(window.scene().getRoot(), "debug-diff.png");
    }

    @Test
    void rowsPinnedForAFunctionWithoutCodeFeedTheRunAndStayOutOfTheYaml(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.document.perform(io.kisflow.designer.edit.FunctionEdits.addAndInsert(
                io.kisflow.config.FuncConfig.of("RankStudents", "Calculate"), "StuScore", 3))).get(20, TimeUnit.SECONDS);
        fitCanvas();
        robot.clickOn(card("StuScore", 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(io.kisflow.designer.debug.CodeSource.PASS_THROUGH,
                session().card(new CardKey("StuScore", 3)).codeSourceProperty().get(), "no plugin implements RankStudents");
        window.showTab("callTab");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#pinText").write("{\"rank\": 1, \"stu_id\": 104}\n{\"rank\": 2, \"stu_id\": 101}");
        robot.clickOn("#pinCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(io.kisflow.designer.debug.CodeSource.PINNED, session().card(new CardKey("StuScore", 3)).codeSourceProperty().get());
        assertTrue(robot.lookup("#pinBadge").queryAs(javafx.scene.Node.class).isVisible());

        robot.type(KeyCode.F5);
        awaitState(SessionState.FINISHED);
        assertEquals(2, rows("StuScore", 3), "the run used the pinned rows");
        robot.clickOn(card("StuScore", 3));
        window.showTab("inspectorTab");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session().inspector().columns().contains("rank"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#inspectorPinned").queryAs(javafx.scene.Node.class).isVisible(), "the inspector badges pinned rows");
        shot(window.scene().getRoot(), "debug-pinned.png");

        save(robot);
        String sidecar = read(".kisflow-studio.json");
        assertTrue(sidecar.contains("RankStudents") && sidecar.contains("rank"), sidecar);
        for (var e : readAll(project).entrySet()) {
            // flow test cases (tests/*.json) and the run history (.kisflow-studio/runs/) hold rows by design; the YAML must hold none
            if (!e.getKey().getFileName().toString().equals(".kisflow-studio.json") && !e.getKey().getParent().endsWith("tests")
                    && !project.relativize(e.getKey()).startsWith(".kisflow-studio")) {
                assertTrue(!e.getValue().contains("\"rank\""), e.getKey() + " must not hold pinned rows");
            }
        }
        assertTrue(read("func-RankStudents.yml").contains("fname: RankStudents"), "the function itself is saved as YAML");
    }

    @Test
    void theRunPanelShowsTheSelectedFlowsInputAndTheOutcome(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("LogReport", 0));
        window.showTab("runTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("LogReport", robot.lookup("#runFlowName").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup("#inputText").queryAs(javafx.scene.control.TextArea.class).getText().contains("disk almost full"));

        robot.clickOn("#runButton");
        awaitState(SessionState.FINISHED);
        assertTrue(robot.lookup("#runMessage").queryAs(javafx.scene.control.Label.class).getText().toLowerCase().contains("finished"),
                robot.lookup("#runMessage").queryAs(javafx.scene.control.Label.class).getText());
        shot(window.scene().getRoot(), "debug-run-panel.png");
    }

    @Test
    void runToHereStopsJustBeforeTheSelectedCard(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("LogReport", 2));
        robot.press(KeyCode.CONTROL, KeyCode.F10).release(KeyCode.F10, KeyCode.CONTROL);
        awaitState(SessionState.PAUSED);
        assertEquals(new CardKey("LogReport", 2), session().pausedAtProperty().get());
        assertEquals(4, rows("LogReport", 1));
        assertEquals(-1, rows("LogReport", 2));
        robot.type(KeyCode.F8);
        awaitState(SessionState.FINISHED);
    }

    @Test
    void eachFlowsRunPanelShowsItsOwnRunAndTheInspectorStaysOnTheSelectedCard(FxRobot robot) throws Exception {
        fitCanvas();
        window.showTab("runTab");
        robot.clickOn(card("StuScore", 0));
        robot.type(KeyCode.F5);
        awaitState(SessionState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label message = robot.lookup("#runMessage").queryAs(javafx.scene.control.Label.class);
        assertTrue(message.getText().startsWith("Run #1 of StuScore finished"), message.getText());
        // item 9: the inspector shows the selected card's level, not the run's last one
        assertEquals("#1 VerifyStu", session().inspector().level().label());

        robot.clickOn(card("RetryPoll", 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("RetryPoll", robot.lookup("#runFlowName").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(!message.getText().contains("StuScore"), "RetryPoll's panel shows StuScore's run: " + message.getText());
        assertEquals("Ready", robot.lookup("#runState").queryAs(javafx.scene.control.Label.class).getText());

        window.showTab("runTab");
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !session().state().isActive()
                && session().flow("RetryPoll").lastRunProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String retry = message.getText();
        assertTrue(retry.startsWith("Run #2 of RetryPoll"), retry);

        robot.clickOn(card("StuScore", 1));
        WaitForAsyncUtils.waitForFxEvents();
        window.showTab("runTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(message.getText().startsWith("Run #1 of StuScore finished"), "StuScore's panel shows RetryPoll's run: " + message.getText());
        assertEquals("Finished", robot.lookup("#runState").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals("#2 AvgStuScore", session().inspector().level().label());
        shot(window.scene().getRoot(), "debug-run-panel-per-flow.png");
    }
}
