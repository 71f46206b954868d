package io.kisflow.designer.debug.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.kisflow.designer.debug.data.RowJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the text of the input editor (or of a function's pinned rows) into rows, and stored rows
 * back into text. Text mode: one row per line. JSON mode: every JSON value is a row, values separated
 * by whitespace (JSON lines, or pretty-printed values one after another).
 *
 * <pre>{@code ParsedRows p = RowsText.parse("{\"stu_id\":1}\n{\"stu_id\":2}", InputMode.JSON);}</pre>
 */
public final class RowsText {
    private RowsText() {
    }

    public static ParsedRows parse(String text, InputMode mode) {
        String t = text == null ? "" : text;
        return mode == InputMode.TEXT ? lines(t) : json(t);
    }

    private static ParsedRows lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(stripCr(text.substring(start, i)));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(stripCr(text.substring(start)));
        }
        List<Object> rows = Collections.unmodifiableList(new ArrayList<>(lines));
        return ParsedRows.ok(rows, List.copyOf(lines));
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static ParsedRows json(String text) {
        List<Object> rows = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        try (JsonParser p = RowJson.mapper().createParser(text)) {
            while (p.nextToken() != null) {
                Object value;
                try {
                    value = RowJson.mapper().readValue(p, Object.class);
                } catch (JsonProcessingException e) {
                    return failure(e, rows.size() + 1);
                }
                rows.add(value);
                stored.add(RowJson.compact(value));
            }
        } catch (JsonProcessingException e) {
            return failure(e, rows.size() + 1);
        } catch (IOException e) {
            return ParsedRows.failed("cannot read the rows: " + e.getMessage(), 0);
        }
        return ParsedRows.ok(Collections.unmodifiableList(rows), List.copyOf(stored));
    }

    static ParsedRows failure(JsonProcessingException e, int rowNumber) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        String where = at == null ? "" : "line " + line + ", column " + at.getColumnNr() + ": ";
        return ParsedRows.failed(where + "row " + rowNumber + " is not valid JSON: " + e.getOriginalMessage(), line);
    }

    /** The editor text for stored rows: one line each (JSON rows are stored compact, one per line). */
    public static String join(List<String> stored) {
        return String.join("\n", stored);
    }
}
