package io.kisflow.designer.debug.input;

import java.util.List;

/**
 * Rows read from text, or why they could not be: {@code error} is null on success; otherwise it
 * says where (line and column) and what is wrong, and {@code rows} is empty.
 *
 * @param rows      the rows, as functions will receive them
 * @param stored    one string per row, as the project's sidecar keeps them (a line, or compact JSON)
 * @param error     null, or a message naming the line
 * @param errorLine 1-based line of the error, 0 when there is none
 */
public record ParsedRows(List<Object> rows, List<String> stored, String error, int errorLine) {
    public static ParsedRows ok(List<Object> rows, List<String> stored) {
        return new ParsedRows(rows, stored, null, 0);
    }

    public static ParsedRows failed(String error, int line) {
        return new ParsedRows(List.of(), List.of(), error, line);
    }

    public boolean ok() {
        return error == null;
    }
}
