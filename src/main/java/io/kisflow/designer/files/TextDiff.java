package io.kisflow.designer.files;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff for the save preview: which lines a save removes ("- "), adds ("+ ") and keeps
 * ("  "), with unchanged stretches far from any change folded to "...". Files are small YAML
 * documents, so the plain LCS table is fine.
 */
public final class TextDiff {
    private static final int CONTEXT = 2;

    private TextDiff() {
    }

    public static List<String> lines(String oldText, String newText) {
        String[] a = split(oldText);
        String[] b = split(newText);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                all.add("  " + a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                all.add("+ " + b[j++]);
            } else {
                all.add("- " + a[i++]);
            }
        }
        return fold(all);
    }

    private static List<String> fold(List<String> all) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (!all.get(k).startsWith("  ")) {
                for (int d = Math.max(0, k - CONTEXT); d <= Math.min(all.size() - 1, k + CONTEXT); d++) {
                    keep[d] = true;
                }
            }
        }
        List<String> out = new ArrayList<>();
        boolean folded = false;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                out.add(all.get(k));
                folded = false;
            } else if (!folded) {
                out.add("  ...");
                folded = true;
            }
        }
        return out;
    }

    private static String[] split(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.split("\n", -1);
    }
}
