package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.RunComparison;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;

/**
 * Two runs of a flow level by level: the function at each position before and after, its rows,
 * calls and last outcome in both runs ("—": the function did not run). Levels whose counts or outcome
 * differ are highlighted.
 *
 * <pre>{@code HistoryComparisonTable t = new HistoryComparisonTable();
 * t.getItems().setAll(flow.compare(earlier, last).rows());}</pre>
 */
final class HistoryComparisonTable extends FittedTable<RunComparison.Row> {
    private final TableColumn<RunComparison.Row, String> rowsBefore = column("before", r -> count(r.rowsBefore()));
    private final TableColumn<RunComparison.Row, String> rowsAfter = column("after", r -> count(r.rowsAfter()));

    HistoryComparisonTable() {
        setId("historyComparison");
        getStyleClass().add("history-comparison");
        // each column as wide as its header and cells (FittedTable): "#3 PrintStuAvgScore" whole, a
        // narrow tab scrolls sideways
        Label empty = new Label("Select an earlier run and press \"Compare with current\" to see both runs level by level.");
        empty.setWrapText(true);
        empty.getStyleClass().add("run-sentence");
        setPlaceholder(empty);
        getColumns().add(column("Level", RunComparison.Row::label));
        TableColumn<RunComparison.Row, String> rows = new TableColumn<>("Rows");
        rows.getColumns().add(rowsBefore);
        rows.getColumns().add(rowsAfter);
        getColumns().add(rows);
        getColumns().add(column("Calls", r -> r.position() < 0 ? "" : r.callsBefore() + " → " + r.callsAfter()));
        getColumns().add(column("Engine did", r -> r.position() < 0 ? ""
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

    /** Names the rows columns after the runs compared ("#3", "#4"): shorter than before/after, and it says which. */
    void showRuns(int before, int after) {
        rowsBefore.setText("#" + before);
        rowsAfter.setText("#" + after);
    }

    /** No comparison shown: the rows columns are "before" and "after" again. */
    void clearRuns() {
        getItems().clear();
        rowsBefore.setText("before");
        rowsAfter.setText("after");
    }
}
