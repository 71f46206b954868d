package io.kisflow.engine;

import java.util.List;
import java.util.Objects;

/**
 * The actions the current function asked for with {@link Flow#next}. As in Go, each call to next
 * replaces the earlier one; the engine clears them after every step.
 */
final class PendingActions {
    private static final Action[] NONE = {};
    boolean abort;
    boolean dataReuse;
    boolean forceEntryNext;
    String jumpTo;
    private Action[] given = NONE;

    void set(Action[] actions) {
        clear();
        for (Action a : actions) {
            Objects.requireNonNull(a, "flow.next(...) was given a null action");
            switch (a.kind()) {
                case ABORT -> abort = true;
                case DATA_REUSE -> dataReuse = true;
                case FORCE_ENTRY_NEXT -> forceEntryNext = true;
                case JUMP_FUNC -> jumpTo = a.funcName();
            }
        }
        given = actions.clone();
    }

    /**
     * Go semantics, at the start of a run: the actions a failed run left still apply (Go never clears
     * them), but they are no longer what the current function asked for.
     */
    void carryOver() {
        given = NONE;
    }

    void clear() {
        abort = false;
        dataReuse = false;
        forceEntryNext = false;
        jumpTo = null;
        given = NONE;
    }

    List<Action> asList() {
        return List.of(given);
    }
}
