package io.kisflow.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The rows of one level: an append-only list the engine fills while a function commits, then never
 * changes again. Users see it read-only (through {@link Flow#input()}, levels and events), so it is
 * shared without copying, also with other threads once published.
 *
 * <p>Rows are kept in chunks of {@value #CHUNK} (the first chunk grows from 8): appending never copies
 * rows already stored, and every chunk is new, so with G1 (the default collector) the stores hit young
 * memory and skip the card-marking fence that stores into an old, reused array pay; measured in
 * docs/PERFORMANCE.md. One chunk is allocated per {@value #CHUNK} rows; nothing per row.
 */
final class RowList extends AbstractList<Object> implements RandomAccess {
    private static final int SHIFT = 13;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private Object[][] chunks;
    private Object[] tail;
    private int tailStart;
    private int tailEnd;
    private int size;

    RowList() {
        tail = new Object[8];
        chunks = new Object[][]{tail};
        tailEnd = tail.length;
    }

    /** Appends one row (engine only; the list is read-only to users). */
    void append(Object row) {
        int s = size;
        if (s == tailEnd) {
            grow();
        }
        tail[s - tailStart] = row;
        size = s + 1;
    }

    void appendAll(Collection<?> rows) {
        if (rows instanceof RowList other) {
            for (int c = 0, left = other.size; left > 0; c++) {
                Object[] chunk = other.chunks[c];
                int n = Math.min(left, chunk.length);
                for (int i = 0; i < n; i++) {
                    append(chunk[i]);
                }
                left -= n;
            }
        } else if (rows instanceof List<?> list && rows instanceof RandomAccess) {
            for (int i = 0, n = list.size(); i < n; i++) {
                append(list.get(i));
            }
        } else {
            for (Object row : rows) {
                append(row);
            }
        }
    }

    private void grow() {
        if (size < CHUNK) {
            tail = Arrays.copyOf(tail, Math.min(tail.length * 2, CHUNK));
            chunks[0] = tail;
            tailEnd = tail.length;
        } else {
            int c = size >>> SHIFT;
            if (c == chunks.length) {
                chunks = Arrays.copyOf(chunks, c * 2);
            }
            tail = new Object[CHUNK];
            chunks[c] = tail;
            tailStart = size;
            tailEnd = size + CHUNK;
        }
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size);
        return chunks[index >>> SHIFT][index & MASK];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private final int end = size;
            private int next;

            @Override
            public boolean hasNext() {
                return next < end;
            }

            @Override
            public Object next() {
                int i = next;
                if (i >= end) {
                    throw new NoSuchElementException();
                }
                next = i + 1;
                return chunks[i >>> SHIFT][i & MASK];
            }
        };
    }

    @Override
    public Object[] toArray() {
        Object[] out = new Object[size];
        for (int c = 0, done = 0; done < size; c++) {
            int n = Math.min(size - done, chunks[c].length);
            System.arraycopy(chunks[c], 0, out, done, n);
            done += n;
        }
        return out;
    }
}
