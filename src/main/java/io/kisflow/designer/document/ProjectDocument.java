package io.kisflow.designer.document;

import io.kisflow.designer.edit.CommandStack;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.EditRefused;
import io.kisflow.designer.edit.Selection;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;

/**
 * The project being edited: its current {@link DesignState}, the selection, the undo history and
 * the state last saved (so the title can show unsaved changes, which undoing back to the saved
 * state clears). Every change to the project goes through {@link #perform}; a refused edit leaves
 * the project as it was and puts the reason in the status line.
 *
 * <pre>{@code if (!doc.perform(StepEdits.insert("StuScore", 1, "AvgStuScore"))) show(doc.status().text());}</pre>
 */
public final class ProjectDocument {
    private final ReadOnlyObjectWrapper<DesignState> state = new ReadOnlyObjectWrapper<>(this, "state", DesignState.EMPTY);
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection", Selection.NONE);
    private final ReadOnlyObjectWrapper<DesignState> saved = new ReadOnlyObjectWrapper<>(this, "saved", DesignState.EMPTY);
    private final ReadOnlyObjectWrapper<Path> directory = new ReadOnlyObjectWrapper<>(this, "directory");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "KisFlow Studio");
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(this, "status", StatusMessage.NONE);
    // the undo stack shows states through this private target: only edits, undo and redo set the state
    private final CommandStack stack = new CommandStack(new CommandStack.Target() {
        @Override
        public DesignState state() {
            return ProjectDocument.this.state();
        }

        @Override
        public Selection selection() {
            return ProjectDocument.this.selection();
        }

        @Override
        public void show(DesignState s, Selection sel) {
            ProjectDocument.this.show(s, sel);
        }
    });
    private final javafx.beans.property.ReadOnlyLongWrapper opens = new javafx.beans.property.ReadOnlyLongWrapper(this, "opens");
    private final javafx.beans.property.ReadOnlyLongWrapper reveals = new javafx.beans.property.ReadOnlyLongWrapper(this, "reveals");

    public ProjectDocument() {
        state.addListener((o, a, b) -> refreshDirty());
        saved.addListener((o, a, b) -> refreshDirty());
        directory.addListener((o, a, b) -> refreshTitle());
        dirty.addListener((o, a, b) -> refreshTitle());
    }

    /**
     * Shows a freshly opened project. {@code saved} is what the directory holds; {@code current} is
     * what to edit (the same, or a restored recovery copy, which then counts as unsaved).
     */
    public void open(Path dir, DesignState saved, DesignState current) {
        this.saved.set(saved);
        this.directory.set(dir);
        state.set(current);
        selection.set(Selection.NONE);
        stack.clear();
        refreshDirty();
        refreshTitle();
        opens.set(opens.get() + 1);
    }

    /** Goes up each time a project (or a recovered copy of one) is opened: what depends on the whole project starts afresh. */
    public javafx.beans.property.ReadOnlyLongProperty opensProperty() {
        return opens.getReadOnlyProperty();
    }

    /** Applies an edit as one undo step; false (with the reason in {@link #status()}) when refused or changing nothing. */
    public boolean perform(Edit edit) {
        return perform(edit, null);
    }

    /** Applies an edit, merging it with the previous one of the same burst (see {@link CommandStack}). */
    public boolean perform(Edit edit, String burst) {
        try {
            boolean changed = stack.execute(edit, burst);
            if (changed) {
                status.set(StatusMessage.info(edit.description()));
            }
            return changed;
        } catch (EditRefused refused) {
            status.set(StatusMessage.refused(refused.getMessage()));
            return false;
        }
    }

    /** Applies an edit or throws {@link EditRefused}, for fields that show the reason next to themselves. */
    public boolean performOrThrow(Edit edit, String burst) {
        boolean changed = stack.execute(edit, burst);
        if (changed) {
            status.set(StatusMessage.info(edit.description()));
        }
        return changed;
    }

    public void endBurst() {
        stack.endBurst();
    }

    public void undo() {
        String what = stack.undoDescriptionProperty().get();
        if (stack.canUndoProperty().get()) {
            stack.undo();
            status.set(StatusMessage.info("Undid: " + what));
        }
    }

    public void redo() {
        String what = stack.redoDescriptionProperty().get();
        if (stack.canRedoProperty().get()) {
            stack.redo();
            status.set(StatusMessage.info("Redid: " + what));
        }
    }

    /** After a save into the project directory: the written state is the new baseline. */
    public void markSaved(DesignState written) {
        saved.set(written);
    }

    /**
     * Selects without moving any view: a click, a palette entry, the start of a drag. The view must
     * stay where the pointer is, or the drop lands somewhere else.
     */
    public void select(Selection s) {
        selection.set(s == null ? Selection.NONE : s);
    }

    /**
     * Selects and asks the views to bring the selection into sight: explicit navigation only (find,
     * arrow keys, a problem's row, the card a run failed on).
     */
    public void navigateTo(Selection s) {
        select(s);
        requestReveal();
    }

    private void requestReveal() {
        reveals.set(reveals.get() + 1);
    }

    /** Goes up each time the selection should be brought into sight (see {@link #navigateTo}). */
    public javafx.beans.property.ReadOnlyLongProperty revealsProperty() {
        return reveals.getReadOnlyProperty();
    }

    public void tell(StatusMessage message) {
        status.set(message);
    }

    public DesignState state() {
        return state.get();
    }

    public Selection selection() {
        return selection.get();
    }

    private void show(DesignState s, Selection sel) {
        Selection before = selection.get();
        state.set(s);
        selection.set(sel != null && sel.existsIn(s) ? sel : Selection.NONE);
        // an edit, undo or redo that picks another object (a new connector, the card undo restores) shows it
        if (!selection.get().equals(before)) {
            requestReveal();
        }
    }

    private void refreshDirty() {
        dirty.set(!state.get().withoutView().equals(saved.get().withoutView()));
    }

    private void refreshTitle() {
        Path dir = directory.get();
        String name = dir == null ? "untitled" : (dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
        title.set((dirty.get() ? "*" : "") + name + (dir == null ? "" : " (" + dir + ")") + " - KisFlow Studio");
    }

    public CommandStack history() {
        return stack;
    }

    public ReadOnlyObjectProperty<DesignState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public ReadOnlyObjectProperty<DesignState> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public DesignState savedState() {
        return saved.get();
    }

    /** The ref an object had at the last save (renames since then undone), to find its file. */
    public io.kisflow.config.ObjectRef savedNameOf(io.kisflow.config.ObjectRef current) {
        for (var e : state().renamesSince(saved.get()).entrySet()) {
            if (e.getValue().equals(current)) {
                return e.getKey();
            }
        }
        return current;
    }

    public ReadOnlyObjectProperty<Path> directoryProperty() {
        return directory.getReadOnlyProperty();
    }

    public Path directory() {
        return directory.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StatusMessage status() {
        return status.get();
    }
}
