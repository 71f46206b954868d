package io.kisflow.designer.debug.input;

/** How the input editor's text becomes rows: one string per line, or a sequence of JSON values. */
public enum InputMode {
    /** Each line is one row, as a string (a trailing newline does not make an empty last row). */
    TEXT,
    /** Each JSON value is one row (objects become maps, so typed functions can convert them). */
    JSON
}
