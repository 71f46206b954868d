package io.kisflow.designer.properties;

import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.EditRefused;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One editable value of the properties panel. The view binds a control to {@link #textProperty()};
 * every change the user types is turned into an edit and applied at once (so the canvas and YAML
 * follow live), all keystrokes of one focus visit being one undo step. A value the edit refuses
 * leaves the project unchanged and shows the reason in {@link #errorProperty()}, next to the field.
 *
 * <pre>{@code FieldModel retry = new FieldModel(doc, "retry", "Retry times", () -> "0", t -> edit(t));}</pre>
 */
public final class FieldModel {
    private final String id;
    private final String label;
    private final Supplier<String> read;
    private final Function<String, Edit> write;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<String> options = FXCollections.observableArrayList();
    private final FocusBurst burst;
    private final ProjectDocument doc;
    private boolean refreshing;

    /**
     * @param read  the value in the project as text (null when there is no subject)
     * @param write the edit for a typed value; throws {@link EditRefused} for values it cannot parse
     */
    public FieldModel(ProjectDocument doc, String id, String label, Supplier<String> read, Function<String, Edit> write) {
        this.id = id;
        this.label = label;
        this.read = read;
        this.write = write;
        this.burst = new FocusBurst(doc, id);
        this.doc = doc;
        text.addListener((o, a, b) -> {
            if (!refreshing) {
                commit(b);
            }
        });
    }

    private void commit(String value) {
        error.set(burst.perform(() -> write.apply(value)));
    }

    /** The field got the keyboard focus: a new burst of typing begins. */
    public void focusGained() {
        burst.focusGained();
    }

    /**
     * The field lost the focus: the burst ends; a refused value is replaced by the project's value.
     * The field then holds a valid value, so its error goes (an old error under a valid value
     * misleads); the status line says what was refused and what was kept.
     */
    public void focusLost() {
        burst.focusLost();
        if (!error.get().isEmpty()) {
            String refused = error.get();
            show(read.get());
            error.set("");
            doc.tell(io.kisflow.designer.document.StatusMessage.refused(refused + " " + label + " stays " + quoted(text.get()) + "."));
        }
    }

    private static String quoted(String v) {
        return v.isEmpty() ? "empty" : "\"" + v + "\"";
    }

    /**
     * Shows the project's value (after an undo, or another field's edit). The edit this field is
     * making itself does not rewrite its text: the project follows what is typed, not the other
     * way round ("007" stays under the cursor while the project holds 7), unless {@code force}.
     */
    public void refresh(boolean force) {
        if (burst.committing() && !force) {
            return;
        }
        show(read.get());
        error.set("");
    }

    private void show(String value) {
        String v = value == null ? "" : value;
        if (!Objects.equals(v, text.get())) {
            refreshing = true;
            try {
                text.set(v);
            } finally {
                refreshing = false;
            }
        }
    }

    public void setOptions(List<String> values) {
        if (!options.equals(values)) {
            options.setAll(values);
        }
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    public void setText(String v) {
        text.set(v);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    /** Choices for a combo box field (modes, connectors, types); empty for free text. */
    public ObservableList<String> options() {
        return options;
    }
}
