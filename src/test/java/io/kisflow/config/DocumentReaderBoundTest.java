package io.kisflow.config;

import static io.kisflow.config.ProjectFiles.assertError;
import static io.kisflow.config.ProjectFiles.write;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader skips writing a file out to check its size when the file is short and has no alias
 * ({@link DocumentReader#surelyFitsOnceWritten}). These are the shapes that grow most when written
 * in Go's layout, at the longest text the shortcut accepts: each must stay far under the limit, so
 * the shortcut can never let through a file whose export would be refused.
 */
class DocumentReaderBoundTest {
    private static final int MAX = LoadLimits.MAX_NESTING_DEPTH;
    @TempDir
    Path dir;

    /** Flow collections nested {@code depth} times, then short items up to the longest text the shortcut accepts. */
    private static String nested(int depth, String open, String close, String item, String sep) {
        String head = "kistype: global\nx: " + open.repeat(depth);
        String tail = close.repeat(depth) + "\n";
        StringBuilder sb = new StringBuilder(head);
        boolean first = true;
        while (sb.length() + sep.length() + item.length() + tail.length() <= DocumentReader.SURELY_FITS_CHARS) {
            sb.append(first ? "" : sep).append(item);
            first = false;
        }
        return sb.append(tail).toString();
    }

    static Stream<String> worstShapes() {
        return Stream.of(
                // the top mapping is one level and x's list another: the deepest the loader allows
                nested(MAX - 1, "[", "]", "1", ","),          // one-character items, each its own deeply indented line
                nested(MAX - 2, "[", "]", "[]", ","),         // empty lists, each "- []" on a deep line
                nested(MAX - 2, "[", "]", "{}", ","),         // empty maps
                nested(MAX - 2, "[", "]", "{a: 1}", ","),     // one-key maps
                nested(MAX - 2, "[", "]", "{a}", ","),        // keys with no value
                nested(MAX - 1, "[", "]", "\"\\t\"", ","),    // escapes
                "kistype: global\nx: \"" + "é".repeat(DocumentReader.SURELY_FITS_CHARS - 30) + "\"\n", // non-ASCII
                "kistype: global\nx: '" + "\t".repeat(DocumentReader.SURELY_FITS_CHARS - 30) + "'\n"); // tabs, written escaped
    }

    @ParameterizedTest
    @MethodSource("worstShapes")
    void theLongestTextTheShortcutAcceptsExportsFarUnderTheLimit(String yaml) throws Exception {
        assertTrue(DocumentReader.surelyFitsOnceWritten(yaml), "the shape is one the shortcut accepts: " + yaml.length());
        Path f = write(dir, "kis-flow.yml", yaml);
        LoadResult r = ConfigLoader.load(f);
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).toString());
        Path out = dir.resolve("out");
        ConfigExporter.export(r.configs(), out);
        long written = Files.size(out.resolve(ConfigExporter.GLOBAL_FILE));
        assertTrue(written * 2 < LoadLimits.MAX_FILE_BYTES,
                "written " + written + " bytes from " + yaml.length() + " characters: the shortcut's bound needs a wider margin");
    }

    @Test
    void aShortFileWithAliasesIsStillWrittenOutToCheckAndRefusedWhenTooBig() throws Exception {
        StringBuilder y = new StringBuilder("kistype: global\nbig: &b " + "v".repeat(4_000) + "\nx: [");
        for (int i = 0; y.length() < DocumentReader.SURELY_FITS_CHARS - 10; i++) {
            y.append(i == 0 ? "" : ",").append("*b"); // ~1,300 copies of 4,000 characters once expanded
        }
        String yaml = y.append("]\n").toString();
        assertTrue(yaml.length() <= DocumentReader.SURELY_FITS_CHARS);
        Path f = write(dir, "kis-flow.yml", yaml);
        assertError(ConfigLoader.load(f), f, 1, "would be over the limit", "aliases and merge keys expanded");
    }
}
