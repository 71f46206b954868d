package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.inspect.InspectorModel;
import io.kisflow.designer.debug.inspect.InspectorRow;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inspector's table: a "#" column with each row's index in the level (not its place in the
 * filtered view), then one column per field. Its items are the model's virtual row list, so only
 * the rows on screen are ever made. Columns follow the model's (new ones arrive while the rest of a
 * big level is scanned) and get a width that fits their first rows whenever a new level is shown.
 */
final class InspectorTable extends TableView<InspectorRow> {
    private final InspectorModel model;
    private final TableColumn<InspectorRow, String> number = new TableColumn<>("#");
    private final Map<String, TableColumn<InspectorRow, String>> byName = new LinkedHashMap<>();
    private final Set<String> toFit = new HashSet<>();
    private final InspectorSort sort;
    private final Label placeholder = new Label();
    private boolean fitScheduled;
    private boolean fitNumber = true;

    InspectorTable(InspectorModel model) {
        super(model.rows());
        this.model = model;
        setId("inspectorTable");
        getStyleClass().add("rows-table");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setTableMenuButtonVisible(false);
        number.setId("inspectorRowNumber");
        number.setSortable(false);
        number.setReorderable(false);
        number.getStyleClass().add("rows-number-column");
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(RowsFormat.count(c.getValue().rowIndex() + 1L)));
        placeholder.getStyleClass().add("rows-placeholder");
        setPlaceholder(placeholder);
        sort = InspectorSort.install(this, model);

        model.columns().addListener((ListChangeListener<String>) c -> rebuildColumns());
        model.levelProperty().addListener((obs, old, now) -> {
            toFit.addAll(byName.keySet());
            fitNumber = true;
            scheduleFit();
        });
        model.rows().addListener((ListChangeListener<InspectorRow>) c -> {
            if (!toFit.isEmpty() || fitNumber) {
                scheduleFit();
            }
            refreshPlaceholder();
        });
        model.computingProperty().addListener((obs, old, now) -> refreshPlaceholder());
        rebuildColumns();
        refreshPlaceholder();
    }

    /** The selected rows' positions in the view, in view order. */
    int[] selectedViewIndexes() {
        List<Integer> selected = getSelectionModel().getSelectedIndices();
        int[] out = new int[selected.size()];
        int n = 0;
        for (Integer i : selected) {
            if (i != null && i >= 0 && i < getItems().size()) {
                out[n++] = i;
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    private void rebuildColumns() {
        List<TableColumn<InspectorRow, ?>> next = new ArrayList<>();
        next.add(number);
        Map<String, TableColumn<InspectorRow, String>> kept = new LinkedHashMap<>();
        for (String name : model.columns()) {
            TableColumn<InspectorRow, String> column = byName.get(name);
            if (column == null) {
                column = fieldColumn(name);
                toFit.add(name);
            }
            kept.put(name, column);
            next.add(column);
        }
        byName.clear();
        byName.putAll(kept);
        toFit.retainAll(byName.keySet());
        sort.whileRebuilding(() -> getColumns().setAll(next));
        scheduleFit();
    }

    private static TableColumn<InspectorRow, String> fieldColumn(String name) {
        TableColumn<InspectorRow, String> column = new TableColumn<>(name);
        column.setUserData(name);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell(name)));
        return column;
    }

    // Later, not now: a column change arrives while the model is still swapping in the new level's rows.
    private void scheduleFit() {
        if (!fitScheduled) {
            fitScheduled = true;
            Platform.runLater(this::fitColumns);
        }
    }

    private void fitColumns() {
        fitScheduled = false;
        int rows = Math.min(RowsColumnFit.SAMPLE, getItems().size());
        if (rows == 0 && model.computingProperty().get()) {
            return;   // the rows are on their way; fit when they arrive
        }
        if (fitNumber) {
            fitNumber = false;
            String widest = RowsFormat.count(Math.max(1, model.rowCountProperty().get()));
            number.setPrefWidth(RowsColumnFit.of("#", List.of(widest)).width());
        }
        for (String name : new ArrayList<>(toFit)) {
            TableColumn<InspectorRow, String> column = byName.get(name);
            List<String> cells = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                cells.add(getItems().get(i).cell(name));
            }
            RowsColumnFit fit = RowsColumnFit.of(name, cells);
            column.setPrefWidth(fit.width());
            column.getStyleClass().remove("rows-numeric");
            if (fit.numeric()) {
                column.getStyleClass().add("rows-numeric");
            }
        }
        toFit.clear();
    }

    private void refreshPlaceholder() {
        String filter = model.filterProperty().get() == null ? "" : model.filterProperty().get();
        if (model.rowCountProperty().get() == 0) {
            placeholder.setText("This level has no rows.");
        } else if (model.computingProperty().get()) {
            placeholder.setText("Filtering " + RowsFormat.rows(model.rowCountProperty().get()) + "…");
        } else {
            placeholder.setText("No row matches \u201c" + filter + "\u201d" + (model.matchCaseProperty().get() ? " (case matched)." : "."));
        }
    }
}
