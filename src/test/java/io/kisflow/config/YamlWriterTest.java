package io.kisflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quoting and layout: plain where safe, quoted where text would read back as something else. */
class YamlWriterTest {
    private static String value(String s) {
        return YamlWriter.text(s);
    }

    @Test
    void plainTextStaysPlain() {
        for (String s : List.of("abc", "funcName1", "0.0.0.0:9988,0.0.0.0:9999", "a:b", "a#b", "-x", "ünïcödé", "中文", "😀 ok",
                "x, y", "a [b] {c}", "it's")) {
            assertEquals(s, value(s), s);
        }
    }

    @Test
    void textThatWouldReadAsAnotherTypeIsDoubleQuotedLikeYamlV3() {
        for (String s : List.of("1", "-1", "1.5", "1e3", "0x1F", "0o17", "1_000", ".5", ".inf", ".nan", "true", "False", "null",
                "Null", "~", "", "yes", "No", "on", "OFF", "y", "n", "2024-01-02", "190:20:30", "<<")) {
            assertEquals("\"" + s + "\"", value(s), s);
        }
    }

    @Test
    void textThatWouldBreakYamlIsSingleQuoted() {
        assertEquals("': '", value(": "));
        assertEquals("'a: b'", value("a: b"));
        assertEquals("'- x'", value("- x"));
        assertEquals("'#'", value("#"));
        assertEquals("'a #b'", value("a #b"));
        assertEquals("'trail '", value("trail "));
        assertEquals("' lead'", value(" lead"));
        assertEquals("'*ref'", value("*ref"));
        assertEquals("'---'", value("---"));
        assertEquals("'key:'", value("key:"));
        assertEquals("'''quoted'''", value("'quoted'"));
    }

    @Test
    void controlCharactersAndBreaksAreEscaped() {
        assertEquals("\"a\\nb\"", value("a\nb"));
        assertEquals("\"a\\tb\"", value("a\tb"));
        assertEquals("\"nul\\0\"", value("nul\0"));
        assertEquals("\"bell\\x07\"", value("bell\u0007"));
        assertEquals("\"nel\\N ls\\L\"", value("nel\u0085 ls\u2028"));
        assertEquals("\"bom\\uFEFF\"", value("bom\uFEFF"));
        assertEquals("\"say \\\"hi\\\" \\\\ bye\\n\"", value("say \"hi\" \\ bye\n"));
    }

    @Test
    void multiLineTextIsALiteralBlockWhenItCanBe() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("keep", "one\ntwo\n");
        doc.put("strip", "one\n\ntwo");
        doc.put("indented", " one\ntwo");
        doc.put("list", List.of("a\nb"));
        assertEquals("""
                keep: |
                    one
                    two
                strip: |-
                    one

                    two
                indented: " one\\ntwo"
                list:
                    - |-
                        a
                        b
                """, YamlWriter.document(doc));
    }

    @Test
    void nestingFollowsYamlV3Indentation() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("m", Map.of("k", List.of(Map.of("a", Map.of("b", 1)), List.of("x", "y"), List.of(), Map.of())));
        assertEquals("""
                m:
                    k:
                        - a:
                            b: 1
                        - - x
                          - "y"
                        - []
                        - {}
                """, YamlWriter.document(doc));
    }

    @Test
    void numbersBooleansAndNullKeepTheirType() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("i", 3L);
        doc.put("d", 0.25);
        doc.put("e", 1.0e20);
        doc.put("inf", Double.NEGATIVE_INFINITY);
        doc.put("b", true);
        doc.put("none", null);
        assertEquals("i: 3\nd: 0.25\ne: 1.0E20\ninf: -.inf\nb: true\nnone: null\n", YamlWriter.document(doc));
    }

    @Test
    void veryLongKeysUseTheExplicitForm() {
        String key = "k".repeat(1200);
        String yaml = YamlWriter.document(Map.of(key, "v"));
        assertEquals("? " + key + "\n: v\n", yaml);
    }
}
