package io.kisflow.designer.debug;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/**
 * The run history a project keeps on disk, for the History tab: the stored runs (newest first), each
 * finished run saved as it ends, "Open" (a stored run back on the cards and in the in-memory history,
 * to compare with the current run), "Delete", and traces imported and exported. Files are read and
 * written on the background executor; the lists and the message change on the UI thread. Files that
 * cannot be read are listed in {@link #skipped()} and never stop the rest.
 *
 * <pre>{@code StoredRuns stored = session.storedRuns();
 * list.setItems(stored.runs());
 * openButton.setOnAction(e -> stored.open(list.getSelectionModel().getSelectedItem()));}</pre>
 */
public final class StoredRuns {
    /** What the history needs of the session. */
    interface Host {
        FlowDebugState flow(String name);

        /** The numbers up to {@code n} are taken by stored runs. */
        void reserveNumbers(int n);

        int nextNumber();
    }

    private final RunStore store;
    private final Host host;
    private final Executor ui;
    private final Executor background;
    private final ObservableList<StoredRun> runs = FXCollections.observableArrayList();
    private final ObservableList<StoredRun> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<String> skipped = FXCollections.observableArrayList();
    private final ObservableList<String> skippedView = FXCollections.unmodifiableObservableList(skipped);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    StoredRuns(RunStore store, Host host, Executor ui, Executor background) {
        this.store = store;
        this.host = host;
        this.ui = ui;
        this.background = background;
        refresh();
    }

    /** Lists the runs on disk again (off the UI thread). */
    public void refresh() {
        background.execute(() -> {
            try {
                RunStore.Listing l = store.list();
                ui.execute(() -> listed(l));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set("Could not list the stored runs in " + store.directory() + ": " + e.getMessage()));
            }
        });
    }

    private void listed(RunStore.Listing l) {
        runs.setAll(l.runs());
        skipped.setAll(l.skipped());
        l.runs().stream().mapToInt(StoredRun::number).max().ifPresent(host::reserveNumbers);
        if (!l.skipped().isEmpty()) {
            message.set(l.skipped().size() == 1 ? l.skipped().get(0)
                    : l.skipped().size() + " files in " + RunStore.DIR + " could not be read and were skipped: " + l.skipped().get(0) + " …");
        }
    }

    /** Keeps a finished run on disk (off the UI thread); dropped old runs and refusals are said in the message. */
    void save(RunRecord record) {
        background.execute(() -> {
            try {
                RunStore.Saved s = store.save(record);
                RunStore.Listing l = store.list();
                ui.execute(() -> {
                    listed(l);
                    if (s.refused() != null) {
                        message.set(s.refused());
                    } else if (!s.dropped().isEmpty()) {
                        message.set("Kept run #" + record.number() + " of " + record.flowName() + "; dropped the oldest "
                                + (s.dropped().size() == 1 ? "run" : s.dropped().size() + " runs") + " to stay within "
                                + store.limits().maxRuns() + " runs and " + StoredRun.size(store.limits().maxBytes()));
                    }
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set("Could not keep run #" + record.number() + " of " + record.flowName() + " in "
                        + store.directory() + ": " + e.getMessage() + " (it stays in this session's history)"));
            }
        });
    }

    /** Reads a stored run and shows it on its flow's cards, in the flow's history beside the runs made since. */
    public void open(StoredRun run) {
        if (run == null) {
            return;
        }
        message.set("Opening run #" + run.number() + " of " + run.flowName() + "…");
        background.execute(() -> {
            try {
                RunRecord r = store.load(run);
                ui.execute(() -> show(r, "Opened run #" + r.number() + " of " + r.flowName() + " from " + run.file().getFileName()));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set("Could not open run #" + run.number() + ": " + e.getMessage()));
            }
        });
    }

    /** Deletes a stored run from disk (the in-memory history keeps it while the project is open). */
    public void delete(StoredRun run) {
        if (run == null) {
            return;
        }
        background.execute(() -> {
            try {
                store.delete(run);
                RunStore.Listing l = store.list();
                ui.execute(() -> {
                    listed(l);
                    message.set("Deleted run #" + run.number() + " of " + run.flowName() + " from disk");
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set("Could not delete " + run.file() + ": " + e.getMessage()));
            }
        });
    }

    /** Imports a trace written by {@code run --trace}: shown like a run made here, and kept like one. */
    public void importTrace(Path file) {
        message.set("Importing " + file.getFileName() + "…");
        background.execute(() -> {
            try {
                RunRecord r = RunTrace.read(file, 0);
                ui.execute(() -> {
                    RunRecord numbered = r.withNumber(host.nextNumber());
                    if (show(numbered, "Imported " + file.getFileName() + " as run #" + numbered.number() + " of " + r.flowName())) {
                        save(numbered);
                    }
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set("Could not import " + file + ": " + e.getMessage()));
            }
        });
    }

    /** Writes a run as a trace in {@code run --trace}'s format. */
    public void exportTrace(RunRecord run, Path file) {
        if (run == null) {
            return;
        }
        background.execute(() -> {
            try {
                RunTrace.write(run, file);
                ui.execute(() -> message.set("Exported run #" + run.number() + " of " + run.flowName() + " as a trace to " + file));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set("Could not export run #" + run.number() + " to " + file + ": " + e.getMessage()));
            }
        });
    }

    private boolean show(RunRecord r, String done) {
        FlowDebugState f = host.flow(r.flowName());
        if (f == null) {
            message.set("Run #" + r.number() + " is of flow " + r.flowName() + ", which this project does not have:"
                    + " open the project it came from, or add the flow");
            return false;
        }
        f.open(r);
        message.set(done);
        return true;
    }

    /** The runs on disk, newest first (all flows). */
    public ObservableList<StoredRun> runs() {
        return runsView;
    }

    /** The stored runs of one flow, newest first. */
    public List<StoredRun> runsOf(String flowName) {
        return runs.stream().filter(r -> r.flowName().equals(flowName)).toList();
    }

    /** Files in the runs folder that could not be read, one sentence each. */
    public ObservableList<String> skipped() {
        return skippedView;
    }

    /** What the history last did or could not do. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public RunStore store() {
        return store;
    }
}
