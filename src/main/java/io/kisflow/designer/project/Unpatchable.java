package io.kisflow.designer.project;

/**
 * Thrown inside the patcher when a part of a file cannot be edited in place; the caller then
 * rewrites the enclosing part (or, at the top, the whole file) and tells the user why.
 */
final class Unpatchable extends RuntimeException {
    private final boolean routine;

    Unpatchable(String reason) {
        this(reason, false);
    }

    /** {@code routine}: rewriting the part is the normal way to make this edit; only lost comments are worth a note. */
    Unpatchable(String reason, boolean routine) {
        super(reason, null, false, false);
        this.routine = routine;
    }

    boolean routine() {
        return routine;
    }

    /** Why, phrased to follow "the file could not be patched because ...". */
    String reason() {
        return getMessage();
    }
}
