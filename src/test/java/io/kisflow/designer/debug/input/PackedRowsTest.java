package io.kisflow.designer.debug.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file's rows are kept as its bytes (issue 8, item 4: a million parsed rows held a gigabyte, and
 * the collector copying them stopped the window for seconds): what a run and the list get is the
 * same as reading the text eagerly, row for row, and errors still name the line.
 */
class PackedRowsTest {
    @TempDir
    Path dir;

    private ParsedRows read(String name, byte[] content, InputMode mode) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        List<Double> progress = new ArrayList<>();
        ParsedRows p = RowsFile.read(f, mode, () -> false, progress::add);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "progress only goes up: " + progress);
        }
        return p;
    }

    @Test
    void jsonRowsFromAFileAreTheRowsOfTheSameText() throws IOException {
        String text = "\uFEFF{\"stu_id\": 1, \"name\": \"Zoë\", \"scores\": [90, 85.5], \"ok\": true}\r\n"
                + "{\n  \"stu_id\": 2,\n  \"nested\": {\"a\": null}\n}\n"
                + "\"a string row\" 42 -7.25e3 true null [1, \"x\"]\n"
                + "12345678901234567890123\n";
        ParsedRows packed = read("rows.jsonl", text.getBytes(StandardCharsets.UTF_8), InputMode.JSON);
        ParsedRows eager = RowsText.parse(text.substring(1), InputMode.JSON);
        assertTrue(packed.ok(), packed.error());
        assertInstanceOf(PackedRows.class, packed.rows(), "kept as the file's bytes, not as row objects");
        assertEquals(9, packed.rows().size());
        assertEquals(eager.rows(), packed.rows());
        assertEquals(eager.rows(), new ArrayList<>(java.util.Collections.unmodifiableCollection(packed.rows())),
                "in order, as a run reads them, the same rows");
        assertNull(packed.rows().get(6));
        assertNotSame(packed.rows().get(0), packed.rows().get(0), "a row is made when asked for, never kept");
    }

    @Test
    void textRowsFromAFileAreItsLines() throws IOException {
        String text = "\uFEFFfirst line\r\nsecond, with ünïcode\n\n  indented  \nlast without newline";
        ParsedRows packed = read("rows.txt", text.getBytes(StandardCharsets.UTF_8), InputMode.TEXT);
        assertTrue(packed.ok(), packed.error());
        assertEquals(List.of("first line", "second, with ünïcode", "", "  indented  ", "last without newline"), packed.rows());
        assertEquals(RowsText.parse(text.substring(1), InputMode.TEXT).rows(), packed.rows());
        assertEquals(List.of("a", "b"), read("two.txt", "a\nb\n".getBytes(StandardCharsets.UTF_8), InputMode.TEXT).rows(),
                "no empty row after the last newline");
        assertEquals(List.of(), read("empty.txt", new byte[0], InputMode.TEXT).rows());
    }

    @Test
    void badRowsAreNamedByLine() throws IOException {
        byte[] latin1 = "ok\nZo\u00eb in Latin-1\n".getBytes(StandardCharsets.ISO_8859_1);
        ParsedRows text = read("latin1.txt", latin1, InputMode.TEXT);
        assertEquals("line 2 is not UTF-8 text", text.error());
        assertEquals(2, text.errorLine());

        String bad = "{\"a\": 1}\n{\"a\": 2}\n{\"a\": [1,}\n";
        ParsedRows json = read("bad.jsonl", bad.getBytes(StandardCharsets.UTF_8), InputMode.JSON);
        assertTrue(json.error().startsWith("line 3, column 10: row 3 is not valid JSON"), json.error());
        assertEquals(RowsText.parse(bad, InputMode.JSON).error(), json.error(), "as the same text typed in");
        assertEquals(3, json.errorLine());
    }

    @Test
    void cancellingStopsTheReading() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.append("{\"id\": ").append(i).append("}\n");
        }
        Path f = dir.resolve("many.jsonl");
        Files.writeString(f, b);
        assertNull(RowsFile.read(f, InputMode.JSON, () -> true, share -> { }));
        ParsedRows all = RowsFile.read(f, InputMode.JSON, () -> false, share -> { });
        assertEquals(10_000, all.rows().size());
        assertEquals(java.util.Map.of("id", 9_999), all.rows().get(9_999));
    }
}
