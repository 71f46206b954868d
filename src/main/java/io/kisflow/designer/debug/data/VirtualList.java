package io.kisflow.designer.debug.data;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

import java.util.AbstractList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An observable list whose elements are made when asked for: what a TableView pages through. When
 * the content changes it fires one "everything replaced" change whose removed list is virtual too
 * (ObservableListBase's own change builder would copy a million removed rows into an ArrayList).
 *
 * <pre>{@code VirtualList<Row> rows = new VirtualList<>();
 * rows.reset(1_000_000, i -> new Row(i));   // no row is made until the table asks for it}</pre>
 */
public final class VirtualList<E> extends ObservableListBase<E> {
    private int size;
    private IntFunction<E> rowAt;

    public VirtualList() {
        this.size = 0;
        this.rowAt = i -> {
            throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        return rowAt.apply(index);
    }

    @Override
    public int size() {
        return size;
    }

    /** Replaces the content; listeners see one replace-all change. Call on the UI thread. */
    public void reset(int newSize, IntFunction<E> newRowAt) {
        List<E> removed = virtualList(size, rowAt);
        size = newSize;
        rowAt = newRowAt;
        if (removed.isEmpty() && newSize == 0) {
            return;
        }
        fireChange(new ReplaceAll<>(this, removed, newSize));
    }

    private static <E> List<E> virtualList(int size, IntFunction<E> rowAt) {
        return new AbstractList<>() {
            @Override
            public E get(int index) {
                return rowAt.apply(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** A single sub-change: rows [0, added) replace all removed rows. */
    private static final class ReplaceAll<E> extends ListChangeListener.Change<E> {
        private final List<E> removed;
        private final int added;
        private int cursor = -1;

        ReplaceAll(VirtualList<E> list, List<E> removed, int added) {
            super(list);
            this.removed = removed;
            this.added = added;
        }

        @Override
        public boolean next() {
            cursor++;
            return cursor == 0;
        }

        @Override
        public void reset() {
            cursor = -1;
        }

        @Override
        public int getFrom() {
            checkState();
            return 0;
        }

        @Override
        public int getTo() {
            checkState();
            return added;
        }

        @Override
        public List<E> getRemoved() {
            checkState();
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            checkState();
            return new int[0];
        }

        private void checkState() {
            if (cursor != 0) {
                throw new IllegalStateException("call next() first");
            }
        }
    }
}
