package io.kisflow.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Did you mean ...?" for misspelt keys and names: the closest candidate within a small edit distance.
 * Every lookup runs in time linear in the lengths involved (a banded edit distance that only compares
 * names of nearly equal length), and one set of lookups shares a budget of comparisons, so a file
 * naming thousands of missing functions beside thousands of functions stays fast: once the budget
 * is spent, further problems simply come without a suggestion.
 */
final class Suggestions {
    /** Cells of the edit-distance band one set of lookups may compute (about ten milliseconds). */
    static final long DEFAULT_BUDGET = 5_000_000;

    private final Collection<String> candidates;
    private Map<String, String> byNormalized;
    private Map<Integer, List<String>> byLength;
    private long budget;

    /** Lookups against {@code candidates} sharing {@code budget} cells of comparison. */
    Suggestions(Collection<String> candidates, long budget) {
        this.candidates = candidates;
        this.budget = budget;
    }

    /** One lookup against a short list (known keys, modes, types): no index is worth building. */
    static String closest(String word, Collection<String> candidates) {
        String near = new Suggestions(candidates, DEFAULT_BUDGET).closest(word);
        return near != null ? near : onlyOneStartingWith(word, candidates);
    }

    /**
     * A word of three letters or more that begins only one candidate (ignoring case, {@code _} and
     * {@code -}): "Calc" for Calculate. Only for the short lists, where a shortened word is the
     * usual slip and more than an edit or two away.
     */
    private static String onlyOneStartingWith(String word, Collection<String> candidates) {
        String w = normalize(word);
        if (w.length() < 3) {
            return null;
        }
        String found = null;
        for (String c : candidates) {
            if (normalize(c).startsWith(w) && !c.equals(word)) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    /**
     * The candidate that {@code word} most likely misspells (same letters ignoring case, {@code _}
     * and {@code -}, or at most one edit for short words and two for longer ones), or null.
     */
    String closest(String word) {
        if (candidates.isEmpty() || word.isEmpty()) {
            return null;
        }
        index();
        String same = byNormalized.get(normalize(word));
        if (same != null && !same.equals(word)) {
            return same;
        }
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestOrder = Integer.MAX_VALUE;
        for (int len = word.length() - allowed; len <= word.length() + allowed; len++) {
            for (String c : byLength.getOrDefault(len, List.of())) {
                if (c.equals(word)) {
                    continue;
                }
                long cost = (long) (2 * allowed + 1) * Math.min(word.length(), c.length());
                if (cost > budget) {
                    return best;
                }
                budget -= cost;
                int d = distance(word, c, allowed);
                int order = order(c);
                if (d <= allowed && (d < bestDistance || d == bestDistance && order < bestOrder)) {
                    best = c;
                    bestDistance = d;
                    bestOrder = order;
                }
            }
        }
        return best;
    }

    private Map<String, Integer> orders;

    /** Position of a candidate in the given collection: ties go to the first, as they always did. */
    private int order(String c) {
        return orders.get(c);
    }

    private void index() {
        if (byNormalized != null) {
            return;
        }
        byNormalized = new HashMap<>();
        byLength = new HashMap<>();
        orders = new HashMap<>();
        int i = 0;
        for (String c : candidates) {
            if (c.isEmpty() || orders.putIfAbsent(c, i++) != null) {
                continue;
            }
            byNormalized.putIfAbsent(normalize(c), c);
            byLength.computeIfAbsent(c.length(), k -> new ArrayList<>(1)).add(c);
        }
    }

    private static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Levenshtein distance ignoring case, or {@code limit + 1} once it must exceed {@code limit}.
     * Only the band of cells within {@code limit} of the diagonal can stay within the limit, so only
     * those are computed: time proportional to the length times the limit, not to the lengths' product.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int over = limit + 1;
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j <= limit ? j : over;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            cur[from - 1] = from == 1 && i <= limit ? i : over;
            int rowMin = cur[from - 1];
            char ca = Character.toLowerCase(a.charAt(i - 1));
            for (int j = from; j <= to; j++) {
                int cost = ca == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                cur[j] = Math.min(v, over);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < m) {
                cur[to + 1] = over; // the next row reads one cell past this row's band
            }
            if (rowMin > limit) {
                return over;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
