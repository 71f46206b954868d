package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.inspect.InspectorModel;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The inspector's first line: which level is shown (flow, function or source, position), a loud
 * PINNED badge for rows the user pinned, the row counts, "computing…" while the model works, and a
 * message on the right (the model's error, or what the last copy or export did).
 */
final class InspectorHeader extends HBox {
    private final InspectorModel model;
    private final Label flow = new Label();
    private final Label level = new Label();
    private final Label pinned = new Label("PINNED");
    private final Label pinnedNote = new Label("your pinned rows, used instead of the function's code in designer runs only");
    private final Label counts = new Label();
    private final Label busy = new Label();
    private final Label message = new Label();
    private String report = "";
    private boolean reportIsError;

    InspectorHeader(InspectorModel model) {
        this.model = model;
        getStyleClass().add("rows-header");
        flow.getStyleClass().add("rows-flow");
        flow.setMinWidth(USE_PREF_SIZE);
        level.getStyleClass().add("rows-level");
        level.setId("inspectorLevel");
        level.setMinWidth(USE_PREF_SIZE);
        pinned.setId("inspectorPinned");
        pinned.getStyleClass().add("rows-pinned");
        pinned.setMinWidth(USE_PREF_SIZE);
        pinned.setTooltip(new Tooltip("You pinned these rows: designer runs commit them instead of running the function's code or "
                + "calling its connector. They are never written into the KisFlow YAML nor exported."));
        pinnedNote.getStyleClass().add("rows-pinned-note");
        counts.setId("inspectorCounts");
        counts.getStyleClass().add("rows-count");
        counts.setMinWidth(USE_PREF_SIZE);
        busy.setId("inspectorBusy");
        busy.getStyleClass().add("rows-busy");
        busy.setMinWidth(USE_PREF_SIZE);
        message.setId("inspectorMessage");
        message.getStyleClass().add("rows-message");
        message.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        getChildren().addAll(flow, level, pinned, counts, pinnedNote, busy, message);

        InvalidationListener refresh = this::refresh;
        for (Observable o : new Observable[]{model.levelProperty(), model.rowCountProperty(), model.visibleCountProperty(),
                model.filterProperty(), model.computingProperty(), model.columnsCompleteProperty(), model.errorProperty()}) {
            o.addListener(refresh);
        }
        model.levelProperty().addListener((obs, old, now) -> report("", false));
        refresh(null);
    }

    /** Shows what a copy or an export did (or why it failed) until the next report or level. */
    void report(String text, boolean error) {
        report = text;
        reportIsError = error;
        refresh(null);
    }

    String countsText() {
        return counts.getText();
    }

    private void refresh(Observable ignored) {
        LevelData shown = model.level();
        flow.setText(shown.flowName() + " ›");
        level.setText(shown.label());
        pinned.setVisible(shown.pinned());
        pinned.setManaged(shown.pinned());
        pinnedNote.setVisible(shown.pinned());
        pinnedNote.setManaged(shown.pinned());
        counts.setText(countsLine());
        boolean computing = model.computingProperty().get();
        boolean scanning = !model.columnsCompleteProperty().get();
        busy.setText(computing ? "computing…" : scanning ? "reading columns…" : "");
        busy.setVisible(computing || scanning);
        busy.setManaged(computing || scanning);

        String error = model.errorProperty().get();
        boolean showError = !error.isEmpty() || reportIsError;
        message.setText(!error.isEmpty() ? error : report);
        message.getStyleClass().remove("error");
        if (showError) {
            message.getStyleClass().add("error");
        }
        message.setTooltip(message.getText().isEmpty() ? null : new Tooltip(message.getText()));
    }

    private String countsLine() {
        int total = model.rowCountProperty().get();
        if (model.filterProperty().get() == null || model.filterProperty().get().isEmpty()) {
            return RowsFormat.rows(total);
        }
        int visible = model.visibleCountProperty().get();
        return RowsFormat.count(visible) + " of " + RowsFormat.rows(total) + (visible == 1 ? " matches" : " match");
    }
}
