package io.kisflow.designer.debug.inspect;

import io.kisflow.designer.debug.QueuedExecutor;
import io.kisflow.designer.debug.data.LevelData;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorModelTest {
    private static final Executor DIRECT = Runnable::run;

    record Score(int stu_id, double avg_score) {
    }

    /** A bean with getters only. */
    public static final class Student {
        public String getName() {
            return "Ann";
        }

        public int getAge() {
            return 12;
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static LevelData level(List<Object> rows) {
        return LevelData.of("f", "fn", 0, rows);
    }

    private static List<String> column(InspectorModel m, String column) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.rows().size(); i++) {
            out.add(m.rows().get(i).cell(column));
        }
        return out;
    }

    @Test
    void columnsAreTheUnionOfFieldsOfMapsRecordsBeansAndValues() {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of(map("stu_id", 1, "tags", List.of("a", "b")), new Score(2, 81.5), new Student(), "plain", 42)));

        assertEquals(List.of("stu_id", "tags", "avg_score", "name", "age", "value"), m.columns());
        assertEquals(5, m.rowCountProperty().get());
        assertEquals(List.of("1", "2", "", "", ""), column(m, "stu_id"));
        assertEquals(List.of("[\"a\",\"b\"]", "", "", "", ""), column(m, "tags"));
        assertEquals(List.of("", "81.5", "", "", ""), column(m, "avg_score"));
        assertEquals(List.of("", "", "Ann", "", ""), column(m, "name"));
        assertEquals(List.of("", "", "", "plain", "42"), column(m, "value"));
    }

    @Test
    void columnsBeyondTheSampleAreAddedByTheBackgroundScan() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(i == 4_321 ? map("id", i, "late", "x") : map("id", i));
        }
        QueuedExecutor background = new QueuedExecutor();
        InspectorModel m = new InspectorModel(DIRECT, background);
        m.show(level(rows));

        assertEquals(List.of("id"), m.columns());
        assertFalse(m.columnsCompleteProperty().get());
        assertEquals(5_000, m.rows().size());

        background.runAll();
        assertEquals(List.of("id", "late"), m.columns());
        assertTrue(m.columnsCompleteProperty().get());
        assertEquals("x", m.cell(4_321, "late"));
    }

    @Test
    void filterMatchesASubstringOfTheRenderedRowIgnoringCaseUnlessAsked() {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of("Error: disk", "ok", "an ERROR again", map("msg", "error in map"), map("msg", "fine"))));

        m.filterProperty().set("error");
        assertEquals(3, m.visibleCountProperty().get());
        assertEquals(List.of(0, 2, 3), List.of(m.rowIndex(0), m.rowIndex(1), m.rowIndex(2)));

        m.matchCaseProperty().set(true);
        assertEquals(1, m.visibleCountProperty().get());
        assertEquals(3, m.rows().get(0).rowIndex());

        m.filterProperty().set("");
        assertEquals(5, m.rows().size());
        assertEquals(5, m.rowCountProperty().get());
    }

    @Test
    void sortIsNumericStableAndPutsMissingValuesLastInBothDirections() {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of(map("n", 10, "k", "a"), map("k", "none"), map("n", 9.5, "k", "b"),
                map("n", 10, "k", "c"), map("n", 100, "k", "d"))));

        m.sortBy("n", true);
        assertEquals(List.of("b", "a", "c", "d", "none"), column(m, "k"));
        m.sortBy("n", false);
        assertEquals(List.of("d", "a", "c", "b", "none"), column(m, "k"));

        m.filterProperty().set("\"k\":\"a\"");
        assertEquals(List.of("a"), column(m, "k"));
        m.filterProperty().set("");
        m.clearSort();
        assertEquals(List.of("a", "none", "b", "c", "d"), column(m, "k"));
    }

    @Test
    void stringsSortAfterNumbersAndByText() {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of("pear", 3, "apple", 1.5)));
        m.sortBy("value", true);
        assertEquals(List.of("1.5", "3", "apple", "pear"), column(m, "value"));
    }

    @Test
    void rawJsonShowsOneRowOrTheFirstRowsOfTheView() {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of(new Score(7, 90.0), "text", map("a", map("b", 1)))));

        assertEquals("{\n  \"stu_id\" : 7,\n  \"avg_score\" : 90.0\n}", m.rawJson(0));
        assertEquals("\"text\"", m.rawJson(1));
        assertEquals("[ {\n  \"stu_id\" : 7,\n  \"avg_score\" : 90.0\n}, \"text\" ]", m.levelJson(2));
    }

    @Test
    void copyGivesTsvWithAHeaderOrAJsonArray() {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of(map("id", 1, "note", "tab\there"), map("id", 2, "note", "line\nbreak"), map("id", 3))));

        assertEquals("id\tnote\n1\ttab\\there\n3\t\n", m.copy(new int[] {0, 2}, CopyFormat.TSV));
        assertEquals("[ {\n  \"id\" : 2,\n  \"note\" : \"line\\nbreak\"\n} ]", m.copy(new int[] {1}, CopyFormat.JSON));
    }

    @Test
    void exportWritesJsonLinesOfTheWholeLevelInLevelOrder(@TempDir Path dir) throws Exception {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of(map("id", 2, "name", "b"), "plain \"quoted\"", new Score(1, 50.5))));
        m.sortBy("id", true);

        ExportResult r = m.export(dir.resolve("level.jsonl"), ExportFormat.JSON_LINES, false).get();

        assertEquals(3, r.rows());
        assertEquals("{\"id\":2,\"name\":\"b\"}\n\"plain \\\"quoted\\\"\"\n{\"stu_id\":1,\"avg_score\":50.5}\n",
                Files.readString(dir.resolve("level.jsonl")));
    }

    @Test
    void exportCsvQuotesAsRfc4180AndCanExportOnlyTheFilteredSortedView(@TempDir Path dir) throws Exception {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of(map("id", 3, "text", "a,b"), map("id", 1, "text", "say \"hi\""),
                map("id", 2, "text", "two\nlines", "extra", true), map("id", 4, "text", "skip me"))));

        m.export(dir.resolve("all.csv"), ExportFormat.CSV, false).get();
        assertEquals("id,text,extra\r\n3,\"a,b\",\r\n1,\"say \"\"hi\"\"\",\r\n2,\"two\nlines\",true\r\n4,skip me,\r\n",
                Files.readString(dir.resolve("all.csv"), StandardCharsets.UTF_8));

        m.filterProperty().set(" ");   // rows 1 ("say hi") and 4 ("skip me"); row 2's "extra" is not in the view
        m.sortBy("id", false);
        ExportResult r = m.export(dir.resolve("view.csv"), ExportFormat.CSV, true).get();
        assertEquals(List.of("id", "text"), r.columns());
        assertEquals(2, r.rows());
        assertEquals("id,text\r\n4,skip me\r\n1,\"say \"\"hi\"\"\"\r\n", Files.readString(dir.resolve("view.csv")));
    }

    @Test
    void exportReplacesAnOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.jsonl");
        Files.writeString(file, "old content\n");
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of("new")));
        m.export(file, ExportFormat.JSON_LINES, false).get();

        assertEquals("\"new\"\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void exportIntoAMissingFolderFailsWithAMessageNamingIt(@TempDir Path dir) {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of("x")));
        Path target = dir.resolve("nowhere").resolve("out.csv");

        ExecutionException e = assertThrows(ExecutionException.class, () -> m.export(target, ExportFormat.CSV, false).get());
        assertTrue(e.getCause() instanceof IOException);
        assertEquals("cannot export to " + target + ": the folder " + target.getParent() + " does not exist",
                e.getCause().getMessage());
    }

    @Test
    void aMillionRowLevelOpensWithoutMakingRowObjectsAndFiresOneChange() {
        List<Object> rows = new ArrayList<>(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            rows.add("row " + i);
        }
        QueuedExecutor background = new QueuedExecutor();
        InspectorModel m = new InspectorModel(DIRECT, background);
        List<String> changes = new ArrayList<>();
        m.rows().addListener((ListChangeListener<InspectorRow>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + ".." + c.getTo() + " removed " + c.getRemovedSize());
            }
        });

        m.show(level(rows));
        assertEquals(List.of("0..1000000 removed 0"), changes);
        assertEquals(1, background.pending());   // the rest of the column scan, not done on this thread
        assertEquals("row 999999", m.rows().get(999_999).cell("value"));

        m.filterProperty().set("row 99999");
        assertEquals(1_000_000, m.rows().size());   // the old view stays until the filter is computed
        assertTrue(m.computingProperty().get());
        background.runAll();
        assertEquals(11, m.rows().size());   // "row 99999" and "row 999990".."row 999999"
        assertFalse(m.computingProperty().get());
        assertEquals("0..11 removed 1000000", changes.get(1));
    }

    @Test
    void anOutdatedFilterResultIsDropped() {
        QueuedExecutor background = new QueuedExecutor();
        InspectorModel m = new InspectorModel(DIRECT, background);
        m.show(level(List.of("apple", "banana", "cherry")));
        m.filterProperty().set("a");
        m.filterProperty().set("ch");
        background.runAll();
        assertEquals(1, m.rows().size());
        assertEquals("cherry", m.rows().get(0).cell("value"));
    }

    @Test
    void showingAnotherLevelKeepsTheFilterAndDropsASortOnAMissingColumn() {
        InspectorModel m = new InspectorModel(DIRECT, DIRECT);
        m.show(level(List.of(map("n", 2), map("n", 1))));
        m.sortBy("n", true);
        m.filterProperty().set("1");
        m.show(level(List.of("a1", "b", "c1")));
        assertEquals(null, m.sortProperty().get());
        assertEquals(List.of("a1", "c1"), column(m, "value"));
    }

    @Test
    void caseInsensitiveSearchFindsMixedCaseAndNonAsciiLetters() {
        assertTrue(RowViewBuilder.containsIgnoreCase("An ERROR here", "error"));
        assertTrue(RowViewBuilder.containsIgnoreCase("Zürich", "ZÜR"));
        assertTrue(RowViewBuilder.containsIgnoreCase("abc", ""));
        assertFalse(RowViewBuilder.containsIgnoreCase("err", "error"));
        assertFalse(RowViewBuilder.containsIgnoreCase("e r r o r", "error"));
    }

    @Test
    void aSmallerLevelShownUnderAFilterShowsNoStaleRowsWhileItsViewIsComputed() {
        QueuedExecutor background = new QueuedExecutor();
        InspectorModel m = new InspectorModel(DIRECT, background);
        assertFalse(m.hasLevel());
        m.show(level(List.of("a1", "a2", "a3", "a4")));
        assertTrue(m.hasLevel());
        m.filterProperty().set("a");
        background.runAll();
        assertEquals(4, m.rows().size());

        m.show(level(List.of("a9")));
        assertEquals(0, m.rows().size());   // the old view's indexes 1..3 do not exist in the new level
        background.runAll();
        assertEquals(List.of("a9"), column(m, "value"));
    }
}
