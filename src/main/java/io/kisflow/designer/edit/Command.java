package io.kisflow.designer.edit;

/**
 * An applied edit as kept on the undo stack (Scene Builder's Job): the edit, the states before and
 * after it, and the selections to show with each. Undo and redo put a state back; since states are
 * immutable values, nothing needs to be recomputed.
 */
public final class Command {
    private final String description;
    private final DesignState before;
    private final DesignState after;
    private final Selection selectionBefore;
    private final Selection selectionAfter;

    Command(String description, DesignState before, DesignState after, Selection selectionBefore, Selection selectionAfter) {
        this.description = description;
        this.before = before;
        this.after = after;
        this.selectionBefore = selectionBefore;
        this.selectionAfter = selectionAfter;
    }

    public String description() {
        return description;
    }

    DesignState before() {
        return before;
    }

    DesignState after() {
        return after;
    }

    void execute(CommandStack.Target target) {
        target.show(after, selectionAfter);
    }

    void undo(CommandStack.Target target) {
        target.show(before, selectionBefore);
    }

    void redo(CommandStack.Target target) {
        execute(target);
    }

    /** This command followed by a later step of the same burst: one undo step from the first before to the last after. */
    Command mergedWith(String newDescription, DesignState newAfter, Selection newSelection) {
        return new Command(newDescription, before, newAfter, selectionBefore, newSelection);
    }
}
