package io.kisflow.cli;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A JSON object of the input as a read-only map in the order of its keys, holding only its values:
 * the key array is shared by every row of the same shape. A million rows of four keys take about
 * 70 MB this way against about 300 MB as LinkedHashMaps, which is what lets {@code run} hold a big
 * input in a default JVM. Read-only, as every row of a level is (levels are shared between functions
 * and runs); a function that wants to change a row commits a new one.
 */
final class JsonRow extends AbstractMap<String, Object> {
    private final String[] keys;
    private final Object[] values;

    JsonRow(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The keys in input order: one array shared by every row of this shape (never to be changed). */
    String[] keys() {
        return keys;
    }

    /** The i-th value, in input order. */
    Object value(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        // the same String first (keys are interned, and so are the names a record converter asks for),
        // then equal ones: a lookup of the last key compares no text with the others
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }
        };
    }
}
