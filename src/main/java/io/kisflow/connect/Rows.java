package io.kisflow.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows as the built-in connectors store them: a string row as it is, any other row as compact JSON;
 * read back, a text is parsed as JSON when it parses and stays a string otherwise. So a row read
 * from the command line as JSON text is stored as that text and comes back as the object.
 */
final class Rows {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Rows() {
    }

    /** The text stored for a row. */
    static String text(Object row) throws JsonProcessingException {
        return row instanceof String s ? s : JSON.writeValueAsString(row);
    }

    /** The text of a row as one line: a string holding a line break is stored as a JSON string instead. */
    static String line(Object row) throws JsonProcessingException {
        if (row instanceof String s && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return JSON.writeValueAsString(row);
    }

    /** A stored text as a row: the JSON value when it is JSON, else the text. */
    static Object value(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return text;
        }
        char c = t.charAt(0);
        // only what can start a JSON value is tried: plain words stay strings without an exception
        if (c != '{' && c != '[' && c != '"' && c != '-' && !Character.isDigit(c) && !t.equals("true") && !t.equals("false") && !t.equals("null")) {
            return text;
        }
        try {
            return JSON.readValue(t, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /**
     * A row as a JSON object, field name to value, for the SQL types: a map as it is, a string that
     * holds a JSON object parsed, a record or bean by its properties; null when it is none of these.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object row) {
        if (row instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (row instanceof String s) {
            Object v = value(s);
            return v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
        }
        if (row == null || row instanceof Number || row instanceof Boolean || row instanceof Iterable<?> || row.getClass().isArray()) {
            return null;
        }
        try {
            Object v = JSON.convertValue(row, Object.class);
            return v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A row for a message: its text, cut to 120 characters. */
    static String shown(Object row) {
        String t;
        try {
            t = text(row);
        } catch (JsonProcessingException e) {
            t = String.valueOf(row);
        }
        return t.length() <= 120 ? t : t.substring(0, 117) + "...";
    }
}
