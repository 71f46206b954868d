package io.kisflow.designer.debug.inspect;

/**
 * Which rows of a level the inspector shows, in which order: an array of row indexes, or the
 * identity (no array at all, so that opening a level of a million rows allocates nothing).
 */
final class RowView {
    private final int[] index;
    private final int size;

    private RowView(int[] index, int size) {
        this.index = index;
        this.size = size;
    }

    static RowView identity(int size) {
        return new RowView(null, size);
    }

    static RowView of(int[] index, int size) {
        return new RowView(index, size);
    }

    int size() {
        return size;
    }

    /** The level's row index shown at view position {@code viewIndex}. */
    int rowIndex(int viewIndex) {
        if (viewIndex < 0 || viewIndex >= size) {
            throw new IndexOutOfBoundsException("row " + viewIndex + " of " + size);
        }
        return index == null ? viewIndex : index[viewIndex];
    }
}
