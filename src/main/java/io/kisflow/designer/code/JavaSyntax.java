package io.kisflow.designer.code;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java highlighting for the Code tab: style classes for keywords, strings (text blocks included),
 * comments, numbers, annotations and brackets, and the pair of brackets at the caret. A regular
 * expression is enough for a single function file and costs well under a millisecond per keystroke.
 */
final class JavaSyntax {
    private static final String KEYWORDS = String.join("|", List.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "record", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "var", "void", "volatile",
            "while", "yield", "true", "false", "null"));
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>//[^\n]*|/\\*(?s:.)*?\\*/)"
                    + "|(?<TEXTBLOCK>\"\"\"(?s:.)*?\"\"\")"
                    + "|(?<STRING>\"([^\"\\\\\n]|\\\\.)*\"|'([^'\\\\\n]|\\\\.)*')"
                    + "|(?<ANNOTATION>@\\w+)"
                    + "|(?<KEYWORD>\\b(" + KEYWORDS + ")\\b)"
                    + "|(?<NUMBER>\\b\\d[\\d_]*(\\.\\d+)?[lLfFdD]?\\b)"
                    + "|(?<BRACKET>[(){}\\[\\]])");

    private JavaSyntax() {
    }

    /** Style spans for the whole text; {@code matched} are the two bracket offsets to mark (or -1). */
    static StyleSpans<Collection<String>> highlight(String text, int matchedA, int matchedB) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            String cls = m.group("COMMENT") != null ? "code-comment"
                    : m.group("TEXTBLOCK") != null || m.group("STRING") != null ? "code-string"
                    : m.group("ANNOTATION") != null ? "code-annotation"
                    : m.group("KEYWORD") != null ? "code-keyword"
                    : m.group("NUMBER") != null ? "code-number"
                    : (m.start() == matchedA || m.start() == matchedB) ? "code-bracket-match" : "code-bracket";
            b.add(List.of(), m.start() - last);
            b.add(List.of(cls), m.end() - m.start());
            last = m.end();
        }
        b.add(List.of(), text.length() - last);
        return b.create();
    }

    /**
     * The offset of the bracket matching the one just before or at {@code caret}, as {start, match};
     * {-1, -1} when the caret is at no bracket. Brackets inside strings and comments are not skipped:
     * good enough to see a block's extent.
     */
    static int[] matchAt(String text, int caret) {
        for (int at : new int[] {caret - 1, caret}) {
            if (at < 0 || at >= text.length()) {
                continue;
            }
            char c = text.charAt(at);
            int open = "({[".indexOf(c);
            int close = ")}]".indexOf(c);
            if (open >= 0) {
                return new int[] {at, scan(text, at, 1, c, ")}]".charAt(open))};
            }
            if (close >= 0) {
                return new int[] {at, scan(text, at, -1, c, "({[".charAt(close))};
            }
        }
        return new int[] {-1, -1};
    }

    private static int scan(String text, int from, int step, char self, char other) {
        int depth = 0;
        for (int i = from; i >= 0 && i < text.length(); i += step) {
            char c = text.charAt(i);
            if (c == self) {
                depth++;
            } else if (c == other && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
