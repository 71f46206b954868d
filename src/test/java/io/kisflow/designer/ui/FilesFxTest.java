package io.kisflow.designer.ui;

import io.kisflow.config.ConfigSet;
import io.kisflow.designer.canvas.Rect;
import io.kisflow.designer.shell.DesignerWindow;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save and re-open, and recovery of unsaved work after a simulated crash. */
@Tag("window")
class FilesFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws java.io.IOException {
        startDesigner(stage);
    }

    @Test
    void savedWorkAndLayoutComeBackWhenTheProjectIsReopened(FxRobot robot) throws Exception {
        fitCanvas();
        javafx.geometry.Point2D from = badge("ScoreStore");
        robot.drag(from, MouseButton.PRIMARY).dropTo(from.add(0, 60));
        WaitForAsyncUtils.waitForFxEvents();
        Rect moved = vm.canvas.geometry().badgeRect("ScoreStore");

        robot.clickOn(card("StuScore", 1));
        TextField name = robot.lookup("#func-fname").queryAs(TextField.class);
        robot.doubleClickOn(name).eraseText(30).write("AverageScore").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        save(robot);

        ConfigSet saved = reload();
        assertEquals(List.of("VerifyStu", "AverageScore", "PrintStuAvgScore"), steps(saved, "StuScore"));
        assertEquals(List.of("VerifyStu", "AverageScore", "SaveAvgScore"), steps(saved, "SaveScores"));
        assertTrue(read("student-score/func-AvgStuScore.yml").contains("fname: AverageScore"), "a renamed function keeps its file");
        assertFalse(Files.exists(project.resolve("func-AverageScore.yaml")));
        assertTrue(Files.exists(project.resolve(".kisflow-studio.json")), "the layout is stored in the sidecar");
        assertOthersUntouched("student-score/func-AvgStuScore.yml", "student-score/flow-StuScore.yml", "storage/flow-SaveScores.yml");

        DesignerWindow[] second = new DesignerWindow[1];
        robot.interact(() -> {
            window.shutdown();
            window.stage().hide();
            second[0] = openWindow(new Stage());
            second[0].files().openProject(project);
        });
        WaitForAsyncUtils.waitForFxEvents();
        window = second[0];
        assertEquals(List.of("VerifyStu", "AverageScore", "PrintStuAvgScore"), steps(vm.document.state().configs(), "StuScore"));
        assertEquals(moved, vm.canvas.geometry().badgeRect("ScoreStore"), "the badge is where it was put");
        assertFalse(vm.document.isDirty());
    }

    @Test
    void unsavedWorkIsOfferedBackAfterACrash(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("StuScore", 2));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                window.autosaveNow();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            // the crash: the window goes away without any question and without discarding the recovery copy
            window.shutdown();
            window.stage().setOnCloseRequest(null);
            window.stage().hide();
        });
        assertOthersUntouched();

        DesignerWindow[] second = new DesignerWindow[1];
        Platform.runLater(() -> {
            second[0] = openWindow(new Stage());
            second[0].files().openProject(project);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#recoveryDialog").tryQuery()
                .map(pane -> pane.getScene() != null && pane.getScene().getWindow() != null && pane.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Restore");
        WaitForAsyncUtils.waitForFxEvents();
        window = second[0];
        assertEquals(List.of("VerifyStu", "AvgStuScore"), steps(vm.document.state().configs(), "StuScore"));
        assertTrue(vm.document.isDirty(), "restored work is unsaved until saved");
        assertTrue(window.stage().getTitle().startsWith("*"));

        save(robot);
        assertEquals(List.of("VerifyStu", "AvgStuScore"), steps(reload(), "StuScore"));
        assertOthersUntouched("student-score/flow-StuScore.yml");
    }

    @Test
    void closingWithUnsavedChangesAsksFirst(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("LoadScores", 1));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                window.autosaveNow();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });

        requestClose();
        waitForDialog(robot, "#unsavedDialog");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.stage().isShowing(), "Cancel keeps the window and the work");
        assertTrue(vm.document.isDirty());

        requestClose();
        waitForDialog(robot, "#unsavedDialog");
        robot.clickOn("Don't save");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.stage().isShowing());
        assertOthersUntouched();
        assertTrue(new io.kisflow.designer.project.RecoveryStore(stateDir).find(project).isEmpty(),
                "\"Don't save\" also drops the recovery copy");
    }

    @Test
    void undoneWorkDoesNotComeBackAfterAQuit(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.document.perform(io.kisflow.designer.edit.FlowEdits.add("Undone", 0));
            try {
                window.autosaveNow();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        io.kisflow.designer.project.RecoveryStore store = new io.kisflow.designer.project.RecoveryStore(stateDir);
        assertTrue(store.find(project).isPresent(), "the added flow has its recovery copy");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.document.isDirty(), "undone back to the saved state");
        robot.interact(window::quit);
        assertFalse(window.stage().isShowing(), "nothing unsaved: no question");
        assertTrue(store.find(project).isEmpty(), "a normal quit leaves no recovery copy");

        DesignerWindow[] second = new DesignerWindow[1];
        robot.interact(() -> {
            second[0] = openWindow(new Stage());
            second[0].files().openProject(project);
        });
        window = second[0];
        assertTrue(robot.lookup("#recoveryDialog").tryQuery().isEmpty(), "the next start offers nothing");
        assertFalse(vm.document.state().configs().flows().containsKey("Undone"));
        assertOthersUntouched();
    }

    private void requestClose() {
        Stage stage = window.stage();
        Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    private static void waitForDialog(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery()
                .map(pane -> pane.getScene() != null && pane.getScene().getWindow() != null && pane.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
