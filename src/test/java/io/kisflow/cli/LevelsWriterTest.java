package io.kisflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.engine.Level;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The result of {@code run}: written row by row, in chunks on several threads when it is big, and
 * byte for byte what Jackson writes for each row, in the layout of one row per line.
 */
class LevelsWriterTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    record Avg(int id, double avg, String note) {
    }

    /** Every kind a plain record may hold, named by @JsonProperty or not, boxes that may be null. */
    record Plain(@com.fasterxml.jackson.annotation.JsonProperty("stu_id") int id, long big, double avg, boolean ok,
                 Integer boxed, Long boxedLong, Double boxedDouble, Boolean boxedBool, String text) {
    }

    interface WithGetter {
        default String getExtra() {
            return "from the interface";
        }
    }

    /** Jackson also writes the interface's getter: written by Jackson, not directly. */
    record Getter(int id) implements WithGetter {
    }

    /** Leaves out nulls: value-dependent, so Jackson writes it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record SkipNulls(int id, String note) {
    }

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"b", "a"})
    record Ordered(int a, int b) {
    }

    record Throws(int id) {
        @Override
        public int id() {
            if (id == 3) {
                throw new IllegalStateException("no id 3");
            }
            return id;
        }
    }

    private static List<Object> recordRows(int n) {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean even = i % 2 == 0;
            rows.add(switch (i % 5) {
                case 0 -> new Plain(i, Long.MAX_VALUE - i, i / 7.0, even, even ? null : i, even ? null : -1L,
                        even ? null : Double.NaN, even ? null : Boolean.TRUE, even ? null : "q\"" + i + "\u00e9\n\u2603");
                case 1 -> new Getter(i);
                case 2 -> new SkipNulls(i, even ? null : "n");
                case 3 -> new Ordered(i, -i);
                default -> new Plain(-i, 0, Double.NEGATIVE_INFINITY, false, 0, 0L, 1e300, false, "");
            });
        }
        return rows;
    }

    /** Plain records are written without Jackson's bean serializer; the others by Jackson, all as Jackson writes them. */
    @Test
    void recordsAreWrittenAsJacksonWritesThem() throws Exception {
        List<Level> levels = List.of(new Level("Small", 0, recordRows(12)), new Level("Big", 1, recordRows(40_000)));
        assertEquals(expected(levels), written(levels));
        assertEquals(true, PlainRecordWriter.of(new Plain(1, 2, 3, true, null, null, null, null, null), JACKSON) != null);
        assertEquals(null, PlainRecordWriter.of(new Getter(1), JACKSON));
        assertEquals(null, PlainRecordWriter.of(new SkipNulls(1, null), JACKSON));
        assertEquals(null, PlainRecordWriter.of(new Ordered(1, 2), JACKSON));
    }

    /** An accessor that throws: Jackson writes that row, and its error names the row and level as before. */
    @Test
    void aRecordWhoseAccessorThrowsIsNamedAsBefore() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new Throws(i));
        }
        CommandException e = assertThrows(CommandException.class, () -> written(List.of(new Level("T", 0, rows))));
        assertEquals("row 4 of level T cannot be written as JSON: no id 3", e.getMessage());
    }

    /** No property Jackson could write. */
    static final class Opaque {
    }

    private static List<Object> mixedRows(int n) {
        String[] shape = {"stu_id", "name", "tags"};
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (i % 7) {
                case 0 -> rows.add(new JsonRow(shape, new Object[]{i, "n\"" + i + "\u00e9\n", List.of(1, 2.5, true)}));
                case 1 -> rows.add(new Avg(i, i / 3.0, i % 2 == 0 ? null : "x"));
                case 2 -> rows.add("stuid: [" + i + "], avg score: [1.50]\t\u2603");
                case 3 -> rows.add(i % 2 == 0 ? (Object) (i * 1_000_000_000L) : (Object) (i + 0.25));
                case 4 -> rows.add(null);
                case 5 -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("k", i);
                    map.put("nested", new JsonRow(new String[]{"a"}, new Object[]{Boolean.FALSE}));
                    rows.add(map);
                }
                default -> rows.add(Double.NaN);
            }
        }
        return rows;
    }

    /** The layout as the writer promises it, each row rendered by Jackson on its own. */
    private static String expected(List<Level> levels) throws Exception {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            s.append(i == 0 ? "\n  " : ",\n  ").append(JACKSON.writeValueAsString(level.name())).append(": [");
            List<Object> rows = level.rows();
            for (int r = 0; r < rows.size(); r++) {
                s.append(r == 0 ? "\n    " : ",\n    ").append(JACKSON.writeValueAsString(rows.get(r)));
            }
            s.append(rows.isEmpty() ? "]" : "\n  ]");
        }
        return s.append("\n}\n").toString();
    }

    private static String written(List<Level> levels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LevelsWriter.write(levels, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSmallResultIsEveryRowAsJacksonWritesIt() throws Exception {
        List<Level> levels = List.of(new Level("FunctionIDFirstVirtual", -1, mixedRows(14)), new Level("Empty", 0, List.of()));
        assertEquals(expected(levels), written(levels));
    }

    @Test
    void aBigResultWrittenInParallelChunksIsTheSameBytesInOrder() throws Exception {
        List<Level> levels = List.of(new Level("FunctionIDFirstVirtual", -1, mixedRows(50_001)),
                new Level("Verify \"quoted\"", 0, List.of()), new Level("Last", 1, mixedRows(20_000)));
        assertEquals(expected(levels), written(levels));
    }

    @Test
    void aRowThatCannotBeWrittenIsNamedByItsNumberAndLevel() {
        List<Object> rows = mixedRows(30_000);
        rows.set(17_000, new Opaque());
        CommandException e = assertThrows(CommandException.class,
                () -> written(List.of(new Level("Source", -1, mixedRows(3)), new Level("Big", 0, rows))));
        assertEquals("row 17001 of level Big cannot be written as JSON: No serializer found for class "
                + Opaque.class.getName(), e.getMessage().substring(0, e.getMessage().indexOf(" and no properties")));
    }

    /** Levels of one class each (input objects, report strings, records, as StuScore's): each has a loop of its own, same bytes. */
    @Test
    void levelsOfOneClassEachAreTheSameBytesAsJacksons() throws Exception {
        String[] shape = {"stu_id", "name", "score"};
        List<Object> objects = new ArrayList<>();
        List<Object> strings = new ArrayList<>();
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            objects.add(new JsonRow(shape, new Object[]{i, i % 3 == 0 ? "q\"\u00e9\n\u2603" + i : null, i % 2 == 0 ? i / 7.0 : List.of(i, "x")}));
            strings.add(i % 5 == 0 ? "tab\there \"" + i + "\" \u00fc\u0001" : "stuid: [" + i + "], avg score: [1.50]");
            records.add(new Avg(i, i / 3.0, i % 2 == 0 ? null : "n" + i));
        }
        List<Level> levels = List.of(new Level("FunctionIDFirstVirtual", -1, objects), new Level("Report", 0, strings),
                new Level("Avg", 1, records), new Level("Again", 2, objects));
        assertEquals(expected(levels), written(levels));
    }
}
