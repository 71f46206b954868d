package io.kisflow.engine;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maps into plain records without Jackson's token buffer: the same records Jackson makes, and
 * Jackson whenever the result could differ.
 */
class MapToRecordTest {
    private static final ObjectMapper ENGINE_MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Score(@JsonProperty("stu_id") int stuId, long total, double avg, boolean passed, String name, Integer rank) {
    }

    record Aliased(@JsonAlias("xx") int x) {
    }

    record Created(int x) {
        @JsonCreator
        static Created of(@JsonProperty("x") int x) {
            return new Created(x + 1);
        }
    }

    record WithFloat(float f) {
    }

    record Checked(int x) {
        Checked {
            if (x < 0) {
                throw new IllegalArgumentException("x must not be negative");
            }
        }
    }

    record CamelCase(int xPos) {
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void buildsTheRecordJacksonBuildsFromExactlyTypedValuesIgnoringUnknownKeys() throws Exception {
        MapToRecord<Score> direct = MapToRecord.of(Score.class);
        assertNotNull(direct);
        List<Map<String, Object>> rows = List.of(
                map("stu_id", 1, "total", 2, "avg", 3, "passed", true, "name", "a", "rank", 4, "extra", List.of(1)),
                map("name", "b", "rank", 5, "passed", false, "avg", 2.5, "total", 12345678901L, "stu_id", -7),
                map("stu_id", Integer.MAX_VALUE, "total", Long.MIN_VALUE, "avg", 9L, "passed", false, "name", "", "rank", 0));
        for (Map<String, Object> row : rows) {
            Score built = direct.convert(row);
            assertEquals(ENGINE_MAPPER.convertValue(row, Score.class), built, row.toString());
        }
    }

    @Test
    void leavesToJacksonWhatItWouldReadDifferentlyOrRefuse() throws Exception {
        MapToRecord<Score> direct = MapToRecord.of(Score.class);
        Map<String, Object> full = map("stu_id", 1, "total", 2, "avg", 3.0, "passed", true, "name", "a", "rank", 4);
        List<Map<String, Object>> others = new ArrayList<>();
        for (Object[] change : new Object[][]{
                {"stu_id", null}, {"stu_id", "1"}, {"stu_id", 1L}, {"stu_id", 1.0}, {"total", 2.0}, {"avg", "3"},
                {"passed", "true"}, {"passed", 1}, {"name", 5}, {"rank", null}, {"rank", 4L}}) {
            Map<String, Object> m = new HashMap<>(full);
            m.put((String) change[0], change[1]);
            others.add(m);
        }
        Map<String, Object> missing = new HashMap<>(full);
        missing.remove("name");
        others.add(missing);
        for (Map<String, Object> row : others) {
            assertNull(direct.convert(row), "left to Jackson: " + row);
        }
    }

    @Test
    void recordsJacksonReadsInItsOwnWayAreLeftToIt() {
        assertNull(MapToRecord.of(Aliased.class), "an alias names a key the record does not");
        assertNull(MapToRecord.of(Created.class), "Jackson calls the creator, not the canonical constructor");
        assertNull(MapToRecord.of(WithFloat.class), "float is not one of the plain types");
        assertNull(MapToRecord.of(String.class), "not a record");
        assertEquals(new Created(2), ENGINE_MAPPER.convertValue(map("x", 1), Created.class));
    }

    @Test
    void theConverterGivesJacksonsRecordsAndErrorsWhicheverPathTakesARow() throws Exception {
        RowConverter<Score> converter = new RowConverter<>(Score.class, ENGINE_MAPPER);
        List<Object> rows = new ArrayList<>(List.of(
                map("stu_id", 1, "total", 2, "avg", 3, "passed", true, "name", "a", "rank", 4),
                map("stu_id", "2", "total", 2, "avg", 3, "passed", true, "name", "b"),
                "{\"stu_id\":3,\"name\":\"c\"}",
                map("stu_id", 4, "total", 5, "avg", 6.5, "passed", false, "name", "d", "rank", 7)));
        List<Score> expected = new ArrayList<>();
        for (Object row : rows) {
            expected.add(row instanceof String s ? ENGINE_MAPPER.readValue(s, Score.class) : ENGINE_MAPPER.convertValue(row, Score.class));
        }
        assertEquals(expected, converter.convert(rows));
        assertEquals(expected, converter.convert(rows), "the same once the direct path is checked");

        RowConverter<Checked> checked = new RowConverter<>(Checked.class, ENGINE_MAPPER);
        assertEquals(List.of(new Checked(1)), checked.convert(new ArrayList<>(List.of(map("x", 1)))));
        RowConversionException e = assertThrows(RowConversionException.class,
                () -> checked.convert(new ArrayList<>(List.of(map("x", 2), map("x", -1)))));
        assertEquals(1, e.index());
        assertTrue(e.reason().contains("x must not be negative"), e.reason());
    }

    /** A mapper naming properties its own way: the first direct result differs from Jackson's, and Jackson takes over. */
    @Test
    void aDirectResultThatDiffersFromJacksonsTurnsTheDirectPathOff() throws Exception {
        ObjectMapper snake = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        RowConverter<CamelCase> converter = new RowConverter<>(CamelCase.class, snake);
        List<Object> rows = new ArrayList<>(Arrays.asList(map("xPos", 1, "x_pos", 2), map("xPos", 3, "x_pos", 4)));
        assertEquals(List.of(new CamelCase(2), new CamelCase(4)), converter.convert(rows));
    }
}
