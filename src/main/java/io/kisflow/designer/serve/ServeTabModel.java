package io.kisflow.designer.serve;

import io.kisflow.designer.debug.LayoutSettings;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.project.ProjectLayout;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Serve tab of the selected flow: its deployment settings, kept in the sidecar as undoable edits
 * (typing in a field is one undo step per field and burst, like the run panel's settings), a local
 * {@code serve} in a child process with its live figures ({@link LiveFigures}), and the export of a
 * deployment directory ({@link DeploymentExport}). The model holds no JavaFX nodes; it is tested
 * without a window. Properties change on the {@code ui} executor; slow work (broker check, stop,
 * metrics) runs on {@code background}.
 *
 * <pre>{@code ServeTabModel serve = new ServeTabModel(vm.document, vm.debugger.flowProperty(), Platform::runLater, pool);
 * serve.topic.set("orders"); serve.start(); ... serve.stop();}</pre>
 */
public final class ServeTabModel implements AutoCloseable {
    /** What the local service is doing. */
    public enum State { STOPPED, CHECKING, STARTING, RUNNING, STOPPING }

    /** The text fields of the tab; what the user types becomes an edit of the sidecar when it is valid. */
    public final StringProperty kafka = new SimpleStringProperty(this, "kafka", "");
    public final StringProperty topic = new SimpleStringProperty(this, "topic", "");
    public final StringProperty group = new SimpleStringProperty(this, "group", "");
    public final StringProperty threads = new SimpleStringProperty(this, "threads", "");
    public final StringProperty batchSize = new SimpleStringProperty(this, "batchSize", "");
    public final StringProperty batchWait = new SimpleStringProperty(this, "batchWait", "");
    public final StringProperty commitInterval = new SimpleStringProperty(this, "commitInterval", "");
    public final StringProperty deadLetter = new SimpleStringProperty(this, "deadLetter", "");
    public final BooleanProperty json = new SimpleBooleanProperty(this, "json", false);

    private final ProjectDocument doc;
    private final ObservableValue<String> selectedFlow;
    private final Executor ui;
    private final Executor background;
    private final ReadOnlyStringWrapper flow = new ReadOnlyStringWrapper(this, "flow");
    private final ReadOnlyStringWrapper fieldError = new ReadOnlyStringWrapper(this, "fieldError");
    /** Each text field's refusal of what was typed in it (null when valid), in the tab's order. */
    private final Map<StringProperty, ReadOnlyStringWrapper> fieldErrors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper commitIntervalHelp = new ReadOnlyStringWrapper(this, "commitIntervalHelp", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.STOPPED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Start locally runs serve for the selected flow against the broker named here, on the project's saved files.");
    private final ReadOnlyStringWrapper servedFlow = new ReadOnlyStringWrapper(this, "servedFlow");
    private final LiveFigures figures;
    /** On while the fields are filled from the document: their change is not a new edit. */
    private boolean filling;
    /** On while this tab performs its own edit on the document. */
    private boolean editing;
    private LocalServe child;
    private DeploymentSettings running;
    private Duration checkTimeout = BrokerCheck.TIMEOUT;

    public ServeTabModel(ProjectDocument doc, ObservableValue<String> selectedFlow, Executor ui, Executor background) {
        this.doc = doc;
        this.selectedFlow = selectedFlow;
        this.ui = ui;
        this.background = background;
        this.figures = new LiveFigures(ui);
        figures.onAssigned(this::assigned);
        selectedFlow.addListener((o, a, b) -> fill());
        doc.stateProperty().addListener((o, a, b) -> {
            if (editing) {
                // this tab's own edit: the fields already show it, and one still showing a refused value keeps it
                DeploymentSettings s = current();
                commitIntervalHelp.set(s == null ? "" : commitIntervalHelp(s.commitIntervalMs()));
            } else {
                fill(); // undo, redo, another flow, a rename: the fields show what the sidecar holds now
            }
        });
        field(kafka, "broker", (s, v) -> s.withKafka(required(v, "Broker", "HOST:PORT, e.g. 127.0.0.1:9092")));
        field(topic, "topic", (s, v) -> s.withTopic(required(v, "Topic", "the topic to consume")));
        field(group, "group", (s, v) -> s.withGroup(required(v, "Group", "the consumer group")));
        field(deadLetter, "dead letter", (s, v) -> s.withDeadLetter(v.trim()));
        field(threads, "threads", (s, v) -> s.withThreads(positive(v, "Threads")));
        field(batchSize, "batch size", (s, v) -> s.withBatchSize(positive(v, "Batch size")));
        field(batchWait, "batch wait", (s, v) -> s.withBatchWaitMs(positive(v, "Batch wait")));
        field(commitInterval, "commit interval", (s, v) -> s.withCommitIntervalMs(commitIntervalMs(v)));
        json.addListener((o, a, on) -> {
            if (!filling) {
                edit(current().withJson(on), on ? "Serve " + flow.get() + " with JSON values" : "Serve " + flow.get() + " with text values", null);
            }
        });
        fill();
    }

    // ---------------------------------------------------------------- settings <-> sidecar

    /** The settings of the flow shown, as the sidecar holds them. */
    public DeploymentSettings current() {
        String f = flow.get();
        return f == null ? null : ServeSidecar.read(doc.state().layout(), f);
    }

    private void fill() {
        String f = selectedFlow.getValue();
        if (f != null && !doc.state().configs().flows().containsKey(f)) {
            f = null;
        }
        flow.set(f);
        DeploymentSettings s = current();
        filling = true;
        try {
            kafka.set(s == null ? "" : s.kafka());
            topic.set(s == null ? "" : s.topic());
            group.set(s == null ? "" : s.group());
            threads.set(s == null ? "" : String.valueOf(s.threads()));
            batchSize.set(s == null ? "" : String.valueOf(s.batchSize()));
            batchWait.set(s == null ? "" : String.valueOf(s.batchWaitMs()));
            commitInterval.set(s == null ? "" : String.valueOf(s.commitIntervalMs()));
            deadLetter.set(s == null ? "" : s.deadLetter());
            json.set(s != null && s.json());
            fieldErrors.values().forEach(e -> e.set(null));
            fieldError.set(null);
            commitIntervalHelp.set(s == null ? "" : commitIntervalHelp(s.commitIntervalMs()));
        } finally {
            filling = false;
        }
    }

    private interface FieldChange {
        DeploymentSettings apply(DeploymentSettings s, String typed);
    }

    /**
     * Typing in a field: a valid value is an edit (one undo step per burst of typing); an invalid one
     * changes nothing and stays, with that field's error, until the field is valid again or an undo,
     * redo or another flow fills the fields anew (a valid value typed in another field keeps it: the
     * user's text is never replaced behind their back).
     */
    private void field(StringProperty p, String what, FieldChange change) {
        ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, p.getName() + "Error");
        fieldErrors.put(p, error);
        p.addListener((o, a, typed) -> {
            if (filling || flow.get() == null) {
                return;
            }
            DeploymentSettings next;
            try {
                next = change.apply(current(), typed == null ? "" : typed);
            } catch (IllegalArgumentException e) {
                error.set(e.getMessage());
                fieldError.set(firstFieldError());
                return;
            }
            error.set(null);
            fieldError.set(firstFieldError());
            edit(next, "Set the " + what + " of serving " + flow.get(), "serve:" + flow.get() + ":" + what);
        });
    }

    private String firstFieldError() {
        return fieldErrors.values().stream().map(ReadOnlyStringWrapper::get).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private void edit(DeploymentSettings next, String description, String burst) {
        String f = flow.get();
        ProjectLayout layout = doc.state().layout();
        ProjectLayout wanted = ServeSidecar.write(layout, f, next);
        if (!wanted.equals(layout)) {
            editing = true;
            try {
                doc.perform(Edit.of(description, st -> st.withLayout(ServeSidecar.write(st.layout(), f, next)), null), burst);
            } finally {
                editing = false;
            }
        }
    }

    private static String required(String v, String field, String hint) {
        if (v.isBlank()) {
            throw new IllegalArgumentException(field + " is empty: write " + hint + ".");
        }
        return v.trim();
    }

    private static int positive(String v, String field) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(field + " needs a positive whole number, not '" + v.trim() + "'.");
    }

    private static long commitIntervalMs(String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("Commit interval needs a whole number of ms, 0 or more, not '" + v.trim() + "'.");
    }

    /** The trade of the commit interval {@code ms}, in two short lines (docs/SERVE.md, "At-least-once"). */
    static String commitIntervalHelp(long ms) {
        if (ms == 0) {
            return "Commits after every poll: slower; a kill repeats only the batches in flight."
                    + " 1000: fewer commits, faster; a kill repeats up to ~1 s per thread.";
        }
        String span = ms % 1000 == 0 ? ms / 1000 + " s" : ms >= 1000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0) : ms + " ms";
        return "Commits every " + span + ": fewer commits, faster; a kill repeats up to ~" + span + " per thread."
                + " 0: after every poll, slower; a kill repeats only the batches in flight.";
    }

    // ---------------------------------------------------------------- the local service

    /**
     * Checks the broker, then starts {@code serve} for the flow shown in a child process against the
     * project's saved files. False (with the reason in {@link #messageProperty()}) when it cannot start.
     */
    public boolean start() {
        if (state.get() != State.STOPPED) {
            message.set("The service is already running; stop it first.");
            return false;
        }
        Path dir = doc.directory();
        String f = flow.get();
        if (dir == null || f == null) {
            message.set(dir == null ? "Open a project first: the service runs its saved files." : "Select a flow to serve.");
            return false;
        }
        if (fieldError.get() != null) {
            message.set("Fix the settings first: " + fieldError.get());
            return false;
        }
        DeploymentSettings s = current();
        ProjectLayout layout = doc.state().layout();
        // the settings themselves are flags of the command: only unsaved configs or code are not served
        boolean unsaved = doc.savedState() != null && (!doc.savedState().configs().equals(doc.state().configs())
                || !doc.savedState().code().equals(doc.state().code()));
        state.set(State.CHECKING);
        message.set("Checking the broker at " + s.kafka() + "...");
        figures.reset();
        background.execute(() -> {
            String problem;
            try {
                problem = BrokerCheck.problem(s.kafka(), s.topic(), checkTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "The broker check was interrupted.";
            }
            String refused = problem;
            if (refused != null) {
                ui.execute(() -> {
                    state.set(State.STOPPED);
                    message.set(refused);
                });
                return;
            }
            launch(dir, f, s, layout, unsaved);
        });
        return true;
    }

    private void launch(Path dir, String f, DeploymentSettings s, ProjectLayout layout, boolean unsaved) {
        int port;
        try {
            port = freePort();
        } catch (IOException e) {
            ui.execute(() -> {
                state.set(State.STOPPED);
                message.set("No free local port for the service's metrics: " + e.getMessage());
            });
            return;
        }
        List<String> args = new ArrayList<>(List.of("serve", "--conf", dir.toString(), "--flow", f));
        args.addAll(s.serveOptions());
        args.addAll(List.of("--http", "127.0.0.1:" + port));
        for (Path plugin : layout.resolvedPluginPaths(dir)) {
            args.addAll(List.of("--plugin", plugin.toString()));
        }
        if (!LayoutSettings.usesSamples(layout, dir)) {
            args.add("--no-samples"); // as in the designer's runs: the samples plugin serves the samples only
        }
        List<String> command = LocalServe.command(args);
        try {
            LocalServe c = LocalServe.start(command, dir, figures::line, status -> ui.execute(() -> ended(status)));
            figures.watch("http://127.0.0.1:" + port + "/metrics");
            ui.execute(() -> {
                child = c;
                running = s;
                servedFlow.set(f);
                state.set(State.STARTING);
                message.set("Starting serve of " + f + " (process " + c.pid() + ") on " + s.kafka() + ", topic " + s.topic() + ", group " + s.group()
                        + (unsaved ? ". It serves the saved files: unsaved changes are not part of it." : "."));
            });
        } catch (IOException e) {
            ui.execute(() -> {
                state.set(State.STOPPED);
                message.set("Could not start " + command.get(0) + ": " + e.getMessage());
            });
        }
    }

    /** The child ended: by Stop, or on its own (its last error line says why). */
    private void ended(int status) {
        figures.stopWatching();
        boolean stopping = state.get() == State.STOPPING;
        state.set(State.STOPPED);
        child = null;
        String last = figures.lastError();
        if (stopping || status == 0) {
            message.set(status == 0 ? "Stopped: the batches in flight finished and their offsets are committed."
                    : "Stopped (killed after it did not end on SIGTERM; uncommitted batches are read again next time).");
        } else {
            message.set("The service ended with status " + status + (last == null ? "." : ": " + last));
        }
    }

    /** SIGTERM to the child (it finishes and commits the batches in flight), SIGKILL after the batch wait plus 10 s. */
    public boolean stop() {
        LocalServe c = child;
        if (c == null || state.get() == State.STOPPING) {
            return false;
        }
        state.set(State.STOPPING);
        message.set("Stopping: finishing the batches in flight...");
        Duration grace = Duration.ofMillis(running.batchWaitMs()).plusSeconds(10);
        background.execute(() -> {
            try {
                c.stop(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.kill();
            }
        });
        return true;
    }

    /** The child's status line said it is assigned partitions: running. Called by the figures on the UI executor. */
    void assigned() {
        if (state.get() == State.STARTING) {
            state.set(State.RUNNING);
            message.set("Serving " + servedFlow.get() + " on " + running.kafka() + ", topic " + running.topic() + ", group " + running.group() + ".");
        }
    }

    // ---------------------------------------------------------------- export

    /**
     * Writes a deployment directory for the flow shown: its configs, function sources, the deployment
     * file and start.sh/README.md with the exact command. Returns what was written, or says why not.
     */
    public DeploymentExport.Result export(Path outDir, String jarName) {
        String f = flow.get();
        if (f == null) {
            message.set("Select a flow to export its deployment.");
            return null;
        }
        try {
            DeploymentExport.Result r = DeploymentExport.write(doc.state(), doc.directory(), f, current(), outDir, jarName);
            message.set("Exported the deployment of " + f + " to " + outDir + ": start an instance with " + r.command());
            return r;
        } catch (IOException | IllegalArgumentException e) {
            message.set("Could not export to " + outDir + ": " + e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- what views bind to

    /** The flow whose settings the fields show; null when the project has no flow. */
    public ReadOnlyStringProperty flowProperty() {
        return flow.getReadOnlyProperty();
    }

    /** What is wrong with the first field (in the tab's order) whose typed value was refused, or null. */
    public ReadOnlyStringProperty fieldErrorProperty() {
        return fieldError.getReadOnlyProperty();
    }

    /** What is wrong with the value typed in {@code field} (one of this model's text fields), or null. */
    public ReadOnlyStringProperty errorProperty(StringProperty field) {
        ReadOnlyStringWrapper e = fieldErrors.get(field);
        if (e == null) {
            throw new IllegalArgumentException(field.getName() + " is not a text field of the Serve tab");
        }
        return e.getReadOnlyProperty();
    }

    /** The trade the stored commit interval makes (commits versus what runs again after a kill), for the help under the field. */
    public ReadOnlyStringProperty commitIntervalHelpProperty() {
        return commitIntervalHelp.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The last thing to tell the user about the service (started, broker unreachable, stopped, ended with an error). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The flow the running service serves (it may differ from the one selected now). */
    public ReadOnlyStringProperty servedFlowProperty() {
        return servedFlow.getReadOnlyProperty();
    }

    /** Throughput, records processed, lag per partition, errors and the output lines of the running service. */
    public LiveFigures figures() {
        return figures;
    }

    /** The running child's process id, or -1. */
    public long pid() {
        LocalServe c = child;
        return c == null ? -1 : c.pid();
    }

    /** For tests: how long the broker check waits. */
    void checkTimeout(Duration d) {
        checkTimeout = Objects.requireNonNull(d);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * The designer is closing: SIGTERM to a running child without waiting for it; it finishes and
     * commits its batches in flight and ends on its own.
     */
    @Override
    public void close() {
        LocalServe c = child;
        if (c != null) {
            c.terminate();
        }
        figures.stopWatching();
    }
}
