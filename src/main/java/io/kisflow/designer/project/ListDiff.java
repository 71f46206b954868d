package io.kisflow.designer.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines up the items of an old and a new list: items kept unchanged (longest common subsequence),
 * and between them, runs of removed and added items. Within a run, removed and added items are
 * paired as "changed" items, so an edited flow step is patched in place (its comments kept) instead
 * of being removed and written anew: first items that are alike (the same function in a step), in
 * order, then, between those, the rest by position.
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
    static List<int[]> align(int oldSize, int newSize, Same same, Same alike) {
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
                flush(removed, added, alike, script);
                script.add(new int[] {i++, j++});
            } else if (j < newSize && (i == oldSize || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(j++);
            } else {
                removed.add(i++);
            }
        }
        flush(removed, added, alike, script);
        return script;
    }

    private static void flush(List<Integer> removed, List<Integer> added, Same alike, List<int[]> script) {
        int r = 0;
        int a = 0;
        while (r < removed.size() || a < added.size()) {
            int[] anchor = nextAlike(removed, added, r, a, alike);
            int rEnd = anchor == null ? removed.size() : anchor[0];
            int aEnd = anchor == null ? added.size() : anchor[1];
            while (r < rEnd && a < aEnd) {
                script.add(new int[] {removed.get(r++), added.get(a++)});
            }
            while (r < rEnd) {
                script.add(new int[] {removed.get(r++), -1});
            }
            while (a < aEnd) {
                script.add(new int[] {-1, added.get(a++)});
            }
            if (anchor != null) {
                script.add(new int[] {removed.get(r++), added.get(a++)});
            }
        }
        removed.clear();
        added.clear();
    }

    /** Positions (in the run lists) of the next removed and added item that are alike, or null. */
    private static int[] nextAlike(List<Integer> removed, List<Integer> added, int r, int a, Same alike) {
        for (int x = r; x < removed.size(); x++) {
            for (int y = a; y < added.size(); y++) {
                if (alike.test(removed.get(x), added.get(y))) {
                    return new int[] {x, y};
                }
            }
        }
        return null;
    }
}
