package io.kisflow.designer.debug;

/** Where a function's code comes from in designer runs; the card shows a badge for the last two. */
public enum CodeSource {
    /** A plugin (or the built-in samples) implements it. */
    PLUGIN,
    /** No code: designer runs pass its input on unchanged. */
    PASS_THROUGH,
    /**
     * Pinned: designer runs commit the user's pinned rows instead of its code, whatever code it has
     * (a plugin's, a connector's, none); badged loudly, never used on a server nor exported.
     */
    PINNED
}
