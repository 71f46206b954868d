package io.kisflow.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values (maps in their iteration order, lists, text, numbers, booleans, null) as
 * block YAML laid out like Go's yaml.v3: 4-space indentation, list items indented under their key,
 * {@code {}} and {@code []} for empty collections. Text is written plain when that reads back as the
 * same text; text that would read as another type (1, true, null, "", dates) is double-quoted as
 * yaml.v3 does, other unsafe text single-quoted, and multi-line text as a literal block when it can
 * be, else double-quoted with escapes. The output always reads back to equal values.
 */
final class YamlWriter {
    /** YAML limits implicit keys to 1024 characters; longer keys use the explicit "? key" form. */
    private static final int MAX_IMPLICIT_KEY = 1000;

    private final StringBuilder out = new StringBuilder(256);
    /** Null for yaml.v3's layout (its rounding to multiples of 4 is not a plain offset). */
    private final YamlStyle style;
    /** Characters after which writing stops (see {@link #document(Map, int)}). */
    private final int maxChars;

    private YamlWriter(YamlStyle style, int maxChars) {
        this.style = style == null || style.equals(YamlStyle.GO) ? null : style;
        this.maxChars = maxChars;
    }

    /** A whole document from a top-level mapping, in yaml.v3's layout. */
    static String document(Map<String, ?> top) {
        return document(top, YamlStyle.GO);
    }

    /** A whole document from a top-level mapping, in the given layout. */
    static String document(Map<String, ?> top, YamlStyle style) {
        return write(new YamlWriter(style, Integer.MAX_VALUE), top);
    }

    /**
     * The document in yaml.v3's layout, or null when its UTF-8 form is longer than {@code maxBytes}.
     * Writing stops as soon as the text passes the limit: values shared through aliases can make a
     * document far bigger than the file they were read from.
     */
    static String document(Map<String, ?> top, int maxBytes) {
        try {
            String text = write(new YamlWriter(YamlStyle.GO, maxBytes), top);
            return utf8Length(text) <= maxBytes ? text : null;
        } catch (TooLong e) {
            return null;
        }
    }

    private static String write(YamlWriter w, Map<String, ?> top) {
        if (top.isEmpty()) {
            w.out.append("{}\n");
        } else {
            w.mapping(top, 0, false);
        }
        return w.out.toString();
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3; // a surrogate pair is 4 bytes
        }
        return n;
    }

    /** A character is at least one byte: past maxChars characters the bytes are past the limit too. */
    private void checkLength() {
        if (out.length() > maxChars) {
            throw new TooLong();
        }
    }

    private static final class TooLong extends RuntimeException {
        TooLong() {
            super(null, null, false, false);
        }
    }

    /** yaml.v3's indentation: inside a list item "- " is skipped, everything else aligns to the next multiple of 4. */
    private static int childIndent(int indent) {
        return 4 * ((indent + 4) / 4);
    }

    private void mapping(Map<?, ?> map, int indent, boolean continuesLine) {
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(first && continuesLine)) {
                spaces(indent);
            }
            first = false;
            String key = scalarLine(e.getKey() == null ? "" : String.valueOf(e.getKey()));
            if (key.length() > MAX_IMPLICIT_KEY) {
                out.append("? ").append(key).append('\n');
                spaces(indent);
            } else {
                out.append(key);
            }
            out.append(':');
            value(e.getValue(), indent);
            checkLength();
        }
    }

    private int nested(int indent) {
        return style == null ? childIndent(indent) : indent + style.step();
    }

    private int dashes(int keyIndent) {
        return style == null ? childIndent(keyIndent) : keyIndent + style.sequenceOffset();
    }

    private int itemContent(int dash) {
        return style == null ? dash + 2 : dash + style.itemOffset();
    }

    /** The value after "key:" in a mapping whose keys are at {@code indent}. */
    private void value(Object v, int indent) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n');
            mapping(m, nested(indent), false);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            out.append('\n');
            sequence(l, dashes(indent), false);
        } else {
            out.append(' ');
            scalar(v, nested(indent));
        }
    }

    private void sequence(List<?> list, int indent, boolean continuesLine) {
        boolean first = true;
        for (Object item : list) {
            if (!(first && continuesLine)) {
                spaces(indent);
            }
            first = false;
            int content = itemContent(indent);
            out.append('-');
            spaces(content - indent - 1);
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                mapping(m, content, true);
            } else if (item instanceof List<?> l && !l.isEmpty()) {
                sequence(l, content, true);
            } else {
                scalar(item, nested(content));
            }
            checkLength();
        }
    }

    /** One scalar (or empty collection) and its line end; block text lines go at {@code blockIndent}. */
    private void scalar(Object v, int blockIndent) {
        if (v instanceof String s && s.indexOf('\n') >= 0 && canBeLiteral(s)) {
            literal(s, blockIndent);
            return;
        }
        out.append(scalarLine(v)).append('\n');
    }

    private static String scalarLine(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return Double.toString(d);
        }
        return text(String.valueOf(v));
    }

    /** Text on one line: plain, single-quoted or double-quoted, whichever reads back as this exact text. */
    static String text(String s) {
        if (looksLikeOtherType(s) || YamlQuotes.needsEscapes(s)) {
            return YamlQuotes.doubleQuoted(s);
        }
        if (canBePlain(s)) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /** Text yaml.v3 would read as null, a bool, a number or a date when unquoted (or that YAML 1.1 tools would). */
    static boolean looksLikeOtherType(String s) {
        return PlainScalars.kind(s) != PlainScalars.Kind.STRING || PlainScalars.isOldBool(s)
                || PlainScalars.isBase60Number(s) || s.equals("<<");
    }

    private static boolean canBePlain(String s) {
        if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
            return false;
        }
        char c = s.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0) {
            // "-x" is plain text to YAML; every other indicator would start YAML syntax
            if (c != '-' || s.length() == 1 || s.charAt(1) == ' ') {
                return false;
            }
        }
        if (s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        return !(s.contains(": ") || s.contains(" #") || s.endsWith(":"));
    }

    private static boolean canBeLiteral(String s) {
        if (s.indexOf('\r') >= 0 || s.endsWith("\n\n") || needsEscapesExceptNewline(s)) {
            return false;
        }
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        boolean sawContent = false;
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty() && line.isBlank()) {
                return false; // a line of only spaces would lose them
            }
            if (!sawContent && !line.isEmpty()) {
                if (line.charAt(0) == ' ') {
                    return false; // the first content line sets the indentation
                }
                sawContent = true;
            }
        }
        return sawContent;
    }

    private static boolean needsEscapesExceptNewline(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && (c == '\t' || !YamlQuotes.isPrintable(s, i))) {
                return true;
            }
        }
        return false;
    }

    private void literal(String s, int indent) {
        boolean keepNewline = s.endsWith("\n");
        out.append(keepNewline ? "|" : "|-").append('\n');
        String body = keepNewline ? s.substring(0, s.length() - 1) : s;
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                spaces(indent);
                out.append(line);
            }
            out.append('\n');
            checkLength();
        }
    }

    private void spaces(int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }
}
