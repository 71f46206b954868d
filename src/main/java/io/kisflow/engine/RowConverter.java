package io.kisflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Converts a level's rows to a typed function's row type: a row already of that type is passed as
 * is, a JSON string is parsed, anything else goes through Jackson's convertValue, except maps into
 * plain records, which {@link MapToRecord} builds directly. When every row already has the type,
 * the level list itself is returned (no copy); otherwise one list per call.
 */
final class RowConverter<T> {
    private final Class<T> type;
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    /** Null when the type is not a plain record, or when its first direct result differed from Jackson's. */
    private volatile MapToRecord<T> direct;
    /** Set once a direct result was compared with Jackson's and was equal: until then each is compared. */
    private volatile boolean directChecked;

    RowConverter(Class<T> type, ObjectMapper mapper) {
        this.type = type;
        this.mapper = mapper;
        this.reader = mapper.readerFor(type);
        this.direct = MapToRecord.of(type);
    }

    Class<T> type() {
        return type;
    }

    /**
     * The rows for a typed call of {@code flow}'s current function, noting where Go differs: Go sends
     * rows already of the type through JSON too, and passes no rows when one cannot be decoded. With
     * Go semantics it does just that ({@link #convertAsGo}).
     */
    List<T> convertNoting(KisFlowRun flow, List<Object> rows) throws RowConversionException, FlowException {
        if (flow.goSemantics()) {
            return convertAsGo(flow, rows);
        }
        List<T> out;
        try {
            out = convert(rows);
        } catch (RowConversionException e) {
            flow.noteTyped(GoDifference.Kind.TYPED_ROW_UNCONVERTIBLE, "row " + (e.index() + 1) + " " + e.reason()
                    + ": a Go server only logs this, calls the function with no rows (a nil list) and the run goes on; here the run fails");
            throw e;
        }
        int asIs = out == (Object) rows ? rows.size() : countAsIs(rows);
        if (asIs > 0) {
            flow.noteTyped(GoDifference.Kind.TYPED_ROW_ROUND_TRIP, asIs + " of " + rows.size() + " rows already were "
                    + type.getSimpleName() + " and were passed as is: a Go server sends every row through JSON, so the function"
                    + " would get new copies, without what JSON leaves out (@JsonIgnore fields, for example)");
        }
        return out;
    }

    private int countAsIs(List<Object> rows) {
        int n = 0;
        for (Object row : rows) {
            if (type.isInstance(row)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Go's conversion: every row through JSON (a string is parsed, anything else written and read
     * back), and when one row fails, no rows at all (Go passes a nil slice, which Go code sees as
     * empty; Java code gets an empty list) while the run goes on.
     */
    List<T> convertAsGo(KisFlowRun flow, List<Object> rows) throws FlowException {
        List<T> out = new ArrayList<>(rows.size());
        int asIs = 0;
        for (int i = 0; i < rows.size(); i++) {
            Object row = rows.get(i);
            try {
                if (row == null) {
                    out.add(null);
                } else if (row instanceof String json) {
                    out.add(reader.readValue(json));
                } else {
                    asIs += type.isInstance(row) ? 1 : 0;
                    out.add(reader.readValue(mapper.writeValueAsBytes(row)));
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                flow.noteTyped(GoDifference.Kind.TYPED_ROW_UNCONVERTIBLE, "Go semantics: row " + (i + 1) + " "
                        + reasonOf(row, message) + ", so the function got no rows and the run went on, as on a Go server"
                        + " (the Java engine fails the run here)");
                return List.of();
            }
        }
        if (asIs > 0) {
            flow.noteTyped(GoDifference.Kind.TYPED_ROW_ROUND_TRIP, "Go semantics: all " + rows.size() + " rows went through JSON, as on"
                    + " a Go server, " + asIs + " of them already " + type.getSimpleName() + " (the Java engine passes those as is)");
        }
        return out;
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
            if (row instanceof Map<?, ?> map) {
                T built = directly(map);
                if (built != null) {
                    return directChecked ? built : checked(row, built);
                }
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

    /** The direct conversion, or null where Jackson must decide (including whatever the record's constructor throws). */
    private T directly(Map<?, ?> map) {
        MapToRecord<T> d = direct;
        if (d == null) {
            return null;
        }
        try {
            return d.convert(map);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // Jackson calls the constructor again and words the failure
        }
    }

    /**
     * The first direct result is compared with Jackson's, which is returned; if they differ (a
     * record shaped in a way {@link MapToRecord} did not foresee), Jackson converts from then on.
     */
    private synchronized T checked(Object row, T built) {
        T expected;
        try {
            expected = mapper.convertValue(row, type);
        } catch (IllegalArgumentException e) {
            direct = null;
            throw e;
        }
        if (direct != null && Objects.equals(expected, built)) {
            directChecked = true;
        } else {
            direct = null;
        }
        return expected;
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
