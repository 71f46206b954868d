package io.kisflow.config;

/**
 * Bounds that keep loading safe on hostile files. A real KisFlow config file is a few hundred bytes
 * with four levels of nesting and no aliases, so these limits are far above anything legitimate.
 */
public final class LoadLimits {
    /** Largest config file read, in bytes (1 MiB). Bigger files are refused unread. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** Most aliases ({@code *name}) to lists or maps in one file: more is treated as an alias bomb. */
    public static final int MAX_COLLECTION_ALIASES = 20;
    /** Deepest nesting of lists and maps in one file. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Most values one file may expand to once aliases are followed (a second guard against alias bombs). */
    public static final int MAX_VALUES_PER_FILE = 200_000;

    private LoadLimits() {
    }
}
