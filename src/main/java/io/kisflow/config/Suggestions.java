package io.kisflow.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for misspelt keys and names: the closest candidate within a small edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate that {@code word} most likely misspells (same letters ignoring case, {@code _}
     * and {@code -}, or at most one edit for short words and two for longer ones), or null.
     */
    static String closest(String word, Collection<String> candidates) {
        String w = normalize(word);
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(word) || c.isEmpty()) {
                continue;
            }
            int d = normalize(c).equals(w) ? 0 : distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT), allowed);
            if (d <= allowed && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
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

    /** Levenshtein distance, giving up (returning limit + 1) as soon as it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
