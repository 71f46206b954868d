package io.kisflow.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-level rows of one flow instance: index 0 is the source level, index p+1 the level of the
 * function at chain position p (so the function at p always reads index p). Each index owns one
 * list that is reused run after run: committing swaps the function's buffer in and hands the old
 * list back, cleared, as the next buffer, so the engine never copies or allocates per row.
 *
 * <p>Only the running thread writes; it takes this object's lock for every change, and
 * {@link #snapshot()} takes it too, so another thread (a debugger) always sees a consistent state.
 */
final class LevelStore {
    private final String[] names;
    private final ArrayList<Object>[] lists;
    private final boolean[] present;

    @SuppressWarnings("unchecked")
    LevelStore(String[] functionNames) {
        int n = functionNames.length + 1;
        names = new String[n];
        names[0] = KisFlowRun.SOURCE_LEVEL;
        System.arraycopy(functionNames, 0, names, 1, functionNames.length);
        lists = new ArrayList[n];
        present = new boolean[n];
        for (int i = 0; i < n; i++) {
            lists[i] = new ArrayList<>();
        }
    }

    /** Makes {@code source} the source level, forgets every other level; returns an empty list to use as the next buffer. */
    ArrayList<Object> startRun(ArrayList<Object> source) {
        ArrayList<Object> recycled;
        synchronized (this) {
            recycled = lists[0];
            lists[0] = source;
            present[0] = true;
            for (int i = 1; i < present.length; i++) {
                present[i] = false;
            }
        }
        recycled.clear();
        return recycled;
    }

    /** The input level of the function at {@code position}, or null when that level does not exist in this run. */
    List<Object> input(int position) {
        return present[position] ? lists[position] : null;
    }

    /** The function at {@code position} committed {@code rows}: they become its level. Returns an empty list for the next buffer. */
    ArrayList<Object> commit(int position, ArrayList<Object> rows) {
        ArrayList<Object> recycled;
        synchronized (this) {
            recycled = lists[position + 1];
            lists[position + 1] = rows;
            present[position + 1] = true;
        }
        recycled.clear();
        return recycled;
    }

    /** DataReuse: the level of the function at {@code position} becomes a copy of its input level. */
    synchronized void reuseInput(int position) {
        ArrayList<Object> from = lists[position];
        ArrayList<Object> to = lists[position + 1];
        to.clear();
        to.ensureCapacity(from.size());
        for (int i = 0, n = from.size(); i < n; i++) {
            to.add(from.get(i));
        }
        present[position + 1] = true;
    }

    /** ForceEntryNext after nothing was committed: the function at {@code position} gets an empty level. */
    synchronized void setEmpty(int position) {
        lists[position + 1].clear();
        present[position + 1] = true;
    }

    /** The existing levels in chain order (source first), as immutable copies. */
    synchronized List<Level> snapshot() {
        List<Level> out = new ArrayList<>();
        for (int i = 0; i < lists.length; i++) {
            if (present[i]) {
                out.add(new Level(names[i], i - 1, Rows.snapshot(lists[i])));
            }
        }
        return out;
    }

    /** An immutable copy of one level's rows (empty when the level does not exist). */
    synchronized List<Object> snapshotRows(int index) {
        return present[index] ? Rows.snapshot(lists[index]) : List.of();
    }
}
