package io.kisflow.designer.debug.data;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a record row read straight from its accessors, under the names Jackson writes them
 * (so {@code @JsonProperty("stu_id")} is honoured), instead of building a JSON tree per row: the diff and
 * the inspector read one field of a hundred thousand rows. Only plain values take this way (text,
 * numbers, booleans, null); anything else, and records with custom serialisation, go through the tree
 * as before, so the result is always what the tree would give.
 *
 * <pre>{@code Object v = RecordFields.value(row, "stu_id");  // RecordFields.NOT_PLAIN: use the tree}</pre>
 */
public final class RecordFields {
    /** Returned when the fast way does not apply: read the field from the row's JSON tree. */
    public static final Object NOT_PLAIN = new Object();

    private static final ClassValue<Map<String, AnnotatedMember>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, AnnotatedMember> computeValue(Class<?> type) {
            return introspect(type);
        }
    };

    private RecordFields() {
    }

    /** The record's fields by JSON name, or null when the row is not a record read plainly. */
    public static Map<String, AnnotatedMember> of(Object row) {
        return row != null && row.getClass().isRecord() ? FIELDS.get(row.getClass()) : null;
    }

    /** The plain value of a field (null: the record has it and it is null, or it has no such field), or {@link #NOT_PLAIN}. */
    public static Object value(Object row, String column) {
        Map<String, AnnotatedMember> fields = of(row);
        if (fields == null) {
            return NOT_PLAIN;
        }
        AnnotatedMember m = fields.get(column);
        if (m == null) {
            return null;
        }
        Object v = m.getValue(row);
        return isPlain(v) ? v : NOT_PLAIN;
    }

    /** Text, a boxed number, a boolean or null: what a JSON tree holds as a value node. */
    public static boolean isPlain(Object v) {
        return v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Boolean || v instanceof Short || v instanceof Byte || v instanceof Float
                || v instanceof java.math.BigDecimal || v instanceof java.math.BigInteger;
    }

    private static Map<String, AnnotatedMember> introspect(Class<?> type) {
        try {
            var config = RowJson.mapper().getSerializationConfig();
            BeanDescription d = config.introspect(RowJson.mapper().constructType(type));
            if (d.findJsonValueAccessor() != null || d.getClassAnnotations().has(JsonSerialize.class)
                    || d.getClassAnnotations().has(JsonFormat.class)) {
                return null;
            }
            Map<String, AnnotatedMember> out = new LinkedHashMap<>();
            for (BeanPropertyDefinition p : d.findProperties()) {
                AnnotatedMember m = p.getAccessor();
                if (m == null) {
                    continue;
                }
                if (m.hasAnnotation(JsonSerialize.class) || m.hasAnnotation(JsonFormat.class) || m.hasAnnotation(JsonRawValue.class)
                        || m.hasAnnotation(JsonUnwrapped.class) || m.hasAnnotation(JsonValue.class)) {
                    return null;
                }
                m.fixAccess(true);
                out.put(p.getName(), m);
            }
            return out.isEmpty() ? null : out;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
