package io.kisflow.designer.debug;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 §3: the expressions of conditional breakpoints: what matches, and the column of a mistake. */
class BreakConditionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Object row(String json) throws IOException {
        return JSON.readValue(json, Object.class);
    }

    private static boolean matches(String condition, String json) throws IOException {
        return BreakCondition.parse(condition).matches(row(json));
    }

    @Test
    void fieldComparisonsCompareNumbersByValueAndTextsByCharacters() throws IOException {
        String r = "{\"stu_id\":7,\"score\":90.5,\"name\":\"Li Lei\",\"tags\":[\"new\",\"b\"],\"addr\":{\"city\":\"Xi'an\"},\"ok\":true,\"gone\":null}";
        assertTrue(matches("stu_id == 7", r));
        assertTrue(matches("stu_id == 7.0", r));
        assertFalse(matches("stu_id != 7", r));
        assertTrue(matches("score > 90", r));
        assertTrue(matches("score >= 90.5", r));
        assertFalse(matches("score < 90.5", r));
        assertTrue(matches("score <= 1e2", r));
        assertTrue(matches("name == \"Li Lei\"", r));
        assertTrue(matches("name == 'Li Lei'", r));
        assertTrue(matches("name contains \"Lei\"", r));
        assertTrue(matches("name < \"M\"", r));
        assertTrue(matches("tags contains 'new'", r));
        assertTrue(matches("addr contains \"city\"", r));
        assertTrue(matches("addr.city == \"Xi'an\"", r));
        assertTrue(matches("ok == true", r));
        assertTrue(matches("gone == null", r));
        assertTrue(matches("name != null", r));
        assertFalse(matches("missing == 1", r), "a field the row lacks matches nothing");
        assertFalse(matches("missing != 1", r));
        assertTrue(matches("`stu_id` == 7", r));
        assertTrue(matches("score == 90.5", "{\"score\":\"90.5\"}"), "a text field holding a number compares by value");
        assertTrue(matches("value contains \"err\"", "\"an error line\""), "value is a row that is not an object");
    }

    @Test
    void andBindsTighterThanOrAndParenthesesAndNotChangeThat() throws IOException {
        String r = "{\"a\":1,\"b\":2,\"c\":3}";
        assertTrue(matches("a == 9 and b == 9 or c == 3", r));
        assertFalse(matches("a == 9 and (b == 9 or c == 3)", r));
        assertTrue(matches("(a == 1 or b == 9) and c == 3", r));
        assertTrue(matches("a == 1 && b == 2 || c == 9", r));
        assertTrue(matches("not a == 9", r));
        assertTrue(matches("A == 1 AND b == 2".replace("A ==", "a =="), r));
        assertTrue(BreakCondition.parse("a > 5").matchesAny(List.of(Map.of("a", 1), Map.of("a", 6))));
        assertFalse(BreakCondition.parse("a > 5").matchesAny(List.of(Map.of("a", 1), "text")));
    }

    private static BreakCondition.Invalid invalid(String condition) {
        return assertThrows(BreakCondition.Invalid.class, () -> BreakCondition.parse(condition));
    }

    @Test
    void aMalformedConditionSaysWhatWasExpectedAtWhichColumn() {
        BreakCondition.Invalid e = invalid("score = 90");
        assertEquals(7, e.column());
        assertEquals("column 7: use == to compare, not =", e.getMessage());
        e = invalid("score >= ");
        assertEquals("column 10: expected a value (a number, \"text\", true, false or null) after >=, found the end of the condition", e.getMessage());
        e = invalid("name == Li");
        assertEquals(9, e.column());
        assertTrue(e.getMessage().endsWith("found \"Li\": put text in quotes"), e.getMessage());
        e = invalid("(a == 1 or b == 2");
        assertEquals("column 18: expected ) to close the ( at column 1, found the end of the condition", e.getMessage());
        e = invalid("a == 1 b == 2");
        assertEquals("column 8: expected and, or or the end of the condition, found \"b\"", e.getMessage());
        e = invalid("name == \"Li");
        assertEquals("column 9: the text starting here has no closing \"", e.getMessage());
        e = invalid("a like 3");
        assertEquals("column 3: expected ==, !=, <, <=, >, >= or contains after a, found \"like\"", e.getMessage());
        e = invalid("and == 1");
        assertEquals("column 1: expected a field name, found \"and\"", e.getMessage());
        e = invalid("a > true");
        assertEquals("column 5: > needs a number or a text, not true", e.getMessage());
        e = invalid("   ");
        assertEquals(1, e.column());
        e = invalid("a == 1 # b");
        assertEquals("column 8: unexpected character #", e.getMessage());
    }
}
