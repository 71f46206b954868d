package io.kisflow.designer.project;

/**
 * Thrown inside the patcher when a part of a file cannot be edited in place; the caller then
 * rewrites the enclosing part (or, at the top, the whole file) and tells the user why.
 */
final class Unpatchable extends RuntimeException {
    Unpatchable(String reason) {
        super(reason, null, false, false);
    }

    /** Why, phrased to follow "the file could not be patched because ...". */
    String reason() {
        return getMessage();
    }
}
