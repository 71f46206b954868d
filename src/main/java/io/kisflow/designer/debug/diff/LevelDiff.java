package io.kisflow.designer.debug.diff;

import io.kisflow.designer.debug.data.RowJson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The comparison of two levels, row by row: which rows are the same, changed, added (only on the
 * right) or removed (only on the left). Rows are aligned by index, or by the value of a key column
 * (rows with equal keys are paired in order). Held in arrays, so a million-row diff is three arrays.
 *
 * <pre>{@code LevelDiff d = LevelDiff.byKey(input.rows(), output.rows(), "stu_id", () -> false);
 * d.count(DiffKind.ADDED);}</pre>
 *
 * Order: by index, the rows in index order. By key, the right level's order, then the removed rows
 * in the left level's order.
 */
public final class LevelDiff {
    private static final int CHECK_EVERY = 4096;

    private final List<Object> left;
    private final List<Object> right;
    private final int[] leftIndex;
    private final int[] rightIndex;
    private final DiffKind[] kinds;
    private final int[] counts = new int[DiffKind.values().length];
    private int filled;

    private LevelDiff(List<Object> left, List<Object> right, int capacity) {
        this.left = left;
        this.right = right;
        this.leftIndex = new int[capacity];
        this.rightIndex = new int[capacity];
        this.kinds = new DiffKind[capacity];
    }

    private void add(int l, int r, DiffKind kind) {
        leftIndex[filled] = l;
        rightIndex[filled] = r;
        kinds[filled] = kind;
        counts[kind.ordinal()]++;
        filled++;
    }

    /** Pairs row i with row i; the longer level's extra rows are added or removed. Null when cancelled. */
    public static LevelDiff byIndex(List<Object> left, List<Object> right, BooleanSupplier cancelled) {
        int n = Math.max(left.size(), right.size());
        LevelDiff d = new LevelDiff(left, right, n);
        for (int i = 0; i < n; i++) {
            if ((i % CHECK_EVERY) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            if (i >= left.size()) {
                d.add(-1, i, DiffKind.ADDED);
            } else if (i >= right.size()) {
                d.add(i, -1, DiffKind.REMOVED);
            } else {
                d.add(i, i, RowEquality.same(left.get(i), right.get(i)) ? DiffKind.SAME : DiffKind.CHANGED);
            }
        }
        return d;
    }

    /** Pairs rows whose {@code keyColumn} has the same text (rows without it pair among themselves). Null when cancelled. */
    public static LevelDiff byKey(List<Object> left, List<Object> right, String keyColumn, BooleanSupplier cancelled) {
        // The left rows of one key, in order, as a chain through next[]: {first, last} per key and one
        // int per row, where a queue of boxed indexes per key cost more than the comparison itself.
        Map<String, int[]> byKey = new HashMap<>(Math.max(16, left.size() * 4 / 3 + 1));
        int[] next = new int[left.size()];
        for (int i = 0; i < left.size(); i++) {
            if ((i % CHECK_EVERY) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            next[i] = -1;
            int row = i;
            int[] chain = byKey.computeIfAbsent(key(left.get(i), keyColumn), k -> new int[] {row, -1});
            if (chain[1] >= 0) {
                next[chain[1]] = i;
            }
            chain[1] = i;
        }
        LevelDiff d = new LevelDiff(left, right, left.size() + right.size());
        boolean[] matched = new boolean[left.size()];
        for (int j = 0; j < right.size(); j++) {
            if ((j % CHECK_EVERY) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            int[] chain = byKey.get(key(right.get(j), keyColumn));
            int i = chain == null ? -1 : chain[0];
            if (i < 0) {
                d.add(-1, j, DiffKind.ADDED);
            } else {
                chain[0] = next[i];
                matched[i] = true;
                d.add(i, j, RowEquality.same(left.get(i), right.get(j)) ? DiffKind.SAME : DiffKind.CHANGED);
            }
        }
        for (int i = 0; i < left.size(); i++) {
            if (!matched[i]) {
                d.add(i, -1, DiffKind.REMOVED);
            }
        }
        return d;
    }

    /**
     * Aligns the levels as sequences with Myers' diff (java-diff-utils, linear space): rows are equal
     * when their JSON text is; the common start and end are paired before the algorithm sees the
     * rest. A replaced stretch pairs its rows in order (changed, or same when they differ only in
     * spelling, such as key order), the longer side's extra rows added or removed. Null when cancelled.
     */
    public static LevelDiff bySequence(List<Object> left, List<Object> right, BooleanSupplier cancelled) {
        String[] lt = texts(left, cancelled);
        String[] rt = lt == null ? null : texts(right, cancelled);
        if (rt == null) {
            return null;
        }
        int n = lt.length;
        int m = rt.length;
        int pre = 0;
        while (pre < n && pre < m && lt[pre].equals(rt[pre])) {
            pre++;
        }
        int suf = 0;
        while (suf < n - pre && suf < m - pre && lt[n - 1 - suf].equals(rt[m - 1 - suf])) {
            suf++;
        }
        List<com.github.difflib.algorithm.Change> changes;
        try {
            changes = new java.util.ArrayList<>(new com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace<String>().computeDiff(
                    java.util.Arrays.asList(lt).subList(pre, n - suf), java.util.Arrays.asList(rt).subList(pre, m - suf),
                    new com.github.difflib.algorithm.DiffAlgorithmListener() {
                        @Override
                        public void diffStart() {
                        }

                        @Override
                        public void diffStep(int value, int max) {
                            if (cancelled.getAsBoolean()) {
                                throw new java.util.concurrent.CancellationException();
                            }
                        }

                        @Override
                        public void diffEnd() {
                        }
                    }));
        } catch (java.util.concurrent.CancellationException e) {
            return null;
        }
        changes.sort(java.util.Comparator.comparingInt((com.github.difflib.algorithm.Change c) -> c.startOriginal)
                .thenComparingInt(c -> c.startRevised));
        // an insert touching a delete is one replaced stretch: its rows pair up as changed
        List<com.github.difflib.algorithm.Change> merged = new java.util.ArrayList<>();
        for (com.github.difflib.algorithm.Change c : changes) {
            com.github.difflib.algorithm.Change prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && c.deltaType != com.github.difflib.patch.DeltaType.EQUAL && prev.deltaType != com.github.difflib.patch.DeltaType.EQUAL
                    && c.startOriginal == prev.endOriginal && c.startRevised == prev.endRevised) {
                merged.set(merged.size() - 1, new com.github.difflib.algorithm.Change(com.github.difflib.patch.DeltaType.CHANGE,
                        prev.startOriginal, c.endOriginal, prev.startRevised, c.endRevised));
            } else {
                merged.add(c);
            }
        }
        changes = merged;
        LevelDiff d = new LevelDiff(left, right, n + m);
        int i = 0;
        int j = 0;
        for (com.github.difflib.algorithm.Change c : changes) {
            int so = pre + c.startOriginal;
            int eo = pre + c.endOriginal;
            int er = pre + c.endRevised;
            while (i < so) {
                d.add(i++, j++, DiffKind.SAME);
            }
            if (c.deltaType == com.github.difflib.patch.DeltaType.EQUAL) {
                while (i < eo) {
                    d.add(i++, j++, DiffKind.SAME);
                }
                continue;
            }
            while (i < eo && j < er) {
                d.add(i, j, RowEquality.same(left.get(i), right.get(j)) ? DiffKind.SAME : DiffKind.CHANGED);
                i++;
                j++;
            }
            while (i < eo) {
                d.add(i++, -1, DiffKind.REMOVED);
            }
            while (j < er) {
                d.add(-1, j++, DiffKind.ADDED);
            }
        }
        while (i < n && j < m) {
            d.add(i++, j++, DiffKind.SAME);
        }
        return d;
    }

    /** Each row's JSON text, the sequence diff's idea of equal rows. Null when cancelled. */
    private static String[] texts(List<Object> rows, BooleanSupplier cancelled) {
        String[] out = new String[rows.size()];
        int i = 0;
        for (Object row : rows) {   // one pass: a stored level's rows are read once
            if ((i % CHECK_EVERY) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            out[i++] = RowJson.compact(row);
        }
        return out;
    }

    private static String key(Object row, String keyColumn) {
        Object v = RowJson.field(row, keyColumn);
        // "\u0000" cannot be a cell's text: rows without the key pair only with each other.
        return v == null ? "\u0000" : RowJson.cellText(v);
    }

    /** Entries in the diff (pairs, added and removed rows). */
    public int size() {
        return filled;
    }

    public DiffKind kind(int entry) {
        check(entry);
        return kinds[entry];
    }

    /** The left level's row index of an entry, -1 for an added row. */
    public int leftIndex(int entry) {
        check(entry);
        return leftIndex[entry];
    }

    /** The right level's row index of an entry, -1 for a removed row. */
    public int rightIndex(int entry) {
        check(entry);
        return rightIndex[entry];
    }

    public int count(DiffKind kind) {
        return counts[kind.ordinal()];
    }

    /** True when both levels hold the same rows in the same pairing. */
    public boolean identical() {
        return counts[DiffKind.SAME.ordinal()] == filled;
    }

    /** The fields that differ in a changed entry (computed on demand; "value" for non-object rows). */
    public List<String> changedColumns(int entry) {
        if (kind(entry) != DiffKind.CHANGED) {
            return List.of();
        }
        return RowEquality.changedColumns(left.get(leftIndex[entry]), right.get(rightIndex[entry]));
    }

    public Object leftRow(int entry) {
        int i = leftIndex(entry);
        return i < 0 ? null : left.get(i);
    }

    public Object rightRow(int entry) {
        int j = rightIndex(entry);
        return j < 0 ? null : right.get(j);
    }

    private void check(int entry) {
        if (entry < 0 || entry >= filled) {
            throw new IndexOutOfBoundsException("entry " + entry + " of " + filled);
        }
    }
}
