package io.kisflow.designer.edit;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounded undo and redo stacks of {@link Command}s (Scene Builder's JobManager). Executing an edit
 * applies it to the target's state; edits that change nothing are not recorded. Edits sharing a
 * burst key in a row (the keystrokes typed into one field, the moves of one drag) merge into one
 * undo step until {@link #endBurst()}. Selection changes never go through here. Like Scene Builder's
 * JobManager lock, an edit, undo or redo started while the stack is applying another one (from a
 * listener of the document's state or of this stack) is refused with an {@link IllegalStateException}:
 * it would be recorded inside the step being recorded and undo would lose it.
 *
 * <pre>{@code stack.execute(FunctionEdits.rename("A", "B"), "field:fname#3"); stack.undo();}</pre>
 */
public final class CommandStack {
    /** Where the edited state lives (the project document). */
    public interface Target {
        DesignState state();

        Selection selection();

        void show(DesignState state, Selection selection);
    }

    public static final int DEFAULT_LIMIT = 200;

    private final Target target;
    private final int limit;
    private final Deque<Command> undoStack = new ArrayDeque<>();
    private final Deque<Command> redoStack = new ArrayDeque<>();
    private String openBurst;
    /** What the stack is applying right now ("Insert X into F", "undo ..."), or null. */
    private String applying;

    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    public CommandStack(Target target, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.target = target;
        this.limit = limit;
    }

    public CommandStack(Target target) {
        this(target, DEFAULT_LIMIT);
    }

    /** Applies the edit as its own undo step; returns false when it changed nothing. */
    public boolean execute(Edit edit) {
        return execute(edit, null);
    }

    /**
     * Applies the edit; with a non-null burst key equal to the previous edit's, both become one undo
     * step. Throws {@link EditRefused} (and changes nothing) when the edit is refused.
     */
    public boolean execute(Edit edit, String burst) {
        refuseReentry(edit.description());
        applying = edit.description();
        try {
            return apply(edit, burst);
        } finally {
            applying = null;
        }
    }

    private boolean apply(Edit edit, String burst) {
        DesignState before = target.state();
        DesignState after = edit.apply(before);
        if (after.equals(before)) {
            return false;
        }
        Selection selection = edit.selectionAfter(after, target.selection());
        if (burst != null && burst.equals(openBurst) && !undoStack.isEmpty()) {
            Command merged = undoStack.pop().mergedWith(edit.description(), after, selection);
            if (!merged.before().equals(after)) {
                undoStack.push(merged);
            }
        } else {
            undoStack.push(new Command(edit.description(), before, after, target.selection(), selection));
            while (undoStack.size() > limit) {
                undoStack.removeLast();
            }
        }
        redoStack.clear();
        openBurst = burst;
        target.show(after, selection);
        changed();
        return true;
    }

    /** Ends the current burst: the next edit is a new undo step even with the same key. */
    public void endBurst() {
        openBurst = null;
    }

    public void undo() {
        if (undoStack.isEmpty()) {
            return;
        }
        Command c = undoStack.peek();
        refuseReentry("undo " + c.description());
        applying = "undo " + c.description();
        try {
            undoStack.pop();
            c.undo(target);
            redoStack.push(c);
            openBurst = null;
            changed();
        } finally {
            applying = null;
        }
    }

    public void redo() {
        if (redoStack.isEmpty()) {
            return;
        }
        Command c = redoStack.peek();
        refuseReentry("redo " + c.description());
        applying = "redo " + c.description();
        try {
            redoStack.pop();
            c.redo(target);
            undoStack.push(c);
            openBurst = null;
            changed();
        } finally {
            applying = null;
        }
    }

    /** Forgets all history (a project was opened or restored). */
    public void clear() {
        refuseReentry("clear the history");
        undoStack.clear();
        redoStack.clear();
        openBurst = null;
        changed();
    }

    /** True while an edit, undo or redo is being applied (its listeners are running). */
    public boolean isApplying() {
        return applying != null;
    }

    private void refuseReentry(String what) {
        if (applying != null) {
            throw new IllegalStateException("cannot " + (what.startsWith("undo ") || what.startsWith("redo ") || what.startsWith("clear") ? what : "apply '" + what + "'")
                    + " while '" + applying + "' is being applied: a listener of the document or of its undo history"
                    + " must not edit; make the change part of the edit, or run it after (Platform.runLater)");
        }
    }

    public int undoSize() {
        return undoStack.size();
    }

    public int redoSize() {
        return redoStack.size();
    }

    private void changed() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        undoDescription.set(undoStack.isEmpty() ? "" : undoStack.peek().description());
        redoDescription.set(redoStack.isEmpty() ? "" : redoStack.peek().description());
        revision.set(revision.get() + 1);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    /** Increases on every execute, undo, redo and clear. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
