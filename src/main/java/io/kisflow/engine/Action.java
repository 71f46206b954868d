package io.kisflow.engine;

import java.util.Objects;

/**
 * What a function asks the engine to do after it returns ({@link Flow#next}). Actions last one step.
 *
 * <pre>{@code flow.next(Action.jumpFunc("funcName1"));}</pre>
 */
public final class Action {
    public enum Kind { ABORT, DATA_REUSE, FORCE_ENTRY_NEXT, JUMP_FUNC }

    /** Stop the flow after this function (not an error). */
    public static final Action ABORT = new Action(Kind.ABORT, null);
    /** This function's level becomes a copy of its input level; what it committed is dropped. */
    public static final Action DATA_REUSE = new Action(Kind.DATA_REUSE, null);
    /** Go on to the next function even when nothing was committed. */
    public static final Action FORCE_ENTRY_NEXT = new Action(Kind.FORCE_ENTRY_NEXT, null);

    private final Kind kind;
    private final String funcName;

    private Action(Kind kind, String funcName) {
        this.kind = kind;
        this.funcName = funcName;
    }

    /** Continue at the named function of this flow, which reads the level before it. */
    public static Action jumpFunc(String funcName) {
        return new Action(Kind.JUMP_FUNC, Objects.requireNonNull(funcName, "funcName"));
    }

    public Kind kind() {
        return kind;
    }

    /** The jump target, or null for the other kinds. */
    public String funcName() {
        return funcName;
    }

    /** Go's spelling, as in traces: ActionAbort, ActionDataReuse, ActionForceEntryNext, ActionJumpFunc(name). */
    @Override
    public String toString() {
        return switch (kind) {
            case ABORT -> "ActionAbort";
            case DATA_REUSE -> "ActionDataReuse";
            case FORCE_ENTRY_NEXT -> "ActionForceEntryNext";
            case JUMP_FUNC -> "ActionJumpFunc(" + funcName + ")";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Action a && a.kind == kind && Objects.equals(a.funcName, funcName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, funcName);
    }
}
