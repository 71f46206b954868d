package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.RunComparison;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.function.Function;

/**
 * Two runs of a flow level by level: the function at each position before and after, its rows,
 * calls and last outcome in both runs ("—": the function did not run). Levels whose counts or outcome
 * differ are highlighted.
 *
 * <pre>{@code HistoryComparisonTable t = new HistoryComparisonTable();
 * t.getItems().setAll(flow.compare(earlier, last).rows());}</pre>
 */
final class HistoryComparisonTable extends TableView<RunComparison.Row> {
    HistoryComparisonTable() {
        setId("historyComparison");
        getStyleClass().add("history-comparison");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("Select an earlier run and press \"Compare with current\" to see both runs level by level.");
        empty.setWrapText(true);
        empty.getStyleClass().add("run-sentence");
        setPlaceholder(empty);
        getColumns().add(column("Level", 150, RunComparison.Row::label));
        TableColumn<RunComparison.Row, String> rows = new TableColumn<>("Rows");
        rows.getColumns().add(column("before", 56, r -> count(r.rowsBefore())));
        rows.getColumns().add(column("after", 56, r -> count(r.rowsAfter())));
        getColumns().add(rows);
        getColumns().add(column("Calls", 60, r -> r.position() < 0 ? "" : r.callsBefore() + " → " + r.callsAfter()));
        getColumns().add(column("Engine did", 180, r -> r.position() < 0 ? ""
                : blank(r.outcomeBefore()) + " → " + blank(r.outcomeAfter())));
        setMinHeight(60);
        setPrefHeight(120);
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunComparison.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("history-differs");
                if (!empty && r != null && r.countsDiffer()) {
                    getStyleClass().add("history-differs");
                }
            }
        });
    }

    private static String count(int n) {
        return n < 0 ? "—" : String.valueOf(n);
    }

    private static String blank(String outcome) {
        return outcome.isEmpty() ? "—" : outcome;
    }

    private static TableColumn<RunComparison.Row, String> column(String title, double width, Function<RunComparison.Row, String> text) {
        TableColumn<RunComparison.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
