package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.CodeSource;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.input.PinEditor;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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

/** Pinned output rows in the Call tab: the check box and rows reach the PinEditor, the badge is loud, and runs use the rows. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class PinRowsViewFxTest {
    private RunViewsFixture fixture;
    private CallDetailsView view;

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
        view = new CallDetailsView(fixture.session);
        stage.setScene(new Scene(view, 320, 760));
        Theme.LIGHT.applyTo(stage.getScene());
        stage.show();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.from(view).lookup(id).queryAs(Label.class).getText());
    }

    private boolean shown(FxRobot robot, String id) {
        return fx(() -> robot.from(view).lookup(id).query().isVisible());
    }

    @Test
    void pinningRowsForAFunctionWithoutCodeBadgesThemAndRunsUseThem(FxRobot robot) {
        fxRun(() -> view.showCard(fixture.session.card(new CardKey("Draft", 1))));
        WaitForAsyncUtils.waitForFxEvents();
        PinEditor pins = fx(() -> fixture.session.pins("Rank"));
        assertEquals("No plugin implements Rank yet: unless you pin rows, designer runs pass its input on unchanged.",
                text(robot, "#pinCode"));
        assertTrue(text(robot, "#pinRule").contains("never written into the KisFlow YAML"));
        assertFalse(shown(robot, "#pinBadge"));
        assertEquals("No code: passes rows on", text(robot, "#callCodeSource"));

        robot.clickOn("#pinCheck");
        assertTrue(fx(pins::isPinned));
        robot.clickOn("#pinText").write("{\"stu_id\": 104, \"rank\": 1}\n{\"stu_id\": 101, \"rank\": 2}");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(Map.of("stu_id", 104, "rank", 1), Map.of("stu_id", 101, "rank", 2)), fx(() -> pins.parsed().rows()));
        assertEquals("2 rows", text(robot, "#pinRowCount"));
        assertTrue(shown(robot, "#pinBadge"));
        assertEquals("PINNED · 2 rows replace the output of Rank in designer runs", text(robot, "#pinBadge"));
        assertEquals("PINNED ROWS", text(robot, "#callCodeSource"));
        assertEquals(CodeSource.PINNED, fx(() -> fixture.session.card(new CardKey("Draft", 1)).codeSourceProperty().get()));

        assertTrue(fx(() -> fixture.session.run("Draft")));
        fixture.await(SessionState.FINISHED);
        assertEquals(List.of(Map.of("stu_id", 104, "rank", 1), Map.of("stu_id", 101, "rank", 2)),
                fx(() -> fixture.session.card(new CardKey("Draft", 1)).outputProperty().get().rows()));

        robot.clickOn("#pinCheck");
        assertFalse(fx(pins::isPinned));
        assertFalse(shown(robot, "#pinBadge"));
        assertEquals("No code: passes rows on", text(robot, "#callCodeSource"));
    }

    @Test
    void badPinnedRowsShowTheirErrorAndTheRunIsRefused(FxRobot robot) {
        fxRun(() -> {
            view.showCard(fixture.session.card(new CardKey("Draft", 2)));
            view.pinRows().pinnedCheckBox().setSelected(true);
            view.pinRows().textArea().setText("{\"a\": 1}\n{\"a\": }");
        });
        assertTrue(text(robot, "#pinError").startsWith("pinned rows of function Report, line 2, column "), text(robot, "#pinError"));
        assertFalse(fx(() -> fixture.session.run("Draft")));
        assertTrue(fx(() -> fixture.session.problems().get(0).message()).contains("pinned rows of function Report"));
    }

    @Test
    void pinnedRowsOfAFunctionAPluginImplementsWinOverItsCode(FxRobot robot) {
        fxRun(() -> view.showCard(fixture.session.card(new CardKey("StuScore", 1))));
        assertTrue(text(robot, "#pinCode").startsWith("A plugin implements AvgStuScore: its code runs in designer runs unless you pin rows,"
                + " which then win over its code"), text(robot, "#pinCode"));
        fxRun(() -> {
            view.pinRows().textArea().setText("{\"stu_id\": 1, \"avg_score\": 50}");
            view.pinRows().pinnedCheckBox().setSelected(true);
        });
        assertEquals("PINNED · 1 row replaces the output of AvgStuScore in designer runs: its code does not run", text(robot, "#pinBadge"));
        assertEquals("PINNED ROWS", text(robot, "#callCodeSource"));
        assertTrue(fx(() -> fixture.session.run("StuScore")));
        fixture.await(SessionState.FINISHED);
        assertEquals(List.of(Map.of("stu_id", 1, "avg_score", 50)),
                fx(() -> fixture.session.card(new CardKey("StuScore", 1)).outputProperty().get().rows()));

        // the same editor follows the function to another card of it
        fxRun(() -> view.showCard(fixture.session.card(new CardKey("Fail", 2))));
        assertTrue(fx(() -> view.pinRows().pinnedCheckBox().isSelected()));
        assertEquals("{\"stu_id\": 1, \"avg_score\": 50}", fx(() -> view.pinRows().textArea().getText()));
    }

    @Test
    void aFunctionWhoseConnectorIsBuiltInIsNotSaidToHaveAPlugin(FxRobot robot) {
        fxRun(() -> view.showCard(fixture.session.card(new CardKey("LoadScores", 0))));
        String code = text(robot, "#pinCode");
        assertTrue(code.startsWith("LoadAvgScore has no code of its own: its connector stores or loads the rows (built-in"), code);
        assertFalse(code.contains("plugin"), code);
        fxRun(() -> {
            view.pinRows().textArea().setText("{\"stu_id\": 1, \"avg_score\": 50}");
            view.pinRows().pinnedCheckBox().setSelected(true);
        });
        assertEquals("PINNED · 1 row replaces the output of LoadAvgScore in designer runs: its connector is not called", text(robot, "#pinBadge"));
    }
}
