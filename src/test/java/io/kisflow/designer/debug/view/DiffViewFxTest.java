package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

import static io.kisflow.designer.debug.view.RowsFxSupport.averages;
import static io.kisflow.designer.debug.view.RowsFxSupport.settle;
import static io.kisflow.designer.debug.view.RowsFxSupport.shown;
import static io.kisflow.designer.debug.view.RowsFxSupport.source;
import static io.kisflow.designer.debug.view.RowsFxSupport.sourceRows;
import static io.kisflow.designer.debug.view.RowsFxSupport.student;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The level diff on screen (headless): marks, counts, highlighted fields, "only differences" and the pairing key. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class DiffViewFxTest {
    private final ExecutorService background = RowsFxSupport.background();
    private DiffModel model;
    private DiffView view;

    @Start
    void start(Stage stage) {
        model = new DiffModel(Platform::runLater, background);
        view = new DiffView(model);
        RowsFxSupport.show(stage, view, Theme.LIGHT);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    /** Run 1 and run 2 of AvgStuScore: 102's scores edited, 103 removed from the input, 105 added. */
    static LevelData[] twoRuns() {
        LevelData before = LevelData.of("StuScore", "AvgStuScore", 1, averages(List.of(
                student(101, 90, 85, 77), student(102, 60, 70, 80), student(103, 99, 40, 88), student(104, 100, 95, 98))));
        LevelData after = LevelData.of("StuScore", "AvgStuScore", 1, averages(List.of(
                student(101, 90, 85, 77), student(102, 90, 70, 80), student(104, 100, 95, 98), student(105, 70, 75, 80))));
        return new LevelData[]{before, after};
    }

    private void compare(FxRobot robot, LevelData before, LevelData after) {
        robot.interact(() -> model.compare(before, after));
        settle(() -> !model.computingProperty().get() && model.resultProperty().get() != null);
    }

    private String counts(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        robot.lookup("#diffCounts").queryParent().getChildrenUnmodifiable()
                .forEach(n -> sb.append(((javafx.scene.control.Label) n).getText()));
        return sb.toString();
    }

    /** The mark and the pseudo-classes of each row on screen, e.g. "changed:102/102". */
    private List<String> marks(FxRobot robot) {
        List<String> marks = shown(robot, view.table(), "");
        List<String> left = side(robot, 1, "stu_id");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            out.add(marks.get(i) + ":" + left.get(i));
        }
        return out;
    }

    /** A field of one side: 1 for "Before", 2 for "After". */
    private List<String> side(FxRobot robot, int side, String column) {
        return shown(robot, view.table(), c -> c.getParentColumn() == view.table().getColumns().get(side) && column.equals(c.getText()));
    }

    /** Chooses an entry of a combo box's list (the table's headers carry the same names). */
    private static void pick(FxRobot robot, ComboBox<?> combo, String entry) {
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((Predicate<Node>) n ->
                n instanceof javafx.scene.control.ListCell<?> c && entry.equals(c.getText())).queryAs(Node.class));
    }

    private static boolean has(Node node, String pseudoClass) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    @Test
    void beforeAnyComparisonItSaysHowToCompare(FxRobot robot) {
        RowsEmptyState empty = robot.lookup("#diffEmpty").queryAs(RowsEmptyState.class);
        assertTrue(RowsFxSupport.onScreen(empty));
        assertEquals(DiffView.EMPTY, empty.text());
        assertFalse(RowsFxSupport.onScreen(view.table()));

        compare(robot, source(sourceRows()), source(sourceRows()));
        assertFalse(RowsFxSupport.onScreen(empty));
        assertEquals("0 changed · 0 added · 0 removed · 4 same", counts(robot));
    }

    @Test
    void byPositionRowsAreMarkedAndChangedFieldsHighlighted(FxRobot robot) {
        LevelData[] runs = twoRuns();
        compare(robot, runs[0], runs[1]);
        assertEquals("1 changed · 1 added · 1 removed · 2 same", counts(robot), "paired by the stu_id both levels have");
        pick(robot, robot.lookup("#diffKey").queryAs(ComboBox.class), "(row position)");
        settle(() -> !model.computingProperty().get() && "".equals(model.keyColumnProperty().get()));

        assertEquals("3 changed · 0 added · 0 removed · 1 same", counts(robot));
        assertEquals(List.of("", "changed", "changed", "changed"), shown(robot, view.table(), ""));
        assertEquals("Before · StuScore › #2 AvgStuScore · 4 rows", view.table().getColumns().get(1).getText());
        assertEquals(List.of("#", "stu_id", "avg_score"), RowsFxSupport.columnTitles(view.table()).subList(1, 4));

        // row 2 (102): only avg_score changed; row 3 (103 vs 104): both fields
        List<Node> changedCells = robot.from(view.table()).lookup((Predicate<Node>) n -> n instanceof DiffCell c
                && has(c, "changed-cell")).queryAll().stream().toList();
        List<String> changed = new ArrayList<>();
        for (Node n : changedCells) {
            DiffCell c = (DiffCell) n;
            changed.add(c.getTableRow().getIndex() + " " + c.getTableColumn().getText() + " " + c.getText());
        }
        changed.sort(null);
        assertEquals(List.of("1 avg_score 70.0", "1 avg_score 80.0", "2 avg_score 75.67", "2 avg_score 97.67",
                "2 stu_id 103", "2 stu_id 104", "3 avg_score 75.0", "3 avg_score 97.67", "3 stu_id 104", "3 stu_id 105"), changed);
        TableRow<?> row = (TableRow<?>) changedCells.get(0).getParent();
        assertTrue(has(row, "changed"));
    }

    @Test
    void pairingByAKeyMarksAddedAndRemovedRowsAndOnlyDifferencesHidesTheSame(FxRobot robot) {
        LevelData[] runs = twoRuns();
        compare(robot, runs[0], runs[1]);

        ComboBox<?> key = robot.lookup("#diffKey").queryAs(ComboBox.class);
        assertEquals(List.of(DiffKeyChooser.BY_POSITION, "stu_id", "avg_score"), new ArrayList<>(key.getItems()));
        pick(robot, key, "stu_id");
        settle(() -> !model.computingProperty().get() && "stu_id".equals(model.keyColumnProperty().get()));

        assertEquals("1 changed · 1 added · 1 removed · 2 same", counts(robot));
        assertEquals(List.of(":101", "changed:102", ":104", "added:", "removed:103"), marks(robot));
        assertEquals(List.of("101", "102", "104", "", "103"), side(robot, 1, "stu_id"));
        assertEquals(List.of("101", "102", "104", "105", ""), side(robot, 2, "stu_id"));

        Node added = robot.from(view.table()).lookup((Predicate<Node>) n -> n instanceof TableRow<?> r && r.getIndex() == 3).query();
        Node removed = robot.from(view.table()).lookup((Predicate<Node>) n -> n instanceof TableRow<?> r && r.getIndex() == 4).query();
        assertTrue(has(added, "added"));
        assertTrue(has(removed, "removed"));
        // the side a row is missing from is marked absent, not left looking like empty fields
        List<Node> absent = robot.from(view.table()).lookup((Predicate<Node>) n -> n instanceof DiffCell c && has(c, "absent")).queryAll().stream().toList();
        assertEquals(4, absent.size());

        robot.clickOn("#diffOnlyDifferences");
        settle(() -> view.table().getItems().size() == 3);
        assertEquals(List.of("changed:102", "added:", "removed:103"), marks(robot));

        pick(robot, key, DiffKeyChooser.BY_POSITION);
        settle(() -> !model.computingProperty().get() && model.keyColumnProperty().get().isEmpty());
        assertEquals("3 changed · 0 added · 0 removed · 1 same", counts(robot));
    }

    @Test
    void inputAndOutputOfAFunctionShowEachLevelsOwnFields(FxRobot robot) {
        List<Object> kept = List.of(sourceRows().get(0), sourceRows().get(1), sourceRows().get(3));
        compare(robot, source(sourceRows()), LevelData.of("StuScore", "VerifyStu", 0, kept));
        robot.interact(() -> model.keyColumnProperty().set("stu_id"));
        settle(() -> !model.computingProperty().get() && model.removedProperty().get() == 1);

        assertEquals("0 changed · 0 added · 1 removed · 3 same", counts(robot));
        assertEquals(List.of("", "#", "stu_id", "score_1", "score_2", "score_3", "#", "stu_id", "score_1", "score_2", "score_3"),
                RowsFxSupport.columnTitles(view.table()));
        assertEquals(List.of(":101", ":102", ":104", "removed:103"), marks(robot));
        assertEquals(List.of("1", "2", "4", "3"), side(robot, 1, "#"));
        assertEquals(List.of("1", "2", "3", ""), side(robot, 2, "#"));
    }
}
