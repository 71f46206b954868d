package io.kisflow.designer.debug.view;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Map;

/**
 * The params a function saw in one call (its default_params overlaid by the flow's params), as a
 * two-column table as tall as its rows (it sits in a scrolling side panel).
 *
 * <pre>{@code CallParamsTable params = new CallParamsTable();  params.show(call.params());}</pre>
 */
final class CallParamsTable extends TableView<Map.Entry<String, String>> {
    private static final double ROW = 24;

    CallParamsTable() {
        setId("callParams");
        getStyleClass().add("call-params");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setFixedCellSize(ROW);
        TableColumn<Map.Entry<String, String>, String> key = new TableColumn<>("Param");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        key.setPrefWidth(110);
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        getColumns().add(key);
        getColumns().add(value);
    }

    void show(Map<String, String> params) {
        getItems().setAll(params == null ? java.util.List.of()
                : params.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList());
        double height = (Math.max(getItems().size(), 1) + 1) * ROW + 6;
        setPrefHeight(height);
        setMinHeight(height);
        setMaxHeight(height);
    }
}
