package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.diff.DiffKind;
import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.debug.diff.DiffRow;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two levels side by side in one table, so both halves scroll together: a mark column (added,
 * removed, changed), then "Before" with the left level's "#" and fields, then "After" with the right
 * level's. Rows are tinted by their mark; changed fields are highlighted on both sides. The order is
 * the diff's (pairing order), so the columns do not sort.
 */
final class DiffTable extends TableView<DiffRow> {
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final DiffModel model;
    private final DiffChangedColumns changes = new DiffChangedColumns();
    private final TableColumn<DiffRow, String> mark = new TableColumn<>("");
    private final TableColumn<DiffRow, DiffRow> before = new TableColumn<>();
    private final TableColumn<DiffRow, DiffRow> after = new TableColumn<>();
    private boolean fitPending = true;
    private boolean fitScheduled;

    DiffTable(DiffModel model) {
        super(model.rows());
        this.model = model;
        setId("diffTable");
        getStyleClass().addAll("rows-table", "diff-table");
        mark.setId("diffMark");
        mark.setSortable(false);
        mark.setReorderable(false);
        mark.getStyleClass().add("diff-mark-column");
        mark.setCellValueFactory(c -> new ReadOnlyStringWrapper(markText(c.getValue().kind())));
        before.setId("diffBefore");
        after.setId("diffAfter");
        for (TableColumn<DiffRow, DiffRow> side : List.of(before, after)) {
            side.setSortable(false);
            side.setReorderable(false);
            side.getStyleClass().add("diff-side-column");
        }
        getColumns().setAll(List.of(mark, before, after));
        setRowFactory(t -> new MarkedRow());
        Label placeholder = new Label("No rows differ.");
        placeholder.getStyleClass().add("rows-placeholder");
        setPlaceholder(placeholder);

        model.leftColumns().addListener((ListChangeListener<String>) c -> rebuild());
        model.rightColumns().addListener((ListChangeListener<String>) c -> rebuild());
        model.leftProperty().addListener((obs, old, now) -> titles());
        model.rightProperty().addListener((obs, old, now) -> titles());
        model.rows().addListener((ListChangeListener<DiffRow>) c -> {
            placeholder.setText(model.onlyDifferencesProperty().get() ? "No rows differ." : "Both levels are empty.");
            scheduleFit();
        });
        rebuild();
    }

    static String markText(DiffKind kind) {
        return kind == DiffKind.SAME ? "" : kind.name().toLowerCase(Locale.ROOT);
    }

    private void titles() {
        before.setText(title("Before", model.leftProperty().get()));
        after.setText(title("After", model.rightProperty().get()));
    }

    private static String title(String side, LevelData level) {
        return level == null ? side : side + " · " + RowsFormat.level(level) + " · " + RowsFormat.rows(level.size());
    }

    private void rebuild() {
        titles();
        before.getColumns().setAll(sideColumns(true, model.leftColumns()));
        after.getColumns().setAll(sideColumns(false, model.rightColumns()));
        fitPending = true;
        scheduleFit();
    }

    private List<TableColumn<DiffRow, DiffRow>> sideColumns(boolean left, List<String> names) {
        List<TableColumn<DiffRow, DiffRow>> columns = new ArrayList<>();
        TableColumn<DiffRow, DiffRow> number = column("#");
        number.getStyleClass().add("rows-number-column");
        number.setCellFactory(c -> new NumberCell(left));
        columns.add(number);
        for (String name : names) {
            TableColumn<DiffRow, DiffRow> field = column(name);
            field.setUserData(name);
            field.setCellFactory(c -> new DiffCell(left, name, changes));
            columns.add(field);
        }
        return columns;
    }

    /** A column whose cells get the whole diff row: they pick their side and field themselves. */
    private static TableColumn<DiffRow, DiffRow> column(String title) {
        TableColumn<DiffRow, DiffRow> column = new TableColumn<>(title);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        return column;
    }

    // Later, not now: the model publishes the new columns just before the new rows.
    private void scheduleFit() {
        if (fitPending && !fitScheduled) {
            fitScheduled = true;
            Platform.runLater(this::fit);
        }
    }

    private void fit() {
        fitScheduled = false;
        int rows = Math.min(RowsColumnFit.SAMPLE, getItems().size());
        if (rows == 0 && model.computingProperty().get()) {
            return;
        }
        fitPending = false;
        mark.setPrefWidth(RowsColumnFit.of("removed", List.of()).width());
        fitSide(before, true, rows);
        fitSide(after, false, rows);
    }

    private void fitSide(TableColumn<DiffRow, DiffRow> side, boolean left, int rows) {
        for (TableColumn<DiffRow, ?> column : side.getColumns()) {
            String name = (String) column.getUserData();
            List<String> cells = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                DiffRow row = getItems().get(i);
                int index = left ? row.leftIndex() : row.rightIndex();
                if (name == null) {
                    cells.add(index < 0 ? "" : RowsFormat.count(index + 1L));
                } else if (index >= 0) {
                    cells.add(left ? row.leftCell(name) : row.rightCell(name));
                }
            }
            RowsColumnFit fit = RowsColumnFit.of(column.getText(), cells);
            column.setPrefWidth(fit.width());
            column.getStyleClass().remove("rows-numeric");
            if (fit.numeric() && name != null) {
                column.getStyleClass().add("rows-numeric");
            }
        }
        // The side's title names the level: widen its field columns rather than cut the title.
        double fields = side.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum();
        double title = RowsColumnFit.of(side.getText(), List.of()).width() * 1.1;
        int n = side.getColumns().size();
        if (fields < title && n > 1) {
            double extra = Math.ceil((title - fields) / (n - 1));
            side.getColumns().stream().skip(1).forEach(c -> c.setPrefWidth(c.getPrefWidth() + extra));
        }
    }

    /** The row's index in one level ("" when the row is not on that side). */
    private static final class NumberCell extends TableCell<DiffRow, DiffRow> {
        private final boolean left;

        NumberCell(boolean left) {
            this.left = left;
        }

        @Override
        protected void updateItem(DiffRow row, boolean empty) {
            super.updateItem(row, empty);
            int index = empty || row == null ? -1 : left ? row.leftIndex() : row.rightIndex();
            setText(index < 0 ? "" : RowsFormat.count(index + 1L));
        }
    }

    /** A table row tinted by its mark. */
    private static final class MarkedRow extends TableRow<DiffRow> {
        @Override
        protected void updateItem(DiffRow row, boolean empty) {
            super.updateItem(row, empty);
            DiffKind kind = empty || row == null ? DiffKind.SAME : row.kind();
            pseudoClassStateChanged(ADDED, kind == DiffKind.ADDED);
            pseudoClassStateChanged(REMOVED, kind == DiffKind.REMOVED);
            pseudoClassStateChanged(CHANGED, kind == DiffKind.CHANGED);
        }
    }
}
