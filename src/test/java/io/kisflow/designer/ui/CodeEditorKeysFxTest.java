package io.kisflow.designer.ui;

import io.kisflow.designer.edit.Selection;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys typed in the Code tab belong to the editor: Ctrl+Z undoes the typing there (it went to the
 * designer's undo, which keeps typed text, so nothing happened), and Backspace deletes a character,
 * never the selected card.
 */
class CodeEditorKeysFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws IOException {
        startDesigner(stage);
    }

    @Test
    void undoAndBackspaceInTheCodeEditorActOnTheCodeNotOnTheDesign(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.document.select(Selection.function("GradeScore"));
            window.showTab("codeTab");
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#codeArea").queryAs(CodeArea.class).getText().isEmpty());
        CodeArea area = robot.lookup("#codeArea").queryAs(CodeArea.class);
        String before = area.getText();
        int functions = vm.document.state().configs().funcs().size();

        robot.clickOn(area);
        robot.interact(() -> area.moveTo(0));
        robot.write("// note\n");
        assertTrue(area.getText().startsWith("// note\n"), area.getText().substring(0, 20));
        robot.type(KeyCode.BACK_SPACE);
        assertTrue(area.getText().startsWith("// note" + before.charAt(0)), "Backspace deleted the line break in the editor");
        assertEquals(functions, vm.document.state().configs().funcs().size(), "no card or function was deleted");

        // typing and the Backspace may be one or two steps of the editor's undo
        for (int i = 0; i < 3 && !area.getText().equals(before); i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(before, area.getText(), "Ctrl+Z in the editor took the typing back");
    }
}
