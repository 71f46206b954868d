package io.kisflow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The comparison's quick path: whether an expected row (as a case file holds it: maps, lists,
 * strings, numbers, booleans, null) equals an actual row, without turning the expected row into a
 * JSON tree first. It answers only "equal" or "cannot tell": a row it cannot tell about (a
 * difference, a record, NaN) goes the whole way through {@link RowComparison}, which then also
 * builds what the failure shows. Numbers compare by value, as there (84 equals 84.0); an object's
 * key order does not matter, as in a JSON tree.
 */
final class SameValue {
    private SameValue() {
    }

    /** True when {@code expected} and {@code actual} (plain values, or {@code actual} a JSON tree) are equal. */
    static boolean equal(Object expected, Object actual) {
        if (actual instanceof JsonNode node) {
            return equalToTree(expected, node);
        }
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof String s) {
            return s.equals(actual);
        }
        if (expected instanceof Boolean b) {
            return b.equals(actual);
        }
        if (expected instanceof Number a && actual instanceof Number b) {
            return sameNumber(a, b);
        }
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : a.entrySet()) {
                Object other = b.get(e.getKey());
                if (!(e.getKey() instanceof String) || (other == null && !b.containsKey(e.getKey())) || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean equalToTree(Object expected, JsonNode actual) {
        if (expected == null) {
            return actual.isNull();
        }
        if (expected instanceof String s) {
            return actual.isTextual() && s.equals(actual.textValue());
        }
        if (expected instanceof Boolean b) {
            return actual.isBoolean() && b == actual.booleanValue();
        }
        if (expected instanceof Number n) {
            return actual.isNumber() && sameNumber(n, actual.numberValue());
        }
        if (expected instanceof Map<?, ?> m) {
            if (!actual.isObject() || actual.size() != m.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                JsonNode child = e.getKey() instanceof String k ? actual.get(k) : null;
                if (child == null || !equalToTree(e.getValue(), child)) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof List<?> l) {
            if (!actual.isArray() || actual.size() != l.size()) {
                return false;
            }
            Iterator<JsonNode> it = actual.elements();
            for (Object e : l) {
                if (!equalToTree(e, it.next())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean sameNumber(Number a, Number b) {
        if (whole(a) && whole(b)) {
            return a.longValue() == b.longValue();
        }
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static boolean whole(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    /** The value as a decimal, as a JSON tree's number has it; null for NaN and infinities (left to the tree). */
    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (whole(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        return Double.isNaN(d) || Double.isInfinite(d) ? null : BigDecimal.valueOf(d);
    }
}
