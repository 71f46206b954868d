package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static io.kisflow.designer.debug.view.RunViewsFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Call side tab over real calls: params, actions, outcome, rows, log lines, errors and their stack traces, JumpFunc loops. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class CallDetailsViewFxTest {
    private RunViewsFixture fixture;
    private CallDetailsView view;

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
        view = new CallDetailsView(fixture.session);
        stage.setScene(new javafx.scene.Scene(view, 320, 760));
        Theme.LIGHT.applyTo(stage.getScene());
        stage.show();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void run(String flow) {
        assertTrue(fx(() -> fixture.session.run(flow)));
        fixture.await(SessionState.FINISHED, SessionState.FAILED);
    }

    private void show(String flow, int position) {
        fxRun(() -> view.showCard(fixture.session.card(new CardKey(flow, position))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> {
            Node n = robot.from(view).lookup(id).query();
            return n instanceof Label l ? l.getText() : ((TextArea) n).getText();
        });
    }

    private boolean visible(FxRobot robot, String id) {
        return fx(() -> {
            Node n = robot.from(view).lookup(id).query();
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void aCallShowsItsParamsRowsActionsAndOutcome(FxRobot robot) {
        run("StuScore");
        show("StuScore", 0);
        assertEquals("VerifyStu", text(robot, "#callFunction"));
        assertEquals("#1 of flow StuScore · Verify", text(robot, "#callWhere"));
        assertEquals("Plugin code", text(robot, "#callCodeSource"));
        assertEquals("Done", text(robot, "#callStatus"));
        assertFalse(visible(robot, "#callStale"));
        assertEquals("4 rows of the source", text(robot, "#callInput"));
        assertEquals("3 rows", text(robot, "#callCommitted"));
        assertEquals("none", text(robot, "#callActions"));
        assertEquals("continue", text(robot, "#callOutcome"));
        assertTrue(text(robot, "#callDuration").endsWith(" ms"));
        List<Map.Entry<String, String>> params = fx(() -> List.copyOf(view.lookupAll("#callParams").stream()
                .map(n -> (CallParamsTable) n).findFirst().orElseThrow().getItems()));
        assertEquals(List.of(Map.entry("max_score", "100")), params);
        assertTrue(visible(robot, "#callLogEmpty"));

        show("StuScore", 2);
        assertEquals("3 rows of AvgStuScore's level", text(robot, "#callInput"));
        assertEquals("end of flow", text(robot, "#callOutcome"));

        // an edit of the input makes the shown results stale
        fxRun(() -> fixture.session.flow("StuScore").input().textProperty().set("{\"stu_id\": 1}"));
        assertTrue(visible(robot, "#callStale"));
    }

    @Test
    void theLinesACallPrintedAreShownWithTheirStream(FxRobot robot) {
        run("Print");
        show("Print", 0);
        assertEquals("got 2 rows\n[err] warn: partial line\nno newline at the end", text(robot, "#callLog"));
        assertFalse(visible(robot, "#callLogDropped"));

        show("Print", 1);
        assertEquals("No code: passes rows on", text(robot, "#callCodeSource"));
    }

    @Test
    void aThrowingFunctionShowsItsMessageAndTheStackTraceOneClickAway(FxRobot robot) {
        run("Fail");
        show("Fail", 1);
        assertEquals("Failed", text(robot, "#callStatus"));
        assertEquals("error", text(robot, "#callOutcome"));
        assertTrue(text(robot, "#callErrorMessage").endsWith("row 2 has no stu_id"), text(robot, "#callErrorMessage"));
        assertFalse(visible(robot, "#callStackTrace"));

        robot.clickOn(robot.from(view).lookup("#callTraceExpander .title").queryAs(Node.class));
        assertTrue(visible(robot, "#callStackTrace"));
        String trace = text(robot, "#callStackTrace");
        assertTrue(trace.contains("java.lang.IllegalStateException: row 2 has no stu_id"), trace);
        assertTrue(trace.contains("\tat "), trace);
        assertEquals("Hide stack trace", fx(() -> robot.from(view).lookup("#callTraceExpander").queryAs(TitledPane.class).getText()));

        robot.clickOn("#callTraceWindow");
        TextArea big = fx(() -> Window.getWindows().stream().map(w -> w.getScene().lookup("#callStackTraceWindowText"))
                .filter(n -> n != null).map(n -> (TextArea) n).findFirst().orElseThrow());
        assertEquals(trace, fx(big::getText));
        assertFalse(fx(big::isEditable));
        fxRun(() -> ((Stage) big.getScene().getWindow()).close());

        // the function after it was not called
        show("Fail", 2);
        assertEquals("AvgStuScore was not called in run #1: the run failed before it.", text(robot, "#callEmpty"));
    }

    @Test
    void aJumpFuncLoopListsEveryCallAndTheEnginesVerdictHasNoTrace(FxRobot robot) {
        run("RetryPoll");
        show("RetryPoll", 0);
        assertEquals(3, fx(() -> view.callList().getItems().size()));
        assertEquals(2, fx(() -> view.callList().getSelectionModel().getSelectedIndex()));
        show("RetryPoll", 1);
        fxRun(() -> view.callList().getSelectionModel().select(0));
        assertEquals("ActionJumpFunc(Attempt)", text(robot, "#callActions"));
        assertEquals("jump to Attempt", text(robot, "#callOutcome"));

        run("Loop");
        show("Loop", 0);
        String error = fx(() -> fixture.session.card(new CardKey("Loop", 0)).errorProperty().get().message());
        assertEquals(error, text(robot, "#callErrorMessage"));
        assertTrue(visible(robot, "#callNoTrace"));
        assertFalse(visible(robot, "#callTraceExpander"));
    }

    @Test
    void theCallsFollowAStepByStepRun(FxRobot robot) {
        show("StuScore", 1);
        assertEquals("AvgStuScore has not run yet: run the flow (F5) or step to it (F10) to see what it does.", text(robot, "#callEmpty"));
        assertTrue(fx(() -> fixture.session.runToHere(new CardKey("StuScore", 1))));
        fixture.await(SessionState.PAUSED);
        assertEquals("The run is paused before AvgStuScore: Step (F10) calls it.", text(robot, "#callEmpty"));
        assertEquals("Current", text(robot, "#callStatus"));
        assertTrue(fx(() -> fixture.session.step()));
        RunViewsFixture.until("AvgStuScore called", () -> view.callList().getItems().size() == 1);
        assertEquals("3 rows", text(robot, "#callCommitted"));
        assertFalse(visible(robot, "#callEmpty"));
        fxRun(fixture.session::stop);
        fixture.await(SessionState.STOPPED);
    }

    @Test
    void noCardAsksForOne(FxRobot robot) {
        fxRun(() -> view.showCard(null));
        assertTrue(text(robot, "#callEmpty").startsWith("Select a function card on the canvas"));
        assertFalse(visible(robot, "#pinRows"));
    }
}
