package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.inspect.CopyFormat;
import io.kisflow.designer.debug.inspect.InspectorModel;
import io.kisflow.designer.debug.inspect.InspectorRow;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Arrays;

/**
 * The raw JSON beside the table: the selected row as the function committed it (or the selected
 * rows, up to {@link #MAX_ROWS}), or the first {@link #MAX_ROWS} rows of the view when nothing is
 * selected. Read-only, selectable, monospace. Only computed while the pane is shown.
 */
final class InspectorRawJson extends VBox {
    static final int MAX_ROWS = 100;

    private final InspectorModel model;
    private final InspectorTable table;
    private final Label title = new Label();
    private final TextArea text = new TextArea();

    InspectorRawJson(InspectorModel model, InspectorTable table) {
        this.model = model;
        this.table = table;
        setId("inspectorJsonPane");
        getStyleClass().add("inspector-json");
        title.setId("inspectorJsonTitle");
        title.getStyleClass().add("rows-pane-title");
        text.setId("inspectorJson");
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("code");
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().addAll(title, text);

        // Not on the level itself: the model swaps in the new level's rows right after it, and only
        // then do the view's indexes point into it.
        table.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> refresh());
        model.rows().addListener((ListChangeListener<InspectorRow>) c -> refresh());
        visibleProperty().addListener((InvalidationListener) o -> refresh());
    }

    String json() {
        return text.getText();
    }

    void refresh() {
        if (!isVisible()) {
            return;
        }
        int[] selected = table.selectedViewIndexes();
        int size = model.rows().size();
        if (selected.length == 1) {
            title.setText("Row " + RowsFormat.count(model.rowIndex(selected[0]) + 1L));
            text.setText(model.rawJson(selected[0]));
        } else if (selected.length > 1) {
            int shown = Math.min(MAX_ROWS, selected.length);
            title.setText(shown == selected.length
                    ? RowsFormat.count(selected.length) + " selected rows"
                    : "First " + shown + " of " + RowsFormat.count(selected.length) + " selected rows");
            text.setText(model.copy(Arrays.copyOf(selected, shown), CopyFormat.JSON));
        } else if (size == 0) {
            title.setText("No rows");
            text.setText("[]");
        } else {
            int shown = Math.min(MAX_ROWS, size);
            title.setText(shown == size ? "All " + RowsFormat.rows(size) : "First " + shown + " of " + RowsFormat.rows(size));
            text.setText(model.levelJson(shown));
        }
        text.positionCaret(0);
        text.setScrollTop(0);
    }
}
