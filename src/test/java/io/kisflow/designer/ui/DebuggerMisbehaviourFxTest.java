package io.kisflow.designer.ui;

import io.kisflow.config.ConfigExporter;
import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.CardState;
import io.kisflow.designer.debug.CardStatus;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.TestFunctions;
import io.kisflow.designer.edit.Selection;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Functions that block, throw or loop in the real window: the window keeps responding, Stop always
 * works, and the card that failed says why.
 */
@Tag("window")
class DebuggerMisbehaviourFxTest extends DesignerFxTest {
    final TestFunctions functions = new TestFunctions();

    @Start
    void start(Stage stage) throws IOException {
        project = tmp.resolve("project");
        stateDir = tmp.resolve("state");
        ConfigExporter.export(TestFunctions.project(), project);
        original = readAll(project);
        window = openWindow(stage);
        window.files().openProject(project);
        WaitForAsyncUtils.asyncFx(() -> vm.debugger.session().flow("Block").input().textProperty().set("a\nb"));
        WaitForAsyncUtils.asyncFx(() -> vm.debugger.session().flow("Fail").input().textProperty().set("a\nb"));
        WaitForAsyncUtils.asyncFx(() -> vm.debugger.session().flow("Loop").input().textProperty().set("a"));
    }

    @Override
    DebugOptions debugOptions() {
        return super.debugOptions().withExtraPlugins(List.of(functions)).withStopGrace(Duration.ofMillis(300)).withMaxCalls(50);
    }

    @AfterEach
    void releaseSpinner() {
        functions.releaseSpinner.set(true);
    }

    CardState card(CardKey k) {
        return vm.debugger.session().card(k);
    }

    @Test
    void aBlockedFunctionLeavesTheWindowWorkingAndStopEndsTheRun(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("Block", 0));
        robot.type(KeyCode.F5);
        assertTrue(functions.sleeping.await(20, TimeUnit.SECONDS), "the run reached the blocking function");
        assertEquals(SessionState.RUNNING, vm.debugger.session().state());
        assertEquals(CardStatus.CURRENT, card(new CardKey("Block", 1)).statusProperty().get());

        robot.clickOn(card("Chain", 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Selection.step("Chain", 2), vm.document.selection(), "the window still answers clicks while the run blocks");

        robot.press(KeyCode.SHIFT, KeyCode.F5).release(KeyCode.F5, KeyCode.SHIFT);
        awaitState(SessionState.STOPPED);
        assertEquals(CardStatus.STOPPED, card(new CardKey("Block", 1)).statusProperty().get());
        assertEquals(2, card(new CardKey("Block", 0)).rowCountProperty().get());
    }

    @Test
    void aThrowingFunctionShowsItsErrorOnItsCard(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("Fail", 0));
        robot.type(KeyCode.F5);
        awaitState(SessionState.FAILED);
        CardState boom = card(new CardKey("Fail", 1));
        assertEquals(CardStatus.FAILED, boom.statusProperty().get());
        assertEquals("flow Fail, function Boom (position 2) failed: row 2 has no stu_id", boom.errorProperty().get().message());
        assertTrue(boom.errorProperty().get().details().contains("IllegalStateException"), "the stack trace is kept");
        assertEquals(CardStatus.NOT_RUN, card(new CardKey("Fail", 2)).statusProperty().get());
        assertEquals(Selection.step("Fail", 1), vm.document.selection(), "the card that failed is selected");
        assertEquals("callTab", window.sideTabs().getSelectionModel().getSelectedItem().getId(), "and the Call tab shows why");
        assertTrue(robot.lookup("#callErrorMessage").queryAs(javafx.scene.control.Label.class).getText().contains("row 2 has no stu_id"));
        robot.clickOn("#callTraceExpander");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#callStackTrace").queryAs(javafx.scene.control.TextArea.class).getText().contains("IllegalStateException"),
                "the stack trace is one click away");
        shot(window.canvasView(), "debug-failed.png");
    }

    @Test
    void aJumpLoopEndsWithTheEnginesErrorOnTheCard(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn(card("Loop", 0));
        robot.type(KeyCode.F5);
        awaitState(SessionState.FAILED);
        CardState looper = card(new CardKey("Loop", 1));
        assertEquals(CardStatus.FAILED, looper.statusProperty().get());
        assertTrue(looper.errorProperty().get().message().contains("50"), looper.errorProperty().get().message());
    }
}
