package io.kisflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts a level's rows to a typed function's row type: a row already of that type is passed as
 * is, a JSON string is parsed, anything else goes through Jackson's convertValue. When every row
 * already has the type, the level list itself is returned (no copy); otherwise one list per call.
 */
final class RowConverter<T> {
    private final Class<T> type;
    private final ObjectMapper mapper;
    private final ObjectReader reader;

    RowConverter(Class<T> type, ObjectMapper mapper) {
        this.type = type;
        this.mapper = mapper;
        this.reader = mapper.readerFor(type);
    }

    Class<T> type() {
        return type;
    }

    @SuppressWarnings("unchecked")
    List<T> convert(List<Object> rows) throws RowConversionException {
        int n = rows.size();
        int first = 0;
        while (first < n && type.isInstance(rows.get(first))) {
            first++;
        }
        if (first == n) {
            return (List<T>) (List<?>) rows;
        }
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < first; i++) {
            out.add((T) rows.get(i));
        }
        for (int i = first; i < n; i++) {
            out.add(convertRow(i, rows.get(i)));
        }
        return out;
    }

    private T convertRow(int index, Object row) throws RowConversionException {
        if (row == null || type.isInstance(row)) {
            return type.cast(row);
        }
        try {
            if (row instanceof String json) {
                return reader.readValue(json);
            }
            return mapper.convertValue(row, type);
        } catch (JsonProcessingException e) {
            throw new RowConversionException(index, reasonOf(row, e.getOriginalMessage()), e);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonProcessingException j ? j : e;
            String message = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RowConversionException(index, reasonOf(row, message), cause);
        }
    }

    private String reasonOf(Object row, String message) {
        String kind = row instanceof String ? "JSON string"
                : row instanceof java.util.Map ? "map"
                : row instanceof java.util.Collection ? "list"
                : row instanceof Number ? "number"
                : row.getClass().getSimpleName();
        return "cannot convert " + kind + " " + preview(row) + " to " + type.getSimpleName() + ": " + message;
    }

    private static String preview(Object row) {
        String s = row instanceof String str ? str : String.valueOf(row);
        return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 77) + "...'";
    }
}
