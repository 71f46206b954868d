package io.kisflow.designer.debug.inspect;

import io.kisflow.designer.debug.data.RowJson;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Computes a {@link RowView} (filter, then stable sort) over all rows of a level. Runs off the UI
 * thread; polls {@code cancelled} every few thousand rows so that typing in the filter field does
 * not queue up full scans of a million rows.
 */
final class RowViewBuilder {
    private static final int CHECK_EVERY = 4096;

    private RowViewBuilder() {
    }

    /** The view, or null when cancelled. */
    static RowView build(List<Object> rows, ViewSpec spec, BooleanSupplier cancelled) {
        int n = rows.size();
        if (spec.isIdentity()) {
            return RowView.identity(n);
        }
        int[] index = new int[n];
        int count = 0;
        if (spec.filter().isEmpty()) {
            for (int i = 0; i < n; i++) {
                index[i] = i;
            }
            count = n;
        } else {
            String needle = spec.filter();
            boolean matchCase = spec.matchCase();
            for (int i = 0; i < n; i++) {
                if ((i % CHECK_EVERY) == 0 && cancelled.getAsBoolean()) {
                    return null;
                }
                String text = RowJson.searchText(rows.get(i));
                if (matchCase ? text.contains(needle) : containsIgnoreCase(text, needle)) {
                    index[count++] = i;
                }
            }
        }
        if (spec.sort() != null && !sort(rows, index, count, spec.sort(), cancelled)) {
            return null;
        }
        return RowView.of(index, count);
    }

    /** Case-insensitive substring search without lowering a copy of every row. */
    static boolean containsIgnoreCase(String text, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        char first = needle.charAt(0);
        char lower = Character.toLowerCase(first);
        char upper = Character.toUpperCase(first);
        int last = text.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper || c == first) && text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sort(List<Object> rows, int[] index, int count, SortOrder order, BooleanSupplier cancelled) {
        // Keys are extracted once per row (a row may need a JSON tree); the sort then only compares them.
        Object[] keys = new Object[rows.size()];
        for (int k = 0; k < count; k++) {
            if ((k % CHECK_EVERY) == 0 && cancelled.getAsBoolean()) {
                return false;
            }
            int i = index[k];
            keys[i] = RowJson.sortKey(RowJson.field(rows.get(i), order.column()));
        }
        int sign = order.ascending() ? 1 : -1;
        return IndexSort.sort(index, count, (a, b) -> compareKeys(keys[a], keys[b], sign), cancelled);
    }

    /** Missing values last in both directions; numbers before booleans before text across types. */
    static int compareKeys(Object a, Object b, int sign) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return sign * Integer.compare(ra, rb);
        }
        int c;
        if (a instanceof Double x) {
            c = Double.compare(x, (Double) b);
        } else if (a instanceof Boolean x) {
            c = Boolean.compare(x, (Boolean) b);
        } else {
            c = ((String) a).compareTo((String) b);
        }
        return sign * c;
    }

    private static int rank(Object key) {
        if (key instanceof Double) {
            return 0;
        }
        return key instanceof Boolean ? 1 : 2;
    }
}
