package io.kisflow.designer.properties;

import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Edit;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An editable key/value table: a function's {@code default_params}, the params a flow gives a card,
 * a connector's {@code params}. Each row edit becomes one edit of the whole map; an empty or repeated
 * key is refused with a message at the table and the project keeps its last valid params.
 *
 * <pre>{@code params.addRow(); params.rows().get(0).key().set("max_score");}</pre>
 */
public final class ParamsModel {
    /** One row of the table. */
    public final class Row {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");

        Row(String k, String v) {
            key.set(k);
            value.set(v);
            key.addListener((o, a, b) -> changed());
            value.addListener((o, a, b) -> changed());
        }

        public StringProperty key() {
            return key;
        }

        public StringProperty value() {
            return value;
        }
    }

    private final String id;
    private final String label;
    private final Supplier<Map<String, String>> read;
    private final Function<Map<String, String>, Edit> write;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private boolean refreshing;
    private final FocusBurst burst;

    public ParamsModel(ProjectDocument doc, String id, String label, Supplier<Map<String, String>> read,
                       Function<Map<String, String>, Edit> write) {
        this.id = id;
        this.label = label;
        this.read = read;
        this.write = write;
        this.burst = new FocusBurst(doc, id);
    }

    /** Adds an empty row at the end (the project changes once it has a key). */
    public void addRow() {
        refreshing = true;
        try {
            rows.add(new Row("", ""));
        } finally {
            refreshing = false;
        }
        error.set("Type a key for the new param.");
    }

    public void removeRow(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
            burst.end();
            changed();
            burst.end();
        }
    }

    private void changed() {
        if (refreshing) {
            return;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Row r : rows) {
            String k = r.key.get().strip();
            if (k.isEmpty()) {
                error.set("Every param needs a key; fill it in or remove the row.");
                return;
            }
            if (map.containsKey(k)) {
                error.set("The key " + k + " is used twice; keys must be unique.");
                return;
            }
            map.put(k, r.value.get());
        }
        error.set(burst.perform(() -> write.apply(map)));
    }

    public void focusGained() {
        burst.focusGained();
    }

    public void focusLost() {
        burst.focusLost();
    }

    /** Shows the project's params, except during this table's own edit (or always with {@code force}: the subject changed). */
    public void refresh(boolean force) {
        if (burst.committing() && !force) {
            return;
        }
        Map<String, String> model = read.get();
        Map<String, String> shown = new LinkedHashMap<>();
        rows.forEach(r -> shown.put(r.key.get(), r.value.get()));
        if (force || !shown.equals(model == null ? Map.of() : model) || shown.size() != rows.size()) {
            refreshing = true;
            try {
                List<Row> fresh = model == null ? List.of()
                        : model.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
                rows.setAll(fresh);
            } finally {
                refreshing = false;
            }
        }
        error.set("");
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }
}
