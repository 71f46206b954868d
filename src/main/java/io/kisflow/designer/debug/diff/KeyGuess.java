package io.kisflow.designer.debug.diff;

import io.kisflow.designer.debug.data.RowJson;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses the column that identifies a row in both levels of a diff, so that a function that drops
 * or adds rows shows them as removed or added rather than every later row as changed: a column of
 * both first rows named "id" or ending in "id" ("stu_id", "orderId") whose values are present and
 * distinct in the first rows of the left level. Null when there is none: rows pair by position.
 *
 * <pre>{@code String key = KeyGuess.of(before.rows(), after.rows());}</pre>
 */
public final class KeyGuess {
    /** Enough rows to trust the guess; the guess must cost nothing next to the diff. */
    private static final int SAMPLE = 10_000;

    private KeyGuess() {
    }

    public static String of(List<Object> left, List<Object> right) {
        if (left.isEmpty() || right.isEmpty() || !RowJson.isObjectRow(left.get(0)) || !RowJson.isObjectRow(right.get(0))) {
            return null;
        }
        Set<String> both = new LinkedHashSet<>();
        RowJson.collectColumns(left.get(0), both);
        Set<String> rightColumns = new LinkedHashSet<>();
        RowJson.collectColumns(right.get(0), rightColumns);
        both.retainAll(rightColumns);
        for (String c : both) {
            String n = c.toLowerCase(Locale.ROOT);
            if ((n.equals("id") || n.endsWith("id")) && distinct(left, c)) {
                return c;
            }
        }
        return null;
    }

    private static boolean distinct(List<Object> rows, String column) {
        Set<Object> seen = new HashSet<>();
        int n = Math.min(rows.size(), SAMPLE);
        for (int i = 0; i < n; i++) {
            Object v = RowJson.field(rows.get(i), column);
            if (v == null || !seen.add(RowJson.cellText(v))) {
                return false;
            }
        }
        return true;
    }
}
