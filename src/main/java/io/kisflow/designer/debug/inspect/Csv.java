package io.kisflow.designer.debug.inspect;

/** CSV fields as RFC 4180 wants them: quoted when they hold a comma, quote, CR or LF; quotes doubled. */
final class Csv {
    /** RFC 4180 separates records with CRLF. */
    static final String LINE_END = "\r\n";

    private Csv() {
    }

    static String field(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
