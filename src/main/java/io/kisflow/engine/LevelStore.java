package io.kisflow.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-level rows of one flow instance: index 0 is the source level, index p+1 the level of the
 * function at chain position p (so the function at p always reads index p). A level is the
 * {@link RowList} its function filled; once here it is never written again, so levels, inputs and
 * event rows are shared without copying, and DataReuse shares its input list as Go shares the slice.
 *
 * <p>Only the running thread changes the store, under this object's lock; {@link #snapshot()} takes
 * the lock too, so another thread (a debugger) always sees a consistent, safely published state.
 */
final class LevelStore {
    private static final RowList NONE = new RowList();
    private final String[] names;
    private final RowList[] lists;

    LevelStore(String[] functionNames) {
        int n = functionNames.length + 1;
        names = new String[n];
        names[0] = KisFlowRun.SOURCE_LEVEL;
        System.arraycopy(functionNames, 0, names, 1, functionNames.length);
        lists = new RowList[n];
    }

    /** Makes {@code source} the source level and forgets every other level. */
    synchronized void startRun(RowList source) {
        lists[0] = source;
        for (int i = 1; i < lists.length; i++) {
            lists[i] = null;
        }
    }

    /** The input level of the function at {@code position}, or null when that level does not exist in this run. */
    RowList input(int position) {
        return lists[position];
    }

    /** The function at {@code position} committed {@code rows}: they become its level. */
    synchronized void commit(int position, RowList rows) {
        lists[position + 1] = rows;
    }

    /** DataReuse: the level of the function at {@code position} is its input level. */
    synchronized void reuseInput(int position) {
        lists[position + 1] = lists[position];
    }

    /** ForceEntryNext after nothing was committed: the function at {@code position} gets an empty level. */
    synchronized void setEmpty(int position) {
        lists[position + 1] = NONE;
    }

    /** The existing levels in chain order (source first); their rows are read-only and never change. */
    synchronized List<Level> snapshot() {
        List<Level> out = new ArrayList<>();
        for (int i = 0; i < lists.length; i++) {
            if (lists[i] != null) {
                out.add(new Level(names[i], i - 1, lists[i]));
            }
        }
        return out;
    }
}
