package io.kisflow.config;

/**
 * YAML's quoted text, one escaper for the whole program: the exporter ({@link YamlWriter}), the
 * designer's in-place patching of files and the messages that quote a name all write the same
 * double-quoted form, which Go's yaml.v3 and SnakeYAML read back as the exact text.
 *
 * <pre>{@code YamlQuotes.doubleQuoted("a\"b\n")  // "a\"b\n" with the escapes}</pre>
 */
public final class YamlQuotes {
    private YamlQuotes() {
    }

    /** The double-quoted form: valid on one line whatever the text holds (line breaks, control characters, lone surrogates). */
    public static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                case 0x85 -> sb.append("\\N");
                case 0x2028 -> sb.append("\\L");
                case 0x2029 -> sb.append("\\P");
                default -> {
                    if (isPrintable(s, i)) {
                        sb.append(c);
                    } else if (c < 0x100) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The single-quoted form when the text can be written so (no escapes needed), else the double-quoted one. */
    public static String singleQuotedOrDouble(String s) {
        return needsEscapes(s) ? doubleQuoted(s) : "'" + s.replace("'", "''") + "'";
    }

    /** True when only the double-quoted form can hold the text: a tab, a line break or a character YAML does not print. */
    public static boolean needsEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\t' || !isPrintable(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** Characters YAML allows unescaped, without line breaks (NEL, LS, PS are breaks to YAML 1.1 readers). */
    static boolean isPrintable(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c <= 0x7E) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c >= 0xA0 && c != 0x2028 && c != 0x2029 && c != 0xFEFF && c <= 0xFFFD;
    }
}
