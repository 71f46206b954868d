package io.kisflow.designer.debug.diff;

/** How the diff pairs the rows of two levels. */
public enum DiffAlignment {
    /** By a key column both levels have (an id), else by index: a row keeps its partner when rows move. */
    PAIRED("Pair by id"),
    /**
     * As sequences (Myers' diff): the longest run of equal rows in order is kept and the rest is added,
     * removed or changed, so one inserted row does not mark every later row as changed.
     */
    SEQUENCE("Align as sequence");

    private final String label;

    DiffAlignment(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
