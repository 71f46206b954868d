package io.kisflow.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** --json rows: the values Jackson's untyped reading gives, objects as read-only maps in key order. */
class InputRowsTest {
    private static List<Object> read(String text, boolean json) {
        List<Object> rows = new ArrayList<>();
        int n = InputRows.read("-", json, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rows::add);
        assertEquals(rows.size(), n);
        return rows;
    }

    @Test
    void jsonObjectsKeepTheirKeyOrderAndAreReadOnly() {
        List<Object> rows = read("{\"z\":1,\"a\":[1,2.5,\"x\",true,null],\"m\":{\"k\":12345678901}}\n\n{\"z\":2,\"a\":[],\"m\":{}}\n", true);
        assertEquals(2, rows.size(), "a blank line is no row");
        @SuppressWarnings("unchecked") Map<String, Object> first = (Map<String, Object>) rows.get(0);
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(first.keySet()));
        assertEquals(1, first.get("z"));
        assertEquals(java.util.Arrays.asList(1, 2.5, "x", true, null), first.get("a"));
        assertEquals(Map.of("k", 12345678901L), first.get("m"));
        assertEquals(Map.of("z", 2, "a", List.of(), "m", Map.of()), rows.get(1));
        assertThrows(UnsupportedOperationException.class, () -> first.put("z", 3));
        assertEquals("{z=1, a=[1, 2.5, x, true, null], m={k=12345678901}}", first.toString());
    }

    @Test
    void aRepeatedKeyKeepsTheLastValueAsBefore() {
        assertEquals(Map.of("a", 2), read("{\"a\":1,\"a\":2}\n", true).get(0));
    }

    /** Objects are read against the last shape seen: rows that differ from it, or nest others, keep their own keys. */
    @Test
    void rowsOfChangingShapesKeepTheirOwnKeysAndValues() {
        List<Object> rows = read(String.join("\n",
                "{\"a\":1,\"b\":2}",
                "{\"a\":3}",
                "{\"a\":4,\"b\":5,\"c\":6,\"d\":7,\"e\":8}",
                "{}",
                "{\"b\":9,\"a\":10}",
                "{\"a\":{\"x\":{\"y\":1}},\"b\":{\"x\":2}}",
                "{\"a\":11,\"b\":12}",
                "{\"a\":13,\"a\":14,\"b\":15}"), true);
        List<String> shown = new ArrayList<>();
        for (Object row : rows) {
            shown.add(row.toString());
        }
        assertEquals(List.of("{a=1, b=2}", "{a=3}", "{a=4, b=5, c=6, d=7, e=8}", "{}", "{b=9, a=10}",
                "{a={x={y=1}}, b={x=2}}", "{a=11, b=12}", "{a=14, b=15}"), shown);
        assertEquals(List.of("b", "a"), new ArrayList<>(((Map<?, ?>) rows.get(4)).keySet()));
    }

    @Test
    void scalarsAndNullAreRowsToo() {
        List<Object> rows = read("\"s\"\n7\nnull\n", true);
        assertEquals("s", rows.get(0));
        assertEquals(7, rows.get(1));
        assertNull(rows.get(2));
    }

    @Test
    void plainLinesDropTheCarriageReturnAndKeepUtf8() {
        assertEquals(List.of("a", "é ü", "  x  "), read("a\r\né ü\n\n  x  ", false));
    }
}
