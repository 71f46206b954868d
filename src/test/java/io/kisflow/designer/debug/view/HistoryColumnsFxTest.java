package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 8, item 10: the History tab's run list shows every cell whole ("1442…" was cut). */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class HistoryColumnsFxTest {
    private RunViewsFixture fixture;
    private HistoryView view;

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
        view = new HistoryView(fixture.session);
        // as narrow as the History tab beside the comparison at the default window size
        stage.setScene(new Scene(view, 760, 260));
        Theme.DARK.applyTo(stage.getScene());
        stage.show();
        view.showFlow("StuScore");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyCellOfTheRunListIsShownWhole() {
        assertTrue(fx(() -> fixture.session.run("StuScore")));
        fixture.await(SessionState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = fx(() -> {
            view.applyCss();
            view.layout();
            return cutTexts(view.runsTable(), 6);
        });
        assertEquals(List.of(), cut);
    }

    /** The comparison of two runs was cut too: "#3 PrintStuAvg…" and a "bef…" header at the default window size. */
    @Test
    void everyCellAndHeaderOfTheComparisonIsShownWhole() {
        for (int i = 0; i < 2; i++) {
            assertTrue(fx(() -> fixture.session.run("StuScore")));
            fixture.await(SessionState.FINISHED);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = fx(() -> {
            view.applyCss();
            view.layout();
            view.runsTable().getSelectionModel().select(1);
            view.compareSelected();
            view.applyCss();
            view.layout();
            return cutTexts(view.comparisonTable(), 12);
        });
        assertEquals(List.of(), cut);
        assertEquals(List.of("#1", "#2"), fx(() -> view.comparisonTable().getVisibleLeafColumns().subList(1, 3).stream()
                .map(javafx.scene.control.TableColumn::getText).toList()), "the rows columns are named after the runs");
    }

    /** Texts of cells and column headers drawn shorter than they are ("…"); at least {@code minCells} cells must be drawn. */
    private static List<String> cutTexts(javafx.scene.Parent table, int minCells) {
        List<String> found = new ArrayList<>();
        int cells = 0;
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getText() != null && !cell.getText().isEmpty()) {
                cells++;
                Text shown = (Text) cell.lookup(".text");
                if (!cell.getText().equals(shown.getText())) {
                    found.add(cell.getText() + " shown as " + shown.getText());
                }
            }
        }
        for (Node n : table.lookupAll(".column-header .label")) {
            if (n instanceof javafx.scene.control.Label header && !header.getText().isEmpty()) {
                Text shown = (Text) header.lookup(".text");
                if (shown != null && !header.getText().equals(shown.getText())) {
                    found.add("header " + header.getText() + " shown as " + shown.getText());
                }
            }
        }
        assertTrue(cells >= minCells, cells + " cells on screen, expected " + minCells);
        return found;
    }
}
