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
 * a connector's {@code params}. A key is like a name: it is checked while typed (an empty or repeated
 * key shows its problem at the table), reaches the project only when committed (Enter, or the focus
 * leaving the key) as one undo step, and Escape restores it (on a new row, Escape removes the row);
 * a refused key never reaches the project, which keeps its last valid params. Values follow live, as
 * one undo step per focus visit; the value typed into a row just added joins the row's "add" step,
 * so adding a param is one undo step, not one for the key and one for its value.
 *
 * <pre>{@code params.addRow(); Row r = params.rows().get(0); r.key().set("max_score"); params.commitKey(r);}</pre>
 */
public final class ParamsModel {
    /** One row of the table. */
    public final class Row {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");
        /** The key as the project has it; "" for a new row that has none yet. */
        private String committedKey;

        Row(String k, String v) {
            key.set(k);
            value.set(v);
            committedKey = k;
            key.addListener((o, a, b) -> keyTyped(this));
            value.addListener((o, a, b) -> valueChanged(this));
        }

        public StringProperty key() {
            return key;
        }

        public StringProperty value() {
            return value;
        }

        /** True while a typed key waits for Enter (or for the focus to leave). */
        public boolean isPending() {
            return !key.get().strip().equals(committedKey);
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
    /** The row whose key was just added; its value, typed next, joins the add's undo step. */
    private Row adding;
    private String addingBurst;
    private int adds;

    public ParamsModel(ProjectDocument doc, String id, String label, Supplier<Map<String, String>> read,
                       Function<Map<String, String>, Edit> write) {
        this.id = id;
        this.label = label;
        this.read = read;
        this.write = write;
        this.burst = new FocusBurst(doc, id);
    }

    /** Adds an empty row at the end (the project changes once its key is committed). */
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
        if (index < 0 || index >= rows.size()) {
            return;
        }
        Row removed = rows.remove(index);
        if (!removed.committedKey.isEmpty()) {
            error.set(burst.commit(() -> named(": remove " + removed.committedKey)));
        } else {
            error.set("");
        }
    }

    private void keyTyped(Row row) {
        if (!refreshing) {
            error.set(row.isPending() ? keyProblem(row) : "");
        }
    }

    /** Why the row's typed key cannot be committed, or "". */
    private String keyProblem(Row row) {
        String k = row.key.get().strip();
        if (k.isEmpty()) {
            return row.committedKey.isEmpty() ? "Type a key for the new param."
                    : "Every param needs a key; fill it in or remove the row.";
        }
        for (Row r : rows) {
            if (r != row && r.committedKey.equals(k)) {
                return "The key " + k + " is used twice; keys must be unique.";
            }
        }
        return "";
    }

    /**
     * Commits the row's typed key (Enter, or the focus leaving the key): a valid key reaches the
     * project as one undo step; a refused one gives way to the key the project has, and the reason
     * stays at the table.
     */
    public void commitKey(Row row) {
        if (!rows.contains(row) || !row.isPending()) {
            return;
        }
        String k = row.key.get().strip();
        String problem = keyProblem(row);
        if (problem.isEmpty()) {
            String old = row.committedKey;
            row.committedKey = k;
            if (old.isEmpty()) {
                // the add stays open: the value typed next (Tab, then the value) is part of the same step
                burst.end();
                String key = id + "#add#" + (++adds);
                problem = burst.performAs(() -> named(": add " + k), key);
                if (problem.isEmpty()) {
                    adding = row;
                    addingBurst = key;
                }
            } else {
                problem = burst.commit(() -> named(": rename " + old + " to " + k));
            }
            if (!problem.isEmpty()) {
                row.committedKey = old;
            }
        }
        if (!problem.isEmpty()) {
            restore(row);
        }
        error.set(problem);
    }

    /**
     * Escape in a key: the typed key gives way to the project's, and a new row (no key in the project
     * yet) goes away; returns whether there was anything to undo.
     */
    public boolean escapeKey(Row row) {
        if (row.committedKey.isEmpty() && rows.contains(row)) {
            rows.remove(row);
            error.set("");
            return true;
        }
        if (!row.isPending()) {
            return false;
        }
        restore(row);
        error.set(row.committedKey.isEmpty() ? "Type a key for the new param." : "");
        return true;
    }

    private void restore(Row row) {
        refreshing = true;
        try {
            row.key.set(row.committedKey);
        } finally {
            refreshing = false;
        }
    }

    /** The whole map as the project should have it, with the description of what changed appended. */
    private Edit named(String what) {
        Edit edit = write.apply(committedMap());
        return Edit.batch(edit.description() + what, java.util.List.of(edit));
    }

    private void valueChanged(Row row) {
        if (refreshing || row.committedKey.isEmpty()) {
            return; // a new row's value reaches the project with its key
        }
        if (row == adding) {
            String k = row.committedKey;
            error.set(burst.performAs(() -> named(": add " + k), addingBurst));
            return;
        }
        error.set(burst.perform(() -> write.apply(committedMap())));
    }

    /** The rows that have a committed key, in table order. */
    private Map<String, String> committedMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.committedKey.isEmpty()) {
                map.put(r.committedKey, r.value.get());
            }
        }
        return map;
    }

    public void focusGained() {
        burst.focusGained();
    }

    public void focusLost() {
        endAdding();
        burst.focusLost();
    }

    /** A field of the table got the focus: the key or the value of {@code row}. */
    public void focusGained(Row row, boolean valueField) {
        if (row != adding || !valueField) {
            endAdding();
        }
        burst.focusGained();
    }

    /**
     * A field of the table lost the focus. Leaving the key of the row just added keeps its add step
     * open for the value; leaving anything else ends the burst.
     */
    public void focusLost(Row row, boolean valueField) {
        if (row == adding && !valueField) {
            return;
        }
        focusLost();
    }

    private void endAdding() {
        adding = null;
        addingBurst = null;
    }

    /**
     * Shows the project's params, except during this table's own edit (or always with {@code force}:
     * the subject changed). Rows whose keys are still being typed stay while the project's params are
     * what the table has committed.
     */
    public void refresh(boolean force) {
        if (burst.committing() && !force) {
            return;
        }
        Map<String, String> model = read.get();
        if (force || !committedMap().equals(model == null ? Map.of() : model)) {
            endAdding();
            refreshing = true;
            try {
                List<Row> fresh = model == null ? List.of()
                        : model.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
                rows.setAll(fresh);
            } finally {
                refreshing = false;
            }
            error.set("");
        }
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
