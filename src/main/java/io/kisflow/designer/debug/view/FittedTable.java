package io.kisflow.designer.debug.view;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A short table (the history's runs, the comparison of two runs) whose columns are as wide as their
 * header and their widest cell, refitted at layout when what they show changed: a narrow table
 * scrolls sideways rather than cutting "1442.3 ms" to "1442…" or "#3 PrintStuAvgScore" to
 * "#3 PrintStuAvg…". Columns made with {@link #column} are fitted; the rows are few (ten runs, a
 * flow's levels), so measuring them all is cheap.
 *
 * <pre>{@code class Runs extends FittedTable<RunRecord> { Runs() { getColumns().add(column("Run", r -> "#" + r.number())); } }}</pre>
 */
abstract class FittedTable<T> extends TableView<T> {
    /** Text width in the cells' font, bold (highlighted rows are bold): the widest a cell is drawn. */
    private static final Function<String, Double> BOLD_WIDTH = t -> {
        Text probe = new Text(t);
        probe.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13));
        return probe.getLayoutBounds().getWidth();
    };

    /** What the columns were last fitted to. */
    private List<List<String>> fittedTo = List.of();

    FittedTable() {
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
    }

    /** A fitted column showing {@code text} of each item. */
    static <T> TableColumn<T, String> column(String title, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setUserData(text);
        c.setSortable(false);
        return c;
    }

    @Override
    protected void layoutChildren() {
        fitColumns();
        super.layoutChildren();
    }

    @SuppressWarnings("unchecked")
    private void fitColumns() {
        List<TableColumn<T, ?>> leaves = getVisibleLeafColumns();
        List<List<String>> shown = new ArrayList<>();
        for (TableColumn<T, ?> c : leaves) {
            List<String> cells = new ArrayList<>();
            cells.add(c.getText());
            if (c.getUserData() instanceof Function<?, ?> f && getItems() != null) {
                getItems().forEach(item -> cells.add(((Function<T, String>) f).apply(item)));
            }
            shown.add(cells);
        }
        if (shown.equals(fittedTo)) {
            return;
        }
        fittedTo = shown;
        for (int i = 0; i < leaves.size(); i++) {
            TableColumn<T, ?> c = leaves.get(i);
            List<String> cells = shown.get(i);
            double fitted = BOLD_WIDTH.apply(cells.get(0)) + 20;
            for (String cell : cells.subList(1, cells.size())) {
                fitted = Math.max(fitted, BOLD_WIDTH.apply(cell) + 16);
            }
            // a parent header ("Rows" over "#3" and "#4") needs its children wide enough for its own title
            if (c.getParentColumn() != null) {
                javafx.scene.control.TableColumnBase<?, ?> parent = c.getParentColumn();
                fitted = Math.max(fitted, (BOLD_WIDTH.apply(parent.getText()) + 20) / parent.getColumns().size());
            }
            c.setPrefWidth(Math.ceil(fitted));
        }
    }
}
