package io.kisflow.designer.debug.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import io.kisflow.designer.debug.data.RecordFields;
import io.kisflow.designer.debug.data.RowJson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When two rows are "the same" for the diff: equal as JSON, with numbers equal by value (an int 3 and
 * a long 3 are the same row; a record and a map with the same fields are too). A string is never
 * equal to a number, as in the data the functions see.
 */
final class RowEquality {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private RowEquality() {
    }

    static boolean same(Object a, Object b) {
        if (a == b || (a instanceof CharSequence && b instanceof CharSequence && a.toString().equals(b.toString()))) {
            return true;
        }
        if (a instanceof CharSequence || b instanceof CharSequence) {
            return false;
        }
        if (Objects.equals(a, b) && a != null && a.getClass() == b.getClass()) {
            return true;
        }
        Boolean flat = sameFlat(a, b);
        return flat != null ? flat : RowJson.tree(a).equals(NUMBERS_BY_VALUE, RowJson.tree(b));
    }

    /**
     * The same answer as comparing the JSON trees, for rows whose fields are all plain values (maps
     * with text keys and records, as typed functions make them), without building the trees or any
     * other object: a hundred thousand rows compare in milliseconds. Null when a row is not flat:
     * compare the trees.
     */
    private static Boolean sameFlat(Object a, Object b) {
        Map<String, AnnotatedMember> aFields = a instanceof Map<?, ?> ? null : RecordFields.of(a);
        Map<String, AnnotatedMember> bFields = b instanceof Map<?, ?> ? null : RecordFields.of(b);
        if ((aFields == null && !(a instanceof Map<?, ?>)) || (bFields == null && !(b instanceof Map<?, ?>))) {
            return null;
        }
        int size = aFields != null ? aFields.size() : ((Map<?, ?>) a).size();
        if (size != (bFields != null ? bFields.size() : ((Map<?, ?>) b).size())) {
            return false;   // JSON objects of different sizes: whatever their values, the trees differ too
        }
        // Same size and every name of a found in b: b has no other names, so every value is visited.
        if (aFields != null) {
            for (Map.Entry<String, AnnotatedMember> f : aFields.entrySet()) {
                Boolean same = samePlainField(f.getValue().getValue(a), b, bFields, f.getKey());
                if (same != Boolean.TRUE) {
                    return same;
                }
            }
            return true;
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) a).entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                return null;
            }
            Boolean same = samePlainField(e.getValue(), b, bFields, name);
            if (same != Boolean.TRUE) {
                return same;
            }
        }
        return true;
    }

    /** Whether row b's field {@code name} equals the plain value l; null when either is not plain. */
    private static Boolean samePlainField(Object l, Object b, Map<String, AnnotatedMember> bFields, String name) {
        if (!RecordFields.isPlain(l)) {
            return null;
        }
        Object r;
        if (bFields != null) {
            AnnotatedMember m = bFields.get(name);
            if (m == null) {
                return false;
            }
            r = m.getValue(b);
        } else {
            Map<?, ?> map = (Map<?, ?>) b;
            r = map.get(name);
            if (r == null && !map.containsKey(name)) {
                return false;
            }
        }
        if (!RecordFields.isPlain(r)) {
            return null;
        }
        return samePlain(l, r);
    }

    /** Plain values as JSON compares them: numbers by value, text never equal to a number. */
    private static boolean samePlain(Object l, Object r) {
        if (l == null || r == null) {
            return l == r;
        }
        if (l instanceof Number a && r instanceof Number b) {
            if (integral(a) && integral(b)) {
                return a.longValue() == b.longValue();
            }
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x != null && y != null ? x.compareTo(y) == 0 : Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return l.getClass() == r.getClass() && l.equals(r);
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    /** As Jackson's decimalValue(); null for NaN and infinities. */
    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (integral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }

    /** The fields that differ, in left-then-right order; "value" for rows that are not objects. */
    static List<String> changedColumns(Object a, Object b) {
        JsonNode left = RowJson.tree(a);
        JsonNode right = RowJson.tree(b);
        if (!left.isObject() || !right.isObject()) {
            return same(a, b) ? List.of() : List.of(RowJson.VALUE_COLUMN);
        }
        Set<String> names = new LinkedHashSet<>();
        left.fieldNames().forEachRemaining(names::add);
        right.fieldNames().forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            JsonNode l = left.get(name);
            JsonNode r = right.get(name);
            if (l == null || r == null || !l.equals(NUMBERS_BY_VALUE, r)) {
                changed.add(name);
            }
        }
        return changed;
    }
}
