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
 * One editable value of the properties panel. The view binds a control to {@link #textProperty()}.
 * A plain value is turned into an edit at every change the user types and applied at once (so the
 * canvas and YAML follow live), all keystrokes of one focus visit being one undo step. A name
 * ({@link #committedOnEnter}) is different: renaming follows every reference, so a half-typed name
 * must never reach the project. It is only checked while typed (the problem shows at the field),
 * applied when committed (Enter, or the focus leaving) as one undo step named for the whole rename,
 * and Escape puts the project's name back. A value the edit refuses leaves the project unchanged and
 * shows the reason in {@link #errorProperty()}, next to the field.
 *
 * <pre>{@code FieldModel retry = new FieldModel(doc, "retry", "Retry times", () -> "0", t -> edit(t));}</pre>
 */
public final class FieldModel {
    private final String id;
    private final String label;
    private final Supplier<String> read;
    private final Function<String, Edit> write;
    private final boolean committedOnEnter;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper messageIsWarning =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "messageIsWarning", false);
    private final ObservableList<String> options = FXCollections.observableArrayList();
    private final FocusBurst burst;
    private Function<String, String> warn = t -> "";
    private final ProjectDocument doc;
    private boolean refreshing;
    /** A typed name that is not committed yet (it differs from the project's). */
    private boolean pending;

    /**
     * A value applied live.
     *
     * @param read  the value in the project as text (null when there is no subject)
     * @param write the edit for a typed value; throws {@link EditRefused} for values it cannot parse
     */
    public FieldModel(ProjectDocument doc, String id, String label, Supplier<String> read, Function<String, Edit> write) {
        this(doc, id, label, read, write, false);
    }

    private FieldModel(ProjectDocument doc, String id, String label, Supplier<String> read, Function<String, Edit> write,
                       boolean committedOnEnter) {
        this.id = id;
        this.label = label;
        this.read = read;
        this.write = write;
        this.committedOnEnter = committedOnEnter;
        this.burst = new FocusBurst(doc, id);
        this.doc = doc;
        text.addListener((o, a, b) -> {
            if (!refreshing) {
                typed(b);
            }
        });
        error.addListener((o, a, b) -> showMessage());
        warning.addListener((o, a, b) -> showMessage());
    }

    /** A name: checked while typed, applied only when committed (Enter or leaving the field), Escape restores it. */
    public static FieldModel committedOnEnter(ProjectDocument doc, String id, String label, Supplier<String> read,
                                              Function<String, Edit> write) {
        return new FieldModel(doc, id, label, read, write, true);
    }

    /**
     * A warning for a value the project would accept but the user should think twice about (a name
     * the plugins' code registers), shown at the field while typing, before the commit.
     */
    public void setWarning(Function<String, String> warning) {
        this.warn = warning;
    }

    /** Checks the typed value again: what the warning depends on changed (a choice beside the field). */
    public void recheck() {
        if (committedOnEnter && !refreshing && text.get() != null) {
            typed(text.get());
        }
    }

    private void typed(String value) {
        if (!committedOnEnter) {
            error.set(burst.perform(() -> write.apply(value)));
            return;
        }
        pending = !value.equals(projectValue());
        error.set(pending ? burst.check(() -> write.apply(value)) : "");
        warning.set(pending && error.get().isEmpty() ? warn.apply(value) : "");
    }

    private String projectValue() {
        String v = read.get();
        return v == null ? "" : v;
    }

    /** The field got the keyboard focus: a new burst of typing begins. */
    public void focusGained() {
        burst.focusGained();
    }

    /**
     * The field lost the focus: the burst ends; a typed name is committed. A refused value is
     * replaced by the project's value. The field then holds a valid value, so its error goes (an old
     * error under a valid value misleads); the status line says what was refused and what was kept.
     */
    public void focusLost() {
        if (committedOnEnter) {
            commit(false);
            return;
        }
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
     * Enter: a name is committed (a refused one stays in the field with its reason, to be corrected);
     * for a live value the burst ends, so the next typing is an undo step of its own.
     */
    public void enter() {
        if (committedOnEnter) {
            commit(true);
        } else {
            burst.focusLost();
            burst.focusGained();
        }
    }

    /** Escape: a typed, uncommitted name gives way to the project's; returns whether there was one. */
    public boolean escape() {
        if (!pending) {
            return false;
        }
        pending = false;
        show(read.get());
        error.set("");
        warning.set("");
        return true;
    }

    /** True while a typed name waits for Enter (or for the focus to leave). */
    public boolean isPending() {
        return pending;
    }

    private void commit(boolean keepRefused) {
        if (!pending) {
            return;
        }
        String value = text.get();
        String refusal = burst.commit(() -> write.apply(value));
        if (refusal.isEmpty() || !keepRefused) {
            pending = false;
            warning.set("");
            show(read.get());
        }
        if (!refusal.isEmpty() && !keepRefused) {
            // the field went back to the project's name: no error under a valid value, the status says why
            error.set("");
            doc.tell(io.kisflow.designer.document.StatusMessage.refused(refusal + " " + label + " stays " + quoted(text.get()) + "."));
            return;
        }
        error.set(refusal);
    }

    /**
     * Shows the project's value (after an undo, or another field's edit). The edit this field is
     * making itself does not rewrite its text: the project follows what is typed, not the other
     * way round ("007" stays under the cursor while the project holds 7), unless {@code force}.
     */
    public void refresh(boolean force) {
        if ((burst.committing() || pending) && !force) {
            return;
        }
        pending = false;
        show(read.get());
        error.set("");
        warning.set("");
    }

    private void showMessage() {
        // the kind first: a view restyling on the message's change sees the kind it belongs to
        messageIsWarning.set(error.get().isEmpty() && !warning.get().isEmpty());
        message.set(error.get().isEmpty() ? warning.get() : error.get());
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

    /** A warning about a typed name the project would accept ("" when none); see {@link #setWarning}. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public String warning() {
        return warning.get();
    }

    /** What to show under the field: the error, else the warning. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the message under the field is a warning (the value is accepted), false for an error or none. */
    public javafx.beans.property.ReadOnlyBooleanProperty messageIsWarningProperty() {
        return messageIsWarning.getReadOnlyProperty();
    }

    /** Choices for a combo box field (modes, connectors, types); empty for free text. */
    public ObservableList<String> options() {
        return options;
    }
}
