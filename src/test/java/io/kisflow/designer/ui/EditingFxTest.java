package io.kisflow.designer.ui;

import io.kisflow.config.ConfigSet;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The properties panel and undo/redo in the real window. */
@Tag("window")
class EditingFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws java.io.IOException {
        startDesigner(stage);
    }

    @Test
    void aPropertyIsEditedRefusedWhenInvalidAndSaved(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("StuScore", 1));
        TextField retry = robot.lookup("#func-option-retry_times").queryAs(TextField.class);
        javafx.scene.Node next = robot.lookup("#func-option-return_duration").query();
        double nextY = next.localToScene(0, 0).getY();
        robot.doubleClickOn(retry).write("-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Retry times must be a whole number of 0 or more, not \"-1\".",
                robot.lookup("#func-option-retry_times-error").queryAs(Label.class).getText());
        assertFalse(vm.document.isDirty(), "a refused value changes nothing");
        // issue 8 item 11: the message does not push the next field down (the next click lands on it)
        assertEquals(nextY, next.localToScene(0, 0).getY(), 0.5);
        assertTrue(retry.getStyleClass().contains("invalid"));

        robot.eraseText(2).write("3");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#func-option-retry_times-error").queryAs(Label.class).getText());
        assertEquals(3, vm.document.state().configs().func("AvgStuScore").option().retryTimes());

        save(robot);
        ConfigSet saved = reload();
        assertEquals(3, saved.func("AvgStuScore").option().retryTimes());
        String yaml = read("student-score/func-AvgStuScore.yml");
        assertTrue(yaml.contains("retry_times: 3"), yaml);
        assertOthersUntouched("student-score/func-AvgStuScore.yml");
    }

    @Test
    void aWarningUnderAFieldLooksLikeAWarningNotARefusal(FxRobot robot) throws Exception {
        fitCanvas();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> vm.properties.implementedProperty().get().contains("AvgStuScore"));
        robot.clickOn(card("StuScore", 1));
        TextField name = robot.lookup("#func-fname").queryAs(TextField.class);
        robot.doubleClickOn(name).eraseText(30).write("AverageScore");
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#func-fname-error").queryAs(Label.class);
        assertTrue(message.getText().startsWith("The plugin code registers AvgStuScore"), message.getText());
        assertTrue(message.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("warning")));
        javafx.scene.paint.Color warning = (javafx.scene.paint.Color) message.getTextFill();
        assertEquals(javafx.scene.paint.Color.web("#8a5a00"), warning, "the warning colour, not the error's");
        assertFalse(name.getStyleClass().contains("invalid"), "an accepted value's frame is not red");
        assertTrue(Contrast.ratio(warning, javafx.scene.paint.Color.web("#f7f8fa")) >= 4.5);

        robot.eraseText(12).write("VerifyStu");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("There is already a function named VerifyStu.", message.getText());
        assertFalse(message.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("warning")));
        assertEquals(javafx.scene.paint.Color.web("#c62828"), message.getTextFill(), "a refusal keeps the error colour");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theConnectorPickerIsSearchableAndPicksIntoTheProject(FxRobot robot) {
        fitCanvas();
        robot.clickOn(card("SaveScores", 2));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node picker = robot.lookup("#func-option-cname").query();
        assertTrue(picker instanceof org.controlsfx.control.SearchableComboBox<?>, picker.getClass().getName());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> combo = (javafx.scene.control.ComboBox<String>) picker;
        assertEquals(List.of("", "GradeFile", "ScoreStore"), List.copyOf(combo.getItems()));
        assertEquals("ScoreStore", combo.getValue());
        robot.interact(() -> combo.setValue(""));
        assertEquals("", vm.document.state().configs().func("SaveAvgScore").option().cname(), "the pick reaches the project");
        robot.interact(vm.document::undo);
        assertEquals("ScoreStore", combo.getValue(), "and follows undo");
    }

    @Test
    void theConnectorPickerFollowsAConnectorRemovedBeforeItsChoice(FxRobot robot) {
        // ControlsFX #1320: a SearchableComboBox whose items shrink in place under its choice (the
        // chosen item's old index past the new end) threw IndexOutOfBounds from its filtered list,
        // seen when the screenshot tour opened a second project with a Save card selected
        fitCanvas();
        robot.clickOn(card("SaveScores", 2));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> combo = robot.lookup("#func-option-cname").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(List.of("", "GradeFile", "ScoreStore"), List.copyOf(combo.getItems()));
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e)));
        robot.interact(() -> vm.document.perform(io.kisflow.designer.edit.ConnectorEdits.remove("GradeFile")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), errors, "no error from the picker");
        assertEquals("ScoreStore", vm.document.state().configs().func("SaveAvgScore").option().cname(), "still bound");
        robot.clickOn(card("SaveScores", 2)); // the delete cleared the selection
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> again = robot.lookup("#func-option-cname").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(List.of("", "ScoreStore"), List.copyOf(again.getItems()));
        assertEquals("ScoreStore", again.getValue(), "the function's connector is shown");
        robot.interact(vm.document::undo);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), errors);
        assertEquals("GradeFile", vm.document.state().configs().func("SaveGrades").option().cname(), "undo binds it back");
    }

    @Test
    void aNameAndAParamKeyReachTheProjectOnlyWhenCommitted(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("StuScore", 1));
        TextField name = robot.lookup("#func-fname").queryAs(TextField.class);
        robot.doubleClickOn(name).eraseText(30).write("Mean");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore"), steps(vm.document.state().configs(), "StuScore"),
                "no rename per keystroke");
        assertFalse(vm.document.isDirty());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("VerifyStu", "Mean", "PrintStuAvgScore"), steps(vm.document.state().configs(), "StuScore"));
        assertEquals(1, vm.document.history().undoSize());
        assertEquals("Rename function AvgStuScore to Mean", vm.document.history().undoDescriptionProperty().get());

        robot.eraseText(4).write("VerifyStu");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("There is already a function named VerifyStu.",
                robot.lookup("#func-fname-error").queryAs(Label.class).getText(), "the problem shows while typing");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Mean", name.getText(), "Escape restores the name");

        robot.clickOn(card("StuScore", 0));
        java.util.Map<String, String> before = vm.document.state().configs().flow("StuScore").flows().get(0).params();
        assertTrue(before.containsKey("max_score"), before.toString());
        robot.clickOn("#card-params-add").write("max_score");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The key max_score is used twice; keys must be unique.",
                robot.lookup("#card-params-error").queryAs(Label.class).getText());
        robot.type(KeyCode.TAB).write("7").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, vm.document.state().configs().flow("StuScore").flows().get(0).params(),
                "a refused key never reaches the project, nor does its value");
        assertEquals(1, vm.document.history().undoSize());

        robot.clickOn("#card-params-add").write("limit").type(KeyCode.ENTER).type(KeyCode.TAB).write("7").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Map<String, String> after = new java.util.LinkedHashMap<>(before);
        after.put("limit", "7");
        assertEquals(after, vm.document.state().configs().flow("StuScore").flows().get(0).params());
        assertEquals(2, vm.document.history().undoSize(), "the new key and its value are one undo step");
        assertTrue(vm.document.history().undoDescriptionProperty().get().endsWith(": add limit"),
                vm.document.history().undoDescriptionProperty().get());

        javafx.scene.layout.GridPane grid = robot.lookup("#card-params").queryAs(javafx.scene.layout.GridPane.class);
        int cells = grid.getChildren().size();
        robot.clickOn("#card-params-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cells + 3, grid.getChildren().size());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cells, grid.getChildren().size(), "Escape on the new empty row removes it");
        assertEquals("", robot.lookup("#card-params-error").queryAs(Label.class).getText());
        assertEquals(after, vm.document.state().configs().flow("StuScore").flows().get(0).params());
        save(robot);
        String yaml = read("student-score/flow-StuScore.yml");
        assertTrue(yaml.contains("limit: \"7\"") || yaml.contains("limit: 7"), yaml);
        assertFalse(yaml.contains("limi:"), yaml);
    }

    @Test
    void deleteUndoAndRedoWithTheKeyboard(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("LoadScores", 1));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("LoadAvgScore"), steps(vm.document.state().configs(), "LoadScores"));
        assertTrue(window.stage().getTitle().startsWith("*"));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("LoadAvgScore", "RankScores"), steps(vm.document.state().configs(), "LoadScores"));
        assertFalse(window.stage().getTitle().startsWith("*"), "undoing back to the saved state clears the mark");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("LoadAvgScore"), steps(vm.document.state().configs(), "LoadScores"));

        save(robot);
        assertEquals(List.of("LoadAvgScore"), steps(reload(), "LoadScores"));
        assertTrue(reload().funcs().containsKey("RankScores"), "removing a card keeps the function config");
        assertOthersUntouched("storage/flow-LoadScores.yml");
    }
}
