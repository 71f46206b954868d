package io.kisflow.designer.debug.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisflow.designer.debug.data.RowJson;

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
        return RowJson.tree(a).equals(NUMBERS_BY_VALUE, RowJson.tree(b));
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
