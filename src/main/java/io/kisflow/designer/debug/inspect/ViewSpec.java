package io.kisflow.designer.debug.inspect;

/**
 * What the inspector's row view is made of: a filter (substring of the rendered row; empty keeps all
 * rows) and an optional sort. Identity view when both are off.
 */
record ViewSpec(String filter, boolean matchCase, SortOrder sort) {
    ViewSpec {
        filter = filter == null ? "" : filter;
    }

    boolean isIdentity() {
        return filter.isEmpty() && sort == null;
    }
}
