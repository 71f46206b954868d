package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.RunOutcome;
import io.kisflow.designer.debug.RunRecord;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

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
final class HistoryRunsTable extends TableView<RunRecord> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    HistoryRunsTable(Supplier<RunRecord> shown) {
        setId("historyRuns");
        getStyleClass().add("history-runs");
        // each column as wide as its header and cells (refitted as runs come and go): a narrow table
        // scrolls sideways rather than cutting "1442.3 ms" to "1442…"
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        getColumns().add(column("Run", 50, r -> "#" + r.number()));
        getColumns().add(column("Started", 80, r -> TIME.format(r.startedAt())));
        getColumns().add(column("Outcome", 80, r -> r.outcome().name().toLowerCase(Locale.ROOT)));
        getColumns().add(column("Calls", 50, r -> String.valueOf(r.calls().size())));
        // Function time and wall time apart: a stepped run's wall time is mostly the pauses.
        getColumns().add(column("In functions", 90, r -> RunRecord.millis(r.functionNanos())));
        getColumns().add(column("Wall", 80, r -> RunRecord.millis(r.durationNanos())));
        getColumns().add(column("Rows per level", 160, HistoryRunsTable::rowsPerLevel));
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

    private static TableColumn<RunRecord, String> column(String title, double width, Function<RunRecord, String> text) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setUserData(text);
        c.setSortable(false);
        return c;
    }

    /** Text width in the cells' font, bold (the run shown is in bold): the widest a cell is drawn. */
    private static final Function<String, Double> BOLD_WIDTH = t -> {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, 13));
        return probe.getLayoutBounds().getWidth();
    };

    /** What the columns were last fitted to. */
    private java.util.List<java.util.List<String>> fittedTo = java.util.List.of();

    @Override
    protected void layoutChildren() {
        fitColumns();
        super.layoutChildren();
    }

    /**
     * Widens each column to its header and the runs listed, whenever what they show changed (ten
     * runs at most, so measuring them all is cheap). Done at layout, so a run recorded, replaced or
     * shown in bold is measured as it is drawn.
     */
    @SuppressWarnings("unchecked")
    private void fitColumns() {
        java.util.List<java.util.List<String>> shown = new java.util.ArrayList<>();
        for (TableColumn<RunRecord, ?> c : getColumns()) {
            Function<RunRecord, String> text = (Function<RunRecord, String>) c.getUserData();
            shown.add(getItems() == null ? java.util.List.of() : getItems().stream().map(text).toList());
        }
        if (shown.equals(fittedTo)) {
            return;
        }
        fittedTo = shown;
        for (int i = 0; i < getColumns().size(); i++) {
            TableColumn<RunRecord, ?> c = getColumns().get(i);
            double fitted = BOLD_WIDTH.apply(c.getText()) + 20;
            for (String cell : shown.get(i)) {
                fitted = Math.max(fitted, BOLD_WIDTH.apply(cell) + 16);
            }
            c.setPrefWidth(Math.ceil(fitted));
        }
    }

    void setEmptySentence(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("run-sentence");
        setPlaceholder(l);
    }
}
