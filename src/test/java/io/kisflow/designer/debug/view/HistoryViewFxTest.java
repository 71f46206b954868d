package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.RunComparison;
import io.kisflow.designer.debug.RunRecord;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
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
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static io.kisflow.designer.debug.view.RunViewsFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The History tab: runs listed newest first, an earlier run shown again, compared with the latest, and one level diffed. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class HistoryViewFxTest {
    private RunViewsFixture fixture;
    private HistoryView view;
    private final AtomicInteger diffRequests = new AtomicInteger();

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
        view = new HistoryView(fixture.session);
        view.setOnCompareLevel(diffRequests::incrementAndGet);
        stage.setScene(new Scene(view, 1000, 280));
        Theme.LIGHT.applyTo(stage.getScene());
        stage.show();
        view.showFlow("StuScore");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void run() {
        assertTrue(fx(() -> fixture.session.run("StuScore")));
        fixture.await(SessionState.FINISHED);
    }

    private FlowDebugState flow() {
        return fx(() -> fixture.session.flow("StuScore"));
    }

    @Test
    void twoRunsAreListedAndTheComparisonMarksTheLevelsWhoseCountsDiffer(FxRobot robot) {
        assertTrue(fx(() -> ((Label) view.runsTable().getPlaceholder()).getText()).startsWith("StuScore has not run yet"));
        run();
        // the second run has student 104 only: VerifyStu keeps 1 row instead of 3
        fxRun(() -> flow().input().textProperty().set(RunViewsFixture.studentRows().get(3)));
        run();

        List<RunRecord> listed = fx(() -> List.copyOf(view.runsTable().getItems()));
        assertEquals(List.of(2, 1), listed.stream().map(RunRecord::number).toList());
        assertEquals("1 → 1 → 1 → 1", HistoryRunsTable.rowsPerLevel(listed.get(0)));
        assertEquals("4 → 3 → 3 → 3", HistoryRunsTable.rowsPerLevel(listed.get(1)));

        fxRun(() -> view.runsTable().getSelectionModel().select(0));
        assertTrue(fx(() -> robot.lookup("#historyCompare").queryAs(Button.class).isDisabled()), "the latest run is the current one");
        fxRun(() -> view.runsTable().getSelectionModel().select(1));
        robot.clickOn("#historyCompare");

        List<RunComparison.Row> rows = fx(() -> List.copyOf(view.comparisonTable().getItems()));
        assertEquals(4, rows.size());
        assertEquals(List.of(4, 3, 3, 3), rows.stream().map(RunComparison.Row::rowsBefore).toList());
        assertEquals(List.of(1, 1, 1, 1), rows.stream().map(RunComparison.Row::rowsAfter).toList());
        assertTrue(rows.stream().allMatch(RunComparison.Row::countsDiffer));
        WaitForAsyncUtils.waitForFxEvents();
        long marked = fx(() -> robot.from(view.comparisonTable()).lookup(".history-differs").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() != null).count());
        assertEquals(4, marked);
        assertEquals("4 levels differ (highlighted): select one and diff its rows.",
                fx(() -> robot.lookup("#historyDifferences").queryAs(Label.class).getText()));

        // the first differing level (the source) is selected: diff it, then VerifyStu's level
        robot.clickOn("#historyDiffLevel");
        assertEquals(1, diffRequests.get());
        assertTrue(fx(() -> fixture.session.diff().leftProperty().get().isSource()));
        assertEquals(4, fx(() -> fixture.session.diff().leftProperty().get().size()));
        assertEquals(1, fx(() -> fixture.session.diff().rightProperty().get().size()));
        fxRun(() -> view.comparisonTable().getSelectionModel().select(1));
        robot.clickOn("#historyDiffLevel");
        assertEquals(2, diffRequests.get());
        assertEquals("VerifyStu", fx(() -> fixture.session.diff().leftProperty().get().name()));
        assertEquals(3, fx(() -> fixture.session.diff().leftProperty().get().size()));
        assertEquals(1, fx(() -> fixture.session.diff().rightProperty().get().size()));
    }

    @Test
    void anUnchangedRunMarksNothing(FxRobot robot) {
        run();
        run();
        fxRun(() -> {
            view.runsTable().getSelectionModel().select(1);
            view.compareSelected();
        });
        assertTrue(fx(() -> view.comparisonTable().getItems().stream().noneMatch(RunComparison.Row::countsDiffer)));
        assertEquals("Every level has the same rows, calls and outcome in both runs.",
                fx(() -> robot.lookup("#historyDifferences").queryAs(Label.class).getText()));
    }

    @Test
    void showThisRunPutsAnEarlierRunBackOnTheCards(FxRobot robot) {
        run();
        fxRun(() -> flow().input().textProperty().set(RunViewsFixture.studentRows().get(0)));
        run();
        assertEquals(1, fx(() -> flow().card(0).rowCountProperty().get()));
        fxRun(() -> view.runsTable().getSelectionModel().select(1));
        robot.clickOn("#historyShow");
        assertEquals(1, fx(() -> flow().shownRunProperty().get().number()));
        assertEquals(3, fx(() -> flow().card(0).rowCountProperty().get()));
        TableRow<?> shownRow = fx(() -> robot.from(view.runsTable()).lookup(".history-shown").queryAll().stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getItem() != null).findFirst().orElseThrow());
        assertSame(fx(() -> flow().history().runs().get(1)), fx(shownRow::getItem));
        assertFalse(fx(() -> robot.lookup("#historyShow").queryAs(Button.class).isDisabled()));
    }

    @Test
    void noFlowListsNothing() {
        fxRun(() -> view.showFlow(null));
        assertTrue(fx(() -> view.runsTable().getItems() == null || view.runsTable().getItems().isEmpty()));
        assertEquals("Select a flow lane on the canvas to see its runs.", fx(() -> ((Label) view.runsTable().getPlaceholder()).getText()));
    }
}
