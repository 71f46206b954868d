package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.function.Predicate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * What the data views' window tests share: a background thread like the application's, the
 * student-score rows of the quick start, and reading what a table shows on screen.
 */
final class RowsFxSupport {
    static final double WIDTH = 1000;
    static final double HEIGHT = 300;

    private RowsFxSupport() {
    }

    /** One daemon thread, as the designer's pool would run the models' filters, sorts and exports. */
    static ExecutorService background() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "data-view-test");
            t.setDaemon(true);
            return t;
        });
    }

    /** Puts a view in a stage the size of the designer's bottom panel, styled like the designer. */
    static void show(Stage stage, Parent view, Theme theme) {
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** A student of the quick start's source level: an id and three scores. */
    static Map<String, Object> student(int id, int s1, int s2, int s3) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stu_id", id);
        row.put("score_1", s1);
        row.put("score_2", s2);
        row.put("score_3", s3);
        return row;
    }

    /** AvgStuScore's output row (a record, as the sample function commits it). */
    record StuAvgScore(int stu_id, double avg_score) {
    }

    /** conf-samples/student-score/input.jsonl. */
    static List<Object> sourceRows() {
        return List.of(student(101, 90, 85, 77), student(102, 60, 70, 80), student(103, 99, 140, 88), student(104, 100, 95, 98));
    }

    /** What AvgStuScore commits for the rows VerifyStu keeps. */
    static List<Object> averages(List<Object> students) {
        List<Object> out = new ArrayList<>();
        for (Object o : students) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) o;
            int sum = (int) s.get("score_1") + (int) s.get("score_2") + (int) s.get("score_3");
            out.add(new StuAvgScore((int) s.get("stu_id"), Math.round(sum / 3.0 * 100) / 100.0));
        }
        return out;
    }

    static LevelData source(List<Object> rows) {
        return LevelData.source("StuScore", rows);
    }

    /** Waits for the models' background work and the UI updates it posts (not a timed assertion: a timeout). */
    static void settle(BooleanSupplier done) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(done::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the view did not settle", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of a column's cells on screen, top to bottom (the table makes cells only for visible rows). */
    static <S> List<String> shown(FxRobot robot, TableView<S> table, String column) {
        return shown(robot, table, c -> column.equals(c.getText()));
    }

    /** The texts of the cells on screen of the first column that {@code which} accepts, top to bottom. */
    static <S> List<String> shown(FxRobot robot, TableView<S> table, Predicate<TableColumn<?, ?>> which) {
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<?, ?> column = table.getVisibleLeafColumns().stream().filter(which).findFirst().orElseThrow();
        List<TableCell<?, ?>> cells = new ArrayList<>();
        robot.from(table).lookup((Predicate<Node>) n -> n instanceof TableCell<?, ?> c && c.isVisible()
                && c.getTableColumn() == column && !c.isEmpty() && c.getTableRow() != null
                && c.getTableRow().getIndex() >= 0 && c.getTableRow().getIndex() < table.getItems().size()
                && c.getTableRow().isVisible()).queryAll().forEach(n -> cells.add((TableCell<?, ?>) n));
        cells.sort(Comparator.comparingInt(c -> c.getTableRow().getIndex()));
        List<String> out = new ArrayList<>();
        int last = -1;
        for (TableCell<?, ?> c : cells) {
            if (c.getTableRow().getIndex() != last) {
                out.add(c.getText() == null ? "" : c.getText());
                last = c.getTableRow().getIndex();
            }
        }
        return out;
    }

    /** The header of a column, to click on. */
    static TableColumnHeader header(FxRobot robot, TableView<?> table, String column) {
        return robot.from(table).lookup((Predicate<Node>) n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                && column.equals(h.getTableColumn().getText())).query();
    }

    static List<String> columnTitles(TableView<?> table) {
        List<String> out = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            out.add(c.getText());
        }
        return out;
    }

    /** True when the node and all its parents are visible in a scene (a node's own flag ignores its parents). */
    static boolean onScreen(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
