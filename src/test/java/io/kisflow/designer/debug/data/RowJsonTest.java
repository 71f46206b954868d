package io.kisflow.designer.debug.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RowJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    record Pair(String a, int b) {
    }

    /** A bean Jackson sees no property of. */
    static final class Opaque {
        @Override
        public String toString() {
            return "opaque#1";
        }
    }

    @Test
    void flatMapsAreWrittenExactlyAsJacksonWritesThem() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "say \"hi\" \\ back\nslash\ttab\r\b\f\u0001 zürich 😀");
        m.put("int", 7);
        m.put("long", -12345678901L);
        m.put("double", 0.1);
        m.put("big", 1.0E10);
        m.put("negZero", -0.0);
        m.put("float", 2.5f);
        m.put("bool", true);
        m.put("none", null);
        m.put("bigint", new BigInteger("123456789012345678901234567890"));
        m.put("", "empty key");
        assertEquals(JACKSON.writeValueAsString(m), FlatJson.write(m));
        assertEquals(JACKSON.writeValueAsString(m), RowJson.compact(m));
    }

    @Test
    void otherRowsGoThroughJackson() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner", Map.of("x", 1));
        assertNull(FlatJson.write(nested));
        assertEquals("{\"inner\":{\"x\":1}}", RowJson.compact(nested));
        assertNull(FlatJson.write(Map.of(1, "a")));
        assertEquals("{\"1\":\"a\"}", RowJson.compact(Map.of(1, "a")));
        assertEquals("{\"a\":\"x\",\"b\":2}", RowJson.compact(new Pair("x", 2)));
        assertEquals("\"opaque#1\"", RowJson.compact(new Opaque()));
        assertEquals("\"text\"", RowJson.compact("text"));
        assertEquals("[1,\"a\"]", RowJson.compact(List.of(1, "a")));
        assertEquals("null", RowJson.compact(null));
        assertEquals("{}", RowJson.compact(Map.of()));
    }

    @Test
    void aRowThatCannotBeSerialisedIsShownAsItsText() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertEquals(JACKSON.valueToTree(String.valueOf("[(this Collection)]")).toString(), RowJson.compact(cycle));
    }
}
