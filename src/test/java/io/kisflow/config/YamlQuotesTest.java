package io.kisflow.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one YAML escaper (issue 10, §5): the exporter and the designer's in-place patching used two
 * that had drifted (the designer's wrote a lone surrogate raw, which UTF-8 cannot hold, and escaped
 * NEL, LS and PS differently). The hard cases read back as the exact text.
 */
class YamlQuotesTest {
    private static final List<String> HARD = List.of(
            "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "cr\rlf", "nul\0", "bell\u0007", "del\u007F",
            "c1\u0085nel", "c1\u009F", "ls\u2028ps\u2029", "bom\uFEFF", "no\uFFFE", "emoji \uD83D\uDE00",
            "lone high \uD83D end", "lone low \uDE00 end", "", " spaced ", "'single'", "# not a comment", "ü é 中");

    @Test
    void hardCasesReadBackAsTheSameText() {
        for (String s : HARD) {
            assertEquals(s, read(YamlQuotes.doubleQuoted(s)), "double-quoted " + YamlQuotes.doubleQuoted(s));
            assertEquals(s, read(YamlQuotes.singleQuotedOrDouble(s)), "quoted " + YamlQuotes.singleQuotedOrDouble(s));
        }
    }

    @Test
    void escapesAreTheOnesGoWrites() {
        assertEquals("\"say \\\"hi\\\" \\\\ \\n\\t\\r\\0\"", YamlQuotes.doubleQuoted("say \"hi\" \\ \n\t\r\0"));
        assertEquals("\"\\x07\\x7F\\N\\x9F\\L\\P\\uFEFF\"", YamlQuotes.doubleQuoted("\u0007\u007F\u0085\u009F\u2028\u2029\uFEFF"));
        assertEquals("\"\\uD83D|\\uDE00|\uD83D\uDE00\"", YamlQuotes.doubleQuoted("\uD83D|\uDE00|\uD83D\uDE00"));
        assertEquals("'it''s'", YamlQuotes.singleQuotedOrDouble("it's"));
        assertEquals("\"it's\\ttabbed\"", YamlQuotes.singleQuotedOrDouble("it's\ttabbed"));
    }

    @Test
    void theExporterWritesTheSameQuotes() {
        for (String s : HARD) {
            String yaml = YamlWriter.document(Map.of("k", s));
            assertEquals(s, ((Map<?, ?>) new Yaml(new LoaderOptions()).load(yaml)).get("k"), yaml);
        }
    }

    private static Object read(String scalar) {
        return ((Map<?, ?>) new Yaml(new LoaderOptions()).load("k: " + scalar + "\n")).get("k");
    }
}
