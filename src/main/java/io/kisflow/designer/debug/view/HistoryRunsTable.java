package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.RunOutcome;
import io.kisflow.designer.debug.RunRecord;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The runs of one flow, newest first: number, start time, outcome, calls, time in functions, wall time and the rows of
 * every level (source first). The run the canvas shows is in bold; failed runs in the error colour.
 *
 * <pre>{@code HistoryRunsTable runs = new HistoryRunsTable(() -> flow.shownRunProperty().get());
 * runs.setItems(flow.history().runs());}</pre>
 */
final class HistoryRunsTable extends FittedTable<RunRecord> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    HistoryRunsTable(Supplier<RunRecord> shown) {
        setId("historyRuns");
        getStyleClass().add("history-runs");
        // each column as wide as its header and cells (FittedTable): a narrow table scrolls sideways
        getColumns().add(column("Run", r -> "#" + r.number()));
        getColumns().add(column("Started", r -> TIME.format(r.startedAt())));
        getColumns().add(column("Outcome", r -> r.outcome().name().toLowerCase(Locale.ROOT)));
        getColumns().add(column("Calls", r -> String.valueOf(r.calls().size())));
        // Function time and wall time apart: a stepped run's wall time is mostly the pauses.
        getColumns().add(column("In functions", r -> RunRecord.millis(r.functionNanos())));
        getColumns().add(column("Wall", r -> RunRecord.millis(r.durationNanos())));
        getColumns().add(column("Rows per level", HistoryRunsTable::rowsPerLevel));
        setMinHeight(60);
        setPrefHeight(120);

        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunRecord r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("history-shown", "history-failed");
                if (!empty && r != null) {
                    if (r == shown.get()) {
                        getStyleClass().add("history-shown");
                    }
                    if (r.outcome() != RunOutcome.FINISHED) {
                        getStyleClass().add("history-failed");
                    }
                }
            }
        });
    }

    /** "4 → 3 → 3 → 3": the source, then each function's level ("·" where the function did not run). */
    static String rowsPerLevel(RunRecord r) {
        StringJoiner j = new StringJoiner(" → ");
        j.add(String.valueOf(r.source() == null ? 0 : r.source().size()));
        for (int p = 0; p < r.chain().size(); p++) {
            int n = r.rowCount(p);
            j.add(n < 0 ? "·" : String.valueOf(n));
        }
        return j.toString();
    }

    void setEmptySentence(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("run-sentence");
        setPlaceholder(l);
    }
}
