package io.kisflow.designer.debug.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputEditorTest {
    @Test
    void textModeMakesOneStringRowPerLine() {
        InputEditor e = new InputEditor("flowName1");
        e.textProperty().set("This is Data1 from Test\r\nThis is Data2 from Test\n\n  spaced  \n");
        assertEquals(List.of("This is Data1 from Test", "This is Data2 from Test", "", "  spaced  "), e.parsed().rows());
        assertEquals(4, e.rowCountProperty().get());
        assertEquals("", e.errorProperty().get());
    }

    @Test
    void jsonModeMakesOneRowPerValueAndStoresThemCompact() {
        InputEditor e = new InputEditor("StuAvg");
        e.modeProperty().set(InputMode.JSON);
        e.textProperty().set("{\"stu_id\": 100, \"score_1\": 1}\n{\n  \"stu_id\": 101\n}\n\"{\\\"stu_id\\\":101}\" 42 null");
        assertEquals(Arrays.asList(Map.of("stu_id", 100, "score_1", 1), Map.of("stu_id", 101), "{\"stu_id\":101}", 42, null),
                e.parsed().rows());
        assertEquals(List.of("{\"stu_id\":100,\"score_1\":1}", "{\"stu_id\":101}", "\"{\\\"stu_id\\\":101}\"", "42", "null"), e.stored());
    }

    @Test
    void badJsonNamesTheFlowTheLineAndTheRow() {
        InputEditor e = new InputEditor("StuAvg");
        e.modeProperty().set(InputMode.JSON);
        e.textProperty().set("{\"a\":1}\n{\"b\":2,}\n");
        assertFalse(e.isValid());
        assertEquals(2, e.parsed().errorLine());
        assertTrue(e.errorProperty().get().startsWith("input of flow StuAvg, line 2, column 8: row 2 is not valid JSON: "),
                e.errorProperty().get());
        assertTrue(e.errorProperty().get().endsWith("(or switch the input to text mode: one string per line)"));
        // the user's text is kept for the sidecar even while it does not parse
        assertEquals(List.of("{\"a\":1}", "{\"b\":2,}"), e.stored());

        e.modeProperty().set(InputMode.TEXT);
        assertTrue(e.isValid());
        assertEquals(2, e.rowCountProperty().get());
    }

    @Test
    void storedRowsReopenAsTheSameRows() {
        InputEditor e = InputEditor.of("f", List.of("{\"id\":1}", "[1,2]"), InputMode.JSON);
        assertEquals(List.of(Map.of("id", 1), List.of(1, 2)), e.parsed().rows());
        InputEditor t = InputEditor.of("f", List.of("a", "", "b"), InputMode.TEXT);
        assertEquals(List.of("a", "", "b"), t.parsed().rows());
    }

    @Test
    void loadFileReadsUtf8AndRefusesOtherBytesWithTheFileName(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("rows.txt");
        Files.writeString(good, "\uFEFFzürich\nparís\n", StandardCharsets.UTF_8);
        InputEditor e = new InputEditor("f");
        e.loadFile(good);
        assertEquals(List.of("zürich", "parís"), e.parsed().rows());

        Path bad = dir.resolve("latin1.txt");
        Files.write(bad, new byte[] {'z', (byte) 0xFC, 'r'});
        IOException ex = assertThrows(IOException.class, () -> e.loadFile(bad));
        assertEquals("cannot load input rows: " + bad + " is not UTF-8 text", ex.getMessage());
        assertEquals(List.of("zürich", "parís"), e.parsed().rows());

        IOException missing = assertThrows(IOException.class, () -> e.loadFile(dir.resolve("none.txt")));
        assertEquals("cannot load input rows: " + dir.resolve("none.txt") + " does not exist", missing.getMessage());
    }

    @Test
    void pinnedRowsAreJsonValues() {
        PinEditor p = PinEditor.of("SaveAvg", List.of("{\"stu_id\":1}", "\"text\""));
        assertTrue(p.isPinned());
        assertEquals(List.of(Map.of("stu_id", 1), "text"), p.parsed().rows());
        p.textProperty().set("{oops");
        assertTrue(p.errorProperty().get().startsWith("pinned rows of function SaveAvg, line 1, column 2: row 1 is not valid JSON"),
                p.errorProperty().get());
        assertEquals(List.of("{oops"), p.stored());
    }
}
