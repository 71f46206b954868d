package io.kisflow.designer.debug;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The last runs of one flow, newest first, kept while the project is open (not saved). Bounded:
 * the oldest run is dropped when a new one would exceed the capacity.
 *
 * <pre>{@code historyList.setItems(session.flow("StuAvg").history().runs());}</pre>
 */
public final class RunHistory {
    private final int capacity;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> view = FXCollections.unmodifiableObservableList(runs);

    RunHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    void add(RunRecord run) {
        runs.add(0, run);
        if (runs.size() > capacity) {
            runs.remove(capacity, runs.size());
        }
    }

    public ObservableList<RunRecord> runs() {
        return view;
    }

    public int capacity() {
        return capacity;
    }

    /** The run with this number, or null when it is no longer kept. */
    public RunRecord find(int number) {
        for (RunRecord r : runs) {
            if (r.number() == number) {
                return r;
            }
        }
        return null;
    }
}
