package io.kisflow.designer.debug;

/** Where a function's code comes from in designer runs; the card shows a badge for all but plugin code. */
public enum CodeSource {
    /** A plugin (or the built-in samples) implements it. */
    PLUGIN,
    /** No code: designer runs pass its input on unchanged. */
    PASS_THROUGH,
    /**
     * Pinned: designer runs commit the user's pinned rows instead of its code, whatever code it has
     * (a plugin's, a connector's, none); badged loudly, never used on a server nor exported.
     */
    PINNED,
    /**
     * No code of its own: a Save or Load function bound to a connector of a built-in type, which
     * stores or loads the rows itself ({@link CardState#builtInProperty()} says how: "built-in · RPUSH scores").
     */
    BUILT_IN,
    /**
     * Its code is in a function source ({@code functions/*.java}) that does not compile: designer
     * runs pass its input on unchanged until it compiles (the card said "no code", which sent the
     * user looking for missing code instead of at the compiler's errors).
     */
    UNCOMPILED
}
