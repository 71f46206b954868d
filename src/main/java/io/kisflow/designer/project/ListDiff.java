package io.kisflow.designer.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines up the items of an old and a new list: items kept unchanged (longest common subsequence),
 * and between them, runs of removed and added items. Within a run, removed and added items are
 * paired in order as "changed" items, so an edited flow step is patched in place (its comments kept)
 * instead of being removed and written anew.
 */
final class ListDiff {
    interface Same {
        boolean test(int oldIndex, int newIndex);
    }

    private ListDiff() {
    }

    /**
     * The edit script as pairs {@code [oldIndex, newIndex]} in list order: both set for an item kept
     * or changed, {@code [i, -1]} for a removed item, {@code [-1, j]} for an added one.
     */
    static List<int[]> align(int oldSize, int newSize, Same same) {
        int[][] lcs = new int[oldSize + 1][newSize + 1];
        for (int i = oldSize - 1; i >= 0; i--) {
            for (int j = newSize - 1; j >= 0; j--) {
                lcs[i][j] = same.test(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> script = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < oldSize || j < newSize) {
            if (i < oldSize && j < newSize && same.test(i, j) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                flush(removed, added, script);
                script.add(new int[] {i++, j++});
            } else if (j < newSize && (i == oldSize || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(j++);
            } else {
                removed.add(i++);
            }
        }
        flush(removed, added, script);
        return script;
    }

    private static void flush(List<Integer> removed, List<Integer> added, List<int[]> script) {
        int paired = Math.min(removed.size(), added.size());
        for (int k = 0; k < paired; k++) {
            script.add(new int[] {removed.get(k), added.get(k)});
        }
        for (int k = paired; k < removed.size(); k++) {
            script.add(new int[] {removed.get(k), -1});
        }
        for (int k = paired; k < added.size(); k++) {
            script.add(new int[] {-1, added.get(k)});
        }
        removed.clear();
        added.clear();
    }
}
