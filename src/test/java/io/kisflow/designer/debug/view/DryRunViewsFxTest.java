package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.DryRunEffect;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static io.kisflow.designer.debug.view.RunViewsFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dry run where the user looks: the run header's switch and chip, the Call tab's chip and its
 * list of the connector calls each call made, on the samples' Save flow (whose store is never touched).
 */
@ExtendWith(ApplicationExtension.class)
class DryRunViewsFxTest {
    private RunViewsFixture fixture;
    private RunPanel panel;
    private CallDetailsView call;

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
        panel = new RunPanel(fixture.session, (owner, initial) -> Optional.empty());
        call = new CallDetailsView(fixture.session);
        Scene scene = new Scene(new VBox(panel, call), 1000, 760);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        fixture.session.flow("SaveScores").input().modeProperty().set(InputMode.JSON);
        fixture.session.flow("SaveScores").input().textProperty().set(String.join("\n", RunViewsFixture.studentRows()));
        panel.showFlow("SaveScores");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private boolean shown(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).query().isVisible());
    }

    @Test
    void theSwitchShowsTheDryRunAndTheCallTabListsWhatWouldHaveBeenWritten(FxRobot robot) throws Exception {
        boolean storeBefore = Files.exists(Path.of(".kisflow-store"));
        assertFalse(shown(robot, "#dryRunChip"));
        robot.clickOn("#dryRunSwitch");
        assertTrue(fx(() -> fixture.session.dryRunProperty().get()));
        assertTrue(shown(robot, "#dryRunChip"));
        assertEquals("DRY RUN · nothing is written", text(robot, "#dryRunChip"));

        CardKey save = new CardKey("SaveScores", 2);
        fxRun(() -> call.showCard(fixture.session.card(save)));
        assertEquals(DryRunEffect.RECORDED, fx(() -> fixture.session.card(save).dryRunEffectProperty().get()));
        assertTrue(shown(robot, "#callDryRun"));
        assertEquals("DRY RUN: calls recorded", text(robot, "#callDryRun"));

        assertTrue(fx(() -> panel.controls().run()));
        fixture.await(SessionState.FINISHED);
        assertTrue(text(robot, "#runMessage").startsWith("Dry run #1 of SaveScores finished"), text(robot, "#runMessage"));
        assertTrue(text(robot, "#runLast").contains("Dry run #1"), text(robot, "#runLast"));
        assertTrue(shown(robot, "#dryCalls"));
        assertEquals("CONNECTOR CALLS RECORDED (3)", text(robot, "#dryCallsTitle"));
        List<String> lines = fx(() -> ((CallRecordView) robot.lookup(".call-record").query()).connectorCallsView().shownLines());
        assertEquals("ScoreStore (redis embedded key stu_avg_score) · Save · 1 row: {\"stu_id\":101,\"avg_score\":84.0}", lines.get(0));
        assertEquals(3, lines.size());
        assertEquals(storeBefore, Files.exists(Path.of(".kisflow-store")), "the dry run wrote no store");

        robot.clickOn("#dryRunSwitch");
        assertFalse(shown(robot, "#dryRunChip"));
        assertFalse(shown(robot, "#callDryRun"));
    }

    @Test
    void aLoadCardInADryRunSaysToPinItsRows(FxRobot robot) {
        fxRun(() -> {
            fixture.session.dryRunProperty().set(true);
            call.showCard(fixture.session.card(new CardKey("LoadScores", 0)));
        });
        assertEquals("DRY RUN: pin its rows", text(robot, "#callDryRun"));
        assertTrue(fx(() -> robot.lookup("#callDryRun").queryAs(Label.class).getStyleClass().contains("run-chip-error")));
        assertFalse(fx(() -> fixture.session.run("LoadScores")));
        assertTrue(fx(() -> fixture.session.problems().get(0).message()).endsWith(
                "Load function LoadAvgScore reads connector ScoreStore; in a dry run pin its rows or turn dry run off"));
    }
}
