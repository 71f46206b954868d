package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.input.InputEditor;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static io.kisflow.designer.debug.view.RunViewsFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Run tab over a real session: input rows, mode, parse errors, file loading, the run controls and the status line. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class RunPanelFxTest {
    private RunViewsFixture fixture;
    private RunPanel panel;
    private final Deque<Path> chosenFiles = new ArrayDeque<>();

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
        panel = new RunPanel(fixture.session, (owner, initial) -> Optional.ofNullable(chosenFiles.poll()));
        Scene scene = new Scene(panel, 1000, 280);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        panel.showFlow("StuScore");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private InputEditor editor(String flow) {
        return fx(() -> fixture.session.flow(flow).input());
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void theCallLimitIsTypedCheckedAndAppliedOnEnter(FxRobot robot) {
        javafx.scene.control.TextField field = robot.lookup("#callLimitField").queryAs(javafx.scene.control.TextField.class);
        assertEquals("", field.getText(), "empty: the default, shown as the prompt");
        assertEquals("10,000", field.getPromptText());
        robot.clickOn(field).write("ten").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#callLimitProblem").startsWith("Call limit needs a whole number from 1 to 10,000,000"),
                text(robot, "#callLimitProblem"));
        assertTrue(field.getStyleClass().contains("invalid"));
        assertEquals(null, fx(() -> fixture.session.callLimitProperty().get()), "a refused value changes nothing");
        // the reason never widens the panel past its tab (seen in the trial: the status column went off screen)
        robot.interact(() -> panel.getScene().getWindow().setWidth(720));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node status = robot.lookup("#runStatusView").tryQuery().orElse(panel.status());
        assertTrue(panel.getWidth() <= 721, "panel " + panel.getWidth());
        assertTrue(status.localToScene(status.getBoundsInLocal()).getMaxX() <= 721,
                "status column " + status.localToScene(status.getBoundsInLocal()));
        robot.interact(() -> panel.getScene().getWindow().setWidth(1000));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", field.getText(), "Escape restores the project's limit");
        assertEquals("", text(robot, "#callLimitProblem"));

        robot.write("250").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(250, fx(() -> fixture.session.effectiveCallLimit()));
        assertEquals("250", field.getText());
        fxRun(() -> fixture.session.setCallLimit(12_000));
        assertEquals("12,000", field.getText(), "the field follows the session (undo, redo)");
    }

    @Test
    void typedRowsGoIntoTheFlowsInputAndAreCounted(FxRobot robot) {
        assertEquals("StuScore", text(robot, "#runFlowName"));
        assertEquals("4 rows", text(robot, "#inputRowCount"));
        fxRun(() -> panel.showFlow("Print"));
        assertEquals("Print", text(robot, "#runFlowName"));
        assertEquals("2 rows", text(robot, "#inputRowCount"));

        robot.clickOn("#inputText");
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.END);
        robot.write("\ngamma");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("alpha", "beta", "gamma"), fx(() -> editor("Print").parsed().rows()));
        assertEquals("3 rows", text(robot, "#inputRowCount"));

        // the other flow kept its own rows
        fxRun(() -> panel.showFlow("StuScore"));
        assertEquals(4, fx(() -> editor("StuScore").rowCountProperty().get()));
    }

    @Test
    void aJsonErrorShowsItsLineAndTheLinkSelectsIt(FxRobot robot) {
        fxRun(() -> editor("StuScore").textProperty().set("{\"stu_id\": 1}\n{\"stu_id\": 2,}\n"));
        WaitForAsyncUtils.waitForFxEvents();
        String error = text(robot, "#inputError");
        assertTrue(error.startsWith("input of flow StuScore, line 2, column "), error);
        assertEquals("Show line 2", fx(() -> robot.lookup("#inputErrorLine").queryAs(Hyperlink.class).getText()));
        assertTrue(fx(() -> robot.lookup("#inputText").queryAs(TextArea.class).getStyleClass().contains("input-invalid")));

        robot.clickOn("#inputErrorLine");
        assertEquals("{\"stu_id\": 2,}", fx(() -> robot.lookup("#inputText").queryAs(TextArea.class).getSelectedText()));

        // switching to text lines makes every line a row
        robot.clickOn("#inputModeText");
        assertEquals(InputMode.TEXT, fx(() -> editor("StuScore").modeProperty().get()));
        assertEquals("", text(robot, "#inputError"));
        assertEquals("2 rows", text(robot, "#inputRowCount"));
        assertTrue(fx(() -> robot.lookup("#inputModeText").queryAs(ToggleButton.class).isSelected()));
    }

    @Test
    void loadFromFileReplacesTheRowsAndAFailureIsShown(FxRobot robot, @TempDir Path dir) throws IOException {
        Path rows = dir.resolve("rows.txt");
        Files.writeString(rows, "one\ntwo\nthree\n");
        fxRun(() -> panel.showFlow("Print"));
        chosenFiles.add(rows);
        robot.clickOn("#inputLoad");
        assertEquals(List.of("one", "two", "three"), fx(() -> editor("Print").parsed().rows()));
        assertEquals("3 rows", text(robot, "#inputRowCount"));

        chosenFiles.add(dir.resolve("gone.txt"));
        robot.clickOn("#inputLoad");
        assertEquals("cannot load input rows: " + dir.resolve("gone.txt") + " does not exist", text(robot, "#inputLoadError"));
        assertEquals(List.of("one", "two", "three"), fx(() -> editor("Print").parsed().rows()));
    }

    @Test
    void anEmptyInputGetsAHelpfulSentence(FxRobot robot) {
        fxRun(() -> editor("StuScore").textProperty().set(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> robot.lookup("#inputHint").queryAs(Label.class).isVisible()));
        assertTrue(text(robot, "#inputHint").startsWith("No source rows yet for StuScore: type or paste one row per line"));
        fxRun(() -> editor("StuScore").textProperty().set("{}"));
        assertFalse(fx(() -> robot.lookup("#inputHint").queryAs(Label.class).isVisible()));
    }

    @Test
    void runButtonRunsTheFlowAndTheStatusLineSaysItFinished(FxRobot robot) {
        assertEquals("Ready", text(robot, "#runState"));
        robot.clickOn("#runButton");
        fixture.await(SessionState.FINISHED, SessionState.FAILED);
        assertTrue(text(robot, "#runMessage").startsWith("Run #1 of StuScore finished: 3 calls, "), text(robot, "#runMessage"));
        assertEquals("Finished", text(robot, "#runState"));
        assertTrue(text(robot, "#runLast").startsWith("Last run of StuScore: Run #1 · finished · 3 calls"));
        // VerifyStu drops student 103 (score 140 > max_score 100)
        assertEquals(3, fx(() -> fixture.session.flow("StuScore").card(2).rowCountProperty().get()));
    }

    @Test
    void stepPausesAndEnablesContinueWhichRunsToTheEnd(FxRobot robot) {
        Button cont = fx(() -> panel.controls().continueButton());
        assertTrue(fx(cont::isDisabled));
        robot.clickOn("#stepButton");
        fixture.await(SessionState.PAUSED);
        assertFalse(fx(cont::isDisabled));
        assertTrue(fx(() -> panel.controls().runButton().isDisabled()));
        assertFalse(fx(() -> panel.controls().stopButton().isDisabled()));
        assertEquals("Paused before #1 VerifyStu (call 1)", text(robot, "#runMessage"));
        assertEquals("Paused", text(robot, "#runState"));

        robot.clickOn("#stepButton");
        RunViewsFixture.until("paused before #2", () -> "Paused before #2 AvgStuScore (call 2)".equals(fixture.session.messageProperty().get()));
        robot.clickOn("#continueButton");
        fixture.await(SessionState.FINISHED);
        assertTrue(fx(cont::isDisabled));
    }

    @Test
    void stopEndsAPausedRun(FxRobot robot) {
        robot.clickOn("#stepButton");
        fixture.await(SessionState.PAUSED);
        robot.clickOn("#stopButton");
        fixture.await(SessionState.STOPPED);
        assertEquals("Stopped", text(robot, "#runState"));
        assertTrue(text(robot, "#runMessage").startsWith("Run #1 of StuScore stopped"), text(robot, "#runMessage"));
    }

    @Test
    void aRefusedRunListsItsProblemsInTheErrorColour(FxRobot robot) {
        fxRun(() -> {
            editor("StuScore").textProperty().set("{\"stu_id\": 1,}");
            panel.showFlow("StuScore");
        });
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Run of StuScore refused: 1 problem to fix first", text(robot, "#runMessage"));
        assertTrue(fx(() -> robot.lookup("#runMessage").queryAs(Label.class).getStyleClass().contains("run-error-text")));
        VBox problems = fx(() -> robot.lookup("#runProblems").queryAs(VBox.class));
        assertTrue(fx(() -> problems.getParent() != null && robot.lookup("#runProblems").query().isVisible()));
        List<String> shown = fx(() -> robot.from(problems).lookup(".run-problem-text").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).startsWith("input of flow StuScore, line 1, column "), shown.get(0));
        String title = fx(() -> robot.lookup(".run-section-title").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t.startsWith("FIX")).findFirst().orElse(""));
        assertEquals("FIX BEFORE RUNNING StuScore (1)", title);
        assertEquals("Refused", text(robot, "#runState"));
    }

    @Test
    void noFlowShowsASentenceAndDisablesRun(FxRobot robot) {
        fxRun(() -> panel.showFlow(null));
        assertEquals("Select a flow lane on the canvas to edit its source rows and run it here.", text(robot, "#runNoFlow"));
        assertTrue(fx(() -> panel.controls().runButton().isDisabled()));
        assertTrue(fx(() -> panel.controls().stepButton().isDisabled()));
        assertFalse(fx(() -> panel.controls().run()));
        fxRun(() -> panel.showFlow("Gone"));
        assertEquals("The project has no flow named Gone any more: select a lane on the canvas.", text(robot, "#runNoFlow"));
    }

    @Test
    void theButtonsNameTheirKeys() {
        Map<String, String> tips = fx(() -> Map.of(
                "run", panel.controls().runButton().getTooltip().getText(),
                "step", panel.controls().stepButton().getTooltip().getText(),
                "continue", panel.controls().continueButton().getTooltip().getText(),
                "stop", panel.controls().stopButton().getTooltip().getText()));
        assertTrue(tips.get("run").contains("(F5)"));
        assertTrue(tips.get("step").contains("(F10)"));
        assertTrue(tips.get("continue").contains("(F8)"));
        assertTrue(tips.get("stop").contains("(Shift+F5)"));
    }
}
