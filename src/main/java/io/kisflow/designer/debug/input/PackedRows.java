package io.kisflow.designer.debug.input;

import com.fasterxml.jackson.databind.MappingIterator;
import io.kisflow.designer.debug.data.RowJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * The rows of an input file kept as the file's bytes and where each row starts and ends: a million
 * rows are one byte array and two int arrays, not a million maps. Each {@link #get} makes the row
 * afresh (a JSON value as Jackson reads it, or a line as a String), so only the rows someone looks at
 * or runs exist as objects.
 *
 * <p>Why: as parsed maps a million four-field rows hold about a gigabyte, all of it live until the
 * next load; every young collection while they were read copied them, and those pauses stopped the
 * window for seconds. Bytes are one object the collector never copies piece by piece.
 *
 * <p>Read-only, like every level's rows; rows are equal to what the old eager reading made.
 *
 * <pre>{@code List<Object> rows = RowsFile.read(path, InputMode.JSON, () -> false, p -> { }).rows();
 * Map<?, ?> first = (Map<?, ?>) rows.get(0);}</pre>
 */
public final class PackedRows extends AbstractList<Object> implements RandomAccess {
    private final byte[] bytes;
    private final int[] starts;
    private final int[] ends;
    private final int size;
    private final boolean json;

    PackedRows(byte[] bytes, int[] starts, int[] ends, int size, boolean json) {
        this.bytes = bytes;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
        this.json = json;
    }

    /**
     * Rows that are JSON values, one per range of {@code bytes} ({@code starts[i]} to {@code ends[i]},
     * ranges in order and contiguous but for line breaks): a stored run's level read back without
     * making its rows (see {@code RunFile}). The arrays are kept, not copied.
     */
    public static java.util.List<Object> jsonLines(byte[] bytes, int[] starts, int[] ends) {
        return new PackedRows(bytes, starts, ends, starts.length, true);
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        int from = starts[index];
        int length = ends[index] - from;
        if (!json) {
            return new String(bytes, from, length, StandardCharsets.UTF_8);
        }
        try {
            return RowJson.mapper().readValue(bytes, from, length, Object.class);
        } catch (IOException e) {
            // the whole file was parsed when it was read: only a changed array could get here
            throw new UncheckedIOException("input row " + (index + 1) + " no longer parses", e);
        }
    }

    /**
     * The rows in order, read by one streaming reader over all of them: a run commits its source
     * rows this way (see {@code RunController}), about twice as fast as a parser per row.
     */
    @Override
    public Iterator<Object> iterator() {
        if (!json || size == 0) {
            return super.iterator();
        }
        MappingIterator<Object> values;
        try {
            values = RowJson.mapper().readerFor(Object.class).readValues(bytes, starts[0], ends[size - 1] - starts[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("input rows no longer parse", e);
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Object next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                next++;
                try {
                    return values.nextValue();
                } catch (IOException e) {
                    throw new UncheckedIOException("input row " + next + " no longer parses", e);
                }
            }
        };
    }

    @Override
    public int size() {
        return size;
    }

    /** Bytes held (the file's, less what it had after its last row): for the memory figures. */
    long heldBytes() {
        return (long) bytes.length + 8L * starts.length;
    }
}
