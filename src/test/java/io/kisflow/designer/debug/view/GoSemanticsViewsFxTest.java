package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
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
 * Where a Go server differs, where the user looks: the Call tab's section on the samples' LogReport
 * (KeepErrors commits rows and asks for ForceEntryNext), and the run header's Go-semantics switch,
 * clicked, after which the same card's level is the empty one a Go server leaves.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class GoSemanticsViewsFxTest {
    private RunViewsFixture fixture;
    private RunPanel panel;
    private CallDetailsView call;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new RunViewsFixture();
        panel = new RunPanel(fixture.session, (owner, initial) -> Optional.empty());
        call = new CallDetailsView(fixture.session);
        Scene scene = new Scene(new VBox(panel, call), 1000, 760);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        fixture.session.flow("LogReport").input().textProperty().set(Files.readString(Path.of("conf-samples/actions/input-log.txt")));
        panel.showFlow("LogReport");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private boolean shown(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).query().isVisible());
    }

    private List<String> notes(FxRobot robot) {
        return fx(() -> ((CallRecordView) robot.lookup(".call-record").query()).goNotesView().texts());
    }

    @Test
    void theCallTabSaysWhereAGoServerDiffersAndTheSwitchRunsAsOne(FxRobot robot) {
        CardKey keepErrors = new CardKey("LogReport", 2);
        fxRun(() -> call.showCard(fixture.session.card(keepErrors)));
        assertTrue(fx(() -> panel.controls().run()));
        fixture.await(SessionState.FINISHED);
        assertTrue(shown(robot, "#callGoNotes"));
        assertEquals(List.of("ForceEntryNext: ForceEntryNext after KeepErrors's level got 2 rows: a Go server empties that level,"
                + " so Summarize gets no rows; here it reads them"), notes(robot));
        assertFalse(shown(robot, "#goSemanticsChip"));

        robot.clickOn("#goSemanticsSwitch");
        assertTrue(fx(() -> fixture.session.goSemanticsProperty().get()));
        assertTrue(shown(robot, "#goSemanticsChip"));
        assertTrue(fx(() -> panel.controls().run()));
        fixture.await(SessionState.FINISHED);
        assertEquals(0, (int) fx(() -> fixture.session.card(keepErrors).rowCountProperty().get()), "Go's empty level");
        assertTrue(notes(robot).get(0).startsWith("ForceEntryNext: Go semantics: ForceEntryNext emptied KeepErrors's level of 2 rows"),
                notes(robot).toString());

        fxRun(() -> call.showCard(fixture.session.card(new CardKey("LogReport", 0))));
        assertFalse(shown(robot, "#callGoNotes"), "TrimLines does as a Go server does: no section");
    }
}
