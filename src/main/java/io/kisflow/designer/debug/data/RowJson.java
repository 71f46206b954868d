package io.kisflow.designer.debug.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Collection;
import java.util.Map;

/**
 * How the debugger sees a row: as a JSON tree (maps, records and POJOs through Jackson), as one line
 * of JSON, or as the text of one field. Rows that Jackson cannot serialise (cycles, beans without
 * properties) are shown as their {@code toString()}, never as an error: the inspector must open any
 * level a function can produce.
 *
 * <pre>{@code String cell = RowJson.cellText(RowJson.field(row, "stu_id"));}</pre>
 */
public final class RowJson {
    /** The single column of rows that are not objects (strings, numbers, lists). */
    public static final String VALUE_COLUMN = "value";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private RowJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The row as a JSON tree; an object row gives an ObjectNode, anything else a value or array node. */
    public static JsonNode tree(Object row) {
        if (row == null) {
            return NullNode.instance;
        }
        if (row instanceof JsonNode node) {
            return node;
        }
        if (row instanceof CharSequence s) {
            return TextNode.valueOf(s.toString());
        }
        try {
            JsonNode node = MAPPER.valueToTree(row);
            // A bean Jackson sees no property of would show as {}: its toString says more.
            if (node instanceof ObjectNode o && o.isEmpty() && !(row instanceof Map)) {
                return TextNode.valueOf(String.valueOf(row));
            }
            return node;
        } catch (IllegalArgumentException | StackOverflowError e) {
            return TextNode.valueOf(String.valueOf(row));
        }
    }

    /** The row as one line of JSON (a string row becomes a quoted JSON string). */
    public static String compact(Object row) {
        if (row instanceof Map<?, ?> m) {
            String flat = FlatJson.write(m);
            if (flat != null) {
                return flat;
            }
        }
        if (row == null || row instanceof CharSequence || row instanceof JsonNode) {
            return write(tree(row), row);
        }
        // Written directly, without a tree in between: filtering a million rows renders each one.
        String json = write(row, row);
        if ("{}".equals(json) && !(row instanceof Map)) {
            return write(tree(row), row);
        }
        return json;
    }

    private static String write(Object value, Object row) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | StackOverflowError e) {
            return write(TextNode.valueOf(String.valueOf(row)), null);
        }
    }

    /** The row as indented JSON, for the raw view. */
    public static String pretty(Object row) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(row));
        } catch (JsonProcessingException e) {
            return String.valueOf(row);
        }
    }

    /** The text the filter searches: a scalar's own text, other rows as one line of JSON. */
    public static String searchText(Object row) {
        if (row instanceof CharSequence || row instanceof Number || row instanceof Boolean) {
            return row.toString();
        }
        return row == null ? "null" : compact(row);
    }

    /** True when the row is shown as fields (a map, record or POJO), false when it is one value. */
    public static boolean isObjectRow(Object row) {
        if (row == null || row instanceof CharSequence || row instanceof Number || row instanceof Boolean
                || row instanceof Collection || row.getClass().isArray()) {
            return false;
        }
        return row instanceof Map || tree(row).isObject();
    }

    /**
     * The value of one column of a row, without building a tree for maps with string keys (the
     * common case, and the one that must stay fast over a million rows). Returns null when the row
     * has no such field; a non-object row has only {@link #VALUE_COLUMN}.
     */
    public static Object field(Object row, String column) {
        if (row instanceof Map<?, ?> m && hasStringKeys(m)) {
            return m.get(column);
        }
        if (!isObjectRowFast(row)) {
            return VALUE_COLUMN.equals(column) ? row : null;
        }
        Object plain = RecordFields.value(row, column);
        if (plain != RecordFields.NOT_PLAIN) {
            return plain;   // a record's field, without a tree per row
        }
        JsonNode node = tree(row);
        if (!node.isObject()) {
            return VALUE_COLUMN.equals(column) ? node : null;
        }
        return node.get(column);
    }

    /**
     * The field names of all these rows, in first-seen order. A record's fields are those of its class,
     * so each record class is looked at once (not a JSON tree per row). Null when cancelled.
     */
    public static java.util.Set<String> columnsOf(java.util.List<Object> rows, int from, int to, java.util.function.BooleanSupplier cancelled) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        java.util.Set<Class<?>> recordsSeen = new java.util.HashSet<>();
        for (int i = from; i < to; i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            Object row = rows.get(i);
            if (row != null && row.getClass().isRecord() && !recordsSeen.add(row.getClass())) {
                continue;
            }
            collectColumns(row, names);
        }
        return names;
    }

    /**
     * True when a cell of this row needs the row's JSON tree (records, POJOs, maps with non-string
     * keys): the inspector caches those trees for the visible rows.
     */
    public static boolean needsTree(Object row) {
        if (row instanceof Map<?, ?> m) {
            return !hasStringKeys(m);
        }
        return isObjectRowFast(row) && !(row instanceof JsonNode);
    }

    /** One column of a row's tree, as {@link #field} gives it. */
    public static Object fieldOfTree(JsonNode tree, String column) {
        if (tree.isObject()) {
            return tree.get(column);
        }
        return VALUE_COLUMN.equals(column) ? tree : null;
    }

    /** The field names of a row in their order: map keys, record components, bean properties, or "value". */
    public static void collectColumns(Object row, java.util.Set<String> into) {
        if (row instanceof Map<?, ?> m) {
            if (hasStringKeys(m)) {
                for (Object k : m.keySet()) {
                    into.add((String) k);
                }
                return;
            }
        } else if (!isObjectRowFast(row)) {
            into.add(VALUE_COLUMN);
            return;
        }
        JsonNode node = tree(row);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(into::add);
        } else {
            into.add(VALUE_COLUMN);
        }
    }

    /** A field value as a table cell: text as is, numbers and booleans printed, nested values as JSON, missing as "". */
    public static String cellText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return "";
            }
            return node.isValueNode() ? node.asText() : compact(node);
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return compact(value);
    }

    /** A field value as a sort key: a Double for numbers, Boolean, String for the rest, null when missing. */
    public static Object sortKey(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isNumber()) {
                return node.doubleValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return node.isTextual() ? node.textValue() : compact(node);
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value == null || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return cellText(value);
    }

    private static boolean isObjectRowFast(Object row) {
        return !(row == null || row instanceof CharSequence || row instanceof Number || row instanceof Boolean
                || row instanceof Collection || row.getClass().isArray());
    }

    private static boolean hasStringKeys(Map<?, ?> m) {
        if (m.isEmpty()) {
            return true;
        }
        // Maps are homogeneous in practice (JSON objects, Jackson output): the first key decides.
        return m.keySet().iterator().next() instanceof String;
    }
}
