package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.diff.DiffModel;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;

/**
 * How the diff pairs rows: "(row position)" pairs row 1 with row 1, a column pairs rows whose value
 * in it is the same (a student id, say), so a dropped or reordered row does not make every later row
 * "changed". Offers the columns of both levels.
 */
final class DiffKeyChooser extends ComboBox<String> {
    static final String BY_POSITION = "(row position)";

    private final DiffModel model;
    private boolean syncing;

    DiffKeyChooser(DiffModel model) {
        this.model = model;
        setId("diffKey");
        setTooltip(new Tooltip("Pair the rows of the two levels by their position, or by the value of a column"));
        getItems().add(BY_POSITION);
        setValue(keyOf(model.keyColumnProperty().get()));
        valueProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                model.keyColumnProperty().set(BY_POSITION.equals(now) ? "" : now);
            }
        });
        model.keyColumnProperty().addListener((obs, old, now) -> sync());
        model.columns().addListener((ListChangeListener<String>) c -> sync());
    }

    private void sync() {
        List<String> items = new ArrayList<>();
        items.add(BY_POSITION);
        items.addAll(model.columns());
        String key = keyOf(model.keyColumnProperty().get());
        if (!items.contains(key)) {
            items.add(key);   // a key the levels lack stays shown, so the user sees why nothing pairs
        }
        syncing = true;
        try {
            if (!getItems().equals(items)) {
                getItems().setAll(items);
            }
            setValue(key);
        } finally {
            syncing = false;
        }
    }

    private static String keyOf(String column) {
        return column == null || column.isBlank() ? BY_POSITION : column.trim();
    }
}
