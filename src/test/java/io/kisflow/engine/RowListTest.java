package io.kisflow.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The chunked, append-only level list: every index across chunk boundaries, and read-only to users. */
class RowListTest {
    @Test
    void rowsAreKeptInOrderAcrossChunkBoundaries() {
        int n = RowList.CHUNK * 3 + 5;
        RowList rows = new RowList();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.append(i);
            expected.add(i);
        }
        rows.append(null);
        expected.add(null);
        assertEquals(n + 1, rows.size());
        assertEquals(expected, rows);
        assertEquals(RowList.CHUNK, rows.get(RowList.CHUNK));
        assertArrayEquals(expected.toArray(), rows.toArray());
        List<Object> iterated = new ArrayList<>();
        rows.forEach(iterated::add);
        assertEquals(expected, iterated);
        assertThrows(IndexOutOfBoundsException.class, () -> rows.get(n + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> rows.get(-1));
    }

    @Test
    void appendAllTakesAnyCollectionIncludingAnotherRowList() {
        RowList source = new RowList();
        for (int i = 0; i < RowList.CHUNK + 10; i++) {
            source.append("r" + i);
        }
        RowList copy = new RowList();
        copy.append("first");
        copy.appendAll(source);
        copy.appendAll(Arrays.asList("a", "b"));
        copy.appendAll(new LinkedHashSet<>(List.of("set")));
        assertEquals(RowList.CHUNK + 14, copy.size());
        assertEquals("r0", copy.get(1));
        assertEquals("r" + (RowList.CHUNK + 9), copy.get(RowList.CHUNK + 10));
        assertEquals("set", copy.get(copy.size() - 1));
    }

    @Test
    void usersCannotChangeALevel() {
        RowList rows = new RowList();
        rows.append("x");
        assertThrows(UnsupportedOperationException.class, () -> rows.add("y"));
        assertThrows(UnsupportedOperationException.class, () -> rows.set(0, "y"));
        assertThrows(UnsupportedOperationException.class, () -> rows.remove(0));
        assertThrows(UnsupportedOperationException.class, rows::clear);
        Iterator<Object> it = rows.iterator();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(List.of("x"), rows);
    }
}
