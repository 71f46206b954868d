package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.diff.DiffKind;
import io.kisflow.designer.debug.diff.DiffRow;
import io.kisflow.designer.debug.diff.LevelDiff;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The changed fields of the diff rows on screen, remembered: every visible cell asks whether its field
 * changed, and working that out compares the two rows as JSON trees.
 */
final class DiffChangedColumns {
    private static final int CACHE_SIZE = 512;

    private LevelDiff diff;
    private final Map<Integer, Set<String>> byEntry = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Set<String>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    boolean changed(DiffRow row, String column) {
        if (row.kind() != DiffKind.CHANGED) {
            return false;
        }
        if (row.diff() != diff) {
            diff = row.diff();
            byEntry.clear();
        }
        return byEntry.computeIfAbsent(row.entry(), e -> new HashSet<>(row.changedColumns())).contains(column);
    }
}
