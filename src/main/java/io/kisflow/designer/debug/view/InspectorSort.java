package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.inspect.InspectorModel;
import io.kisflow.designer.debug.inspect.InspectorRow;
import io.kisflow.designer.debug.inspect.SortOrder;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.Objects;

/**
 * Keeps the table's sort arrows and the model's sort in step. A header click asks the model to sort
 * (off the UI thread); the table never sorts its items itself (they are a virtual list of a million
 * rows). One column at a time: a shift-click sorts by the clicked column alone.
 */
final class InspectorSort {
    private final TableView<InspectorRow> table;
    private final InspectorModel model;
    private boolean syncing;

    private InspectorSort(TableView<InspectorRow> table, InspectorModel model) {
        this.table = table;
        this.model = model;
    }

    static InspectorSort install(TableView<InspectorRow> table, InspectorModel model) {
        InspectorSort sort = new InspectorSort(table, model);
        // Consuming the sort event stops TableView from running its sort policy on the items.
        table.setOnSort(e -> {
            e.consume();
            sort.askModel();
        });
        table.setSortPolicy(t -> true);
        model.sortProperty().addListener((obs, old, now) -> sort.showModelSort());
        return sort;
    }

    /** Runs a change of the table's columns without it counting as the user's sort (removing a column drops it from the sort order). */
    void whileRebuilding(Runnable rebuild) {
        syncing = true;
        try {
            rebuild.run();
        } finally {
            syncing = false;
        }
        showModelSort();
    }

    private void askModel() {
        if (syncing) {
            return;
        }
        List<TableColumn<InspectorRow, ?>> order = table.getSortOrder();
        if (order.isEmpty()) {
            if (model.sortProperty().get() != null) {
                model.clearSort();
            }
            return;
        }
        TableColumn<InspectorRow, ?> column = order.get(order.size() - 1);
        SortOrder wanted = new SortOrder((String) column.getUserData(), column.getSortType() == TableColumn.SortType.ASCENDING);
        if (order.size() > 1) {
            // Not inside this sort event: the table is still delivering the change of its sort order.
            Platform.runLater(() -> showOnly(column));
        }
        if (!Objects.equals(wanted, model.sortProperty().get())) {
            model.sortBy(wanted.column(), wanted.ascending());
        }
    }

    private void showModelSort() {
        SortOrder sort = model.sortProperty().get();
        TableColumn<InspectorRow, ?> column = sort == null ? null : columnOf(sort.column());
        syncing = true;
        try {
            if (column == null) {
                table.getSortOrder().clear();
            } else {
                column.setSortType(sort.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                showOnly(column);
            }
        } finally {
            syncing = false;
        }
    }

    private void showOnly(TableColumn<InspectorRow, ?> column) {
        if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != column) {
            boolean was = syncing;
            syncing = true;
            try {
                table.getSortOrder().setAll(List.of(column));
            } finally {
                syncing = was;
            }
        }
    }

    private TableColumn<InspectorRow, ?> columnOf(String name) {
        for (TableColumn<InspectorRow, ?> c : table.getColumns()) {
            if (name.equals(c.getUserData())) {
                return c;
            }
        }
        return null;
    }
}
