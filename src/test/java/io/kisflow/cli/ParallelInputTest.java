package io.kisflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A big input file parsed in chunks on several threads gives the rows the reading in order gives, in
 * the same order, whatever the chunk boundaries cut (a line, a CRLF, a multi-byte character); a file
 * it cannot take exactly is read in order again, so every message names the same file and line.
 * Chunks of a few bytes put a boundary everywhere.
 */
class ParallelInputTest {
    private static final int[] CHUNK_SIZES = {1, 2, 3, 5, 7, 16, 61, 64, 1000};

    /** Rows of varied shapes and sizes, numbered, with multi-byte characters, blank lines, CRLF endings. */
    private static String jsonLines(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            switch (i % 7) {
                case 0 -> b.append("{\"stu_id\": ").append(i).append(", \"name\": \"é😀中").append(i).append("\"}\r\n");
                case 1 -> b.append("{\"stu_id\": ").append(i).append(", \"score_1\": ").append(i % 111).append(", \"score_2\": 2.5}\n");
                case 2 -> b.append("\n   \n");
                case 3 -> b.append("[").append(i).append(", \"ü\", null, true, {\"k\": {\"deep\": [").append(i).append("]}}]\n");
                case 4 -> b.append("  \"plain string ").append(i).append(" ✓\"  \n");
                case 5 -> b.append(i * 1_000_000_000L).append("\n");
                default -> b.append("{\"stu_id\": ").append(i).append(", \"score_1\": 1}\n");
            }
        }
        return b.toString();
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Object> inOrder(Path file, boolean json) {
        List<Object> rows = new ArrayList<>();
        InputRows.read(file.toString(), json, InputStream.nullInputStream(), rows::add);
        return rows;
    }

    private static List<Object> flat(List<List<Object>> batches) {
        List<Object> rows = new ArrayList<>();
        batches.forEach(rows::addAll);
        return rows;
    }

    private static void assertSameRowsForEveryChunkSize(Path file, boolean json) {
        List<Object> expected = inOrder(file, json);
        for (int chunk : CHUNK_SIZES) {
            List<List<Object>> batches = ParallelInput.read(file.toString(), json, chunk, 0);
            assertNotNull(batches, "chunks of " + chunk + " bytes took " + file.getFileName());
            assertEquals(expected, flat(batches), "rows read in chunks of " + chunk + " bytes");
        }
    }

    @Test
    void rowsKeepTheirOrderOverEveryChunkBoundary(@TempDir Path tmp) throws IOException {
        Path file = write(tmp, "in.jsonl", jsonLines(700));
        List<Object> expected = inOrder(file, true);
        assertEquals(600, expected.size(), "one row per non-blank line");
        assertSameRowsForEveryChunkSize(file, true);
        List<List<Object>> batches = ParallelInput.read(file.toString(), true, 64, 0);
        assertTrue(batches.size() > 100, "many chunks, parsed on " + Runtime.getRuntime().availableProcessors() + " threads: " + batches.size());
        assertEquals("{stu_id=700, name=é😀中700}", flat(batches).get(599).toString());
    }

    @Test
    void crlfBlankLastLineAndNoFinalNewline(@TempDir Path tmp) throws IOException {
        for (String text : List.of("{\"a\":1}\r\n{\"a\":2}\r\n", "{\"a\":1}\n{\"a\":2}\n\n", "{\"a\":1}\n{\"a\":2}\n   ",
                "{\"a\":1}\n{\"a\":2}", "{\"a\":1}\r\n{\"a\":2}\r", "\n\n{\"a\":1}\n\n\n{\"a\":2}")) {
            Path file = write(tmp, "in.jsonl", text);
            assertEquals("[{a=1}, {a=2}]", inOrder(file, true).toString(), text);
            assertSameRowsForEveryChunkSize(file, true);
        }
        Path lines = write(tmp, "in.txt", "a\r\né ü\n\n  x  \n\r\nlast");
        assertEquals(List.of("a", "é ü", "  x  ", "last"), inOrder(lines, false));
        assertSameRowsForEveryChunkSize(lines, false);
    }

    @Test
    void multiByteCharactersAtEveryBoundaryStayWhole(@TempDir Path tmp) throws IOException {
        String text = "\"😀é中\"\n".repeat(50) + "{\"ключ\":\"значение\"}\n";
        Path file = write(tmp, "in.jsonl", text);
        assertSameRowsForEveryChunkSize(file, true);
        assertEquals("{ключ=значение}", inOrder(file, true).get(50).toString());
        Path lines = write(tmp, "in.txt", text);
        assertSameRowsForEveryChunkSize(lines, false);
    }

    @Test
    void aBadLineInTheMiddleIsReportedWithItsLineAfterTheChunks(@TempDir Path tmp) throws IOException {
        String good = jsonLines(300);
        int lines = good.split("\n", -1).length - 1;
        Path file = write(tmp, "in.jsonl", good + "{\"stu_id\": 1, oops}\n" + good);
        assertNull(ParallelInput.read(file.toString(), true, 64, 0), "a chunk that cannot be parsed sends the file back to the reading in order");
        CommandException e = assertThrows(CommandException.class, () -> InputRows.readAll(file.toString(), true, InputStream.nullInputStream(), 64, 0));
        assertTrue(e.getMessage().startsWith(file + ":" + (lines + 1) + ": not a JSON value (Unexpected character ('o'"), e.getMessage());

        Path spread = write(tmp, "spread.jsonl", good + "{\"stu_id\":\n 2}\n" + good);
        e = assertThrows(CommandException.class, () -> InputRows.readAll(spread.toString(), true, InputStream.nullInputStream(), 16, 0));
        assertEquals(spread + ":" + (lines + 1) + ": this JSON value goes on to line " + (lines + 2) + "; put each row on one line", e.getMessage());

        Path two = write(tmp, "two.jsonl", good + "1 2\n" + good);
        e = assertThrows(CommandException.class, () -> InputRows.readAll(two.toString(), true, InputStream.nullInputStream(), 7, 0));
        assertEquals(two + ":" + (lines + 1) + ": more than one JSON value on this line; put one row per line", e.getMessage());

        byte[] notUtf8 = (good.replace("\r", "") + "x\n").getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 2] = (byte) 0xC3;
        Path latin = Files.write(tmp.resolve("latin.txt"), notUtf8);
        e = assertThrows(CommandException.class, () -> InputRows.readAll(latin.toString(), false, InputStream.nullInputStream(), 5, 0));
        assertEquals(latin + ":" + (lines + 1) + ": not UTF-8 text; save the input as UTF-8", e.getMessage());
    }

    @Test
    void aLineOverTheLimitIsReportedAsBefore(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("long.jsonl");
        byte[] line = new byte[InputRows.MAX_LINE_BYTES + 1];
        java.util.Arrays.fill(line, (byte) 'a');
        try (var out = Files.newOutputStream(file)) {
            out.write("{\"a\":1}\n{\"a\":2}\n\"".getBytes(StandardCharsets.UTF_8));
            out.write(line);
            out.write("\"\n{\"a\":3}\n".getBytes(StandardCharsets.UTF_8));
        }
        CommandException e = assertThrows(CommandException.class,
                () -> InputRows.readAll(file.toString(), true, InputStream.nullInputStream(), ParallelInput.CHUNK_BYTES, 0));
        assertTrue(e.getMessage().startsWith(file + ":3: line longer than 16 MiB; reading stopped there"), e.getMessage());
    }

    /** Jackson guesses the encoding from a parser's first bytes: chunks that would be guessed otherwise are read in order. */
    @Test
    void inputThatDoesNotStartAsUtf8IsReadInOrder(@TempDir Path tmp) throws IOException {
        Path bom = write(tmp, "bom.jsonl", "\uFEFF{\"a\":1}\n{\"a\":2}\n");
        assertEquals("[{a=1}, {a=2}]", flat(InputRows.readAll(bom.toString(), true, InputStream.nullInputStream(), 4, 0)).toString());
        assertSameRowsForEveryChunkSize(bom, true); // a BOM at the start of the file is skipped both ways

        Path midBom = write(tmp, "mid-bom.jsonl", "{\"a\":1}\n\uFEFF{\"a\":2}\n");
        assertNull(ParallelInput.read(midBom.toString(), true, 4, 0));
        CommandException e = assertThrows(CommandException.class, () -> InputRows.readAll(midBom.toString(), true, InputStream.nullInputStream(), 4, 0));
        assertTrue(e.getMessage().startsWith(midBom + ":2: not a JSON value"), e.getMessage());

        Path utf16 = Files.write(tmp.resolve("utf16.jsonl"), "{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_16LE));
        assertNull(ParallelInput.read(utf16.toString(), true, 4, 0));
        assertEquals(inOrder(utf16, true), flat(InputRows.readAll(utf16.toString(), true, InputStream.nullInputStream(), 4, 0)));
    }

    @Test
    void smallFilesPipesAndStandardInputAreReadInOrder(@TempDir Path tmp) throws IOException {
        Path small = write(tmp, "small.jsonl", "{\"a\":1}\n");
        assertNull(ParallelInput.read(small.toString(), true, 4, 1024), "under the size threshold");
        assertNull(ParallelInput.read(tmp.toString(), true, 4, 0), "a folder");
        assertNull(ParallelInput.read("/dev/zero", true, 4, 0), "a device");
        List<List<Object>> stdin = InputRows.readAll("-", true, new ByteArrayInputStream("{\"a\":1}\n{\"a\":2}".getBytes(StandardCharsets.UTF_8)), 1, 0);
        assertEquals("[[{a=1}, {a=2}]]", stdin.toString());
    }

    /** The command line end to end: a file over the threshold gives the result standard input (read in order) gives, and a bad line its number. */
    @Test
    void runOnABigFileWritesWhatTheSameRowsFromStandardInputGive(@TempDir Path tmp) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; b.length() < ParallelInput.MIN_BYTES + 3 * ParallelInput.CHUNK_BYTES; i++) {
            b.append("{\"stu_id\": ").append(i).append(", \"score_1\": ").append(i % 111).append(", \"score_2\": ").append(i % 97)
                    .append(", \"score_3\": ").append(i % 89).append(i % 3 == 0 ? "}\r\n" : "}\n");
        }
        String text = b.toString();
        Path file = write(tmp, "big.jsonl", text);
        CliRunner fromFile = CliRunner.run("run", "--conf", "conf-samples", "--flow", "StuScore", "--json", "--input", file.toString());
        CliRunner fromStdin = CliRunner.runWithStdin(text, "run", "--conf", "conf-samples", "--flow", "StuScore", "--json", "--input", "-");
        assertEquals(0, fromFile.exit(), fromFile.err());
        assertEquals(fromStdin.out(), fromFile.out());
        assertTrue(fromFile.out().contains("\"stu_id\":50000,\"avg_score\":"), "the rows of every chunk are in the result");

        int middle = text.indexOf('\n', text.length() / 2) + 1;
        int line = (int) text.substring(0, middle).chars().filter(c -> c == '\n').count() + 1;
        Path bad = write(tmp, "bad.jsonl", text.substring(0, middle) + "{\"stu_id\": 7,}\n" + text.substring(middle));
        CliRunner r = CliRunner.run("run", "--conf", "conf-samples", "--flow", "StuScore", "--json", "--input", bad.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains(bad + ":" + line + ": not a JSON value (Unexpected character ('}'"), r.err());
    }
}
