package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.Problem;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.debug.input.InputEditor;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.debug.input.PinEditor;
import io.kisflow.designer.debug.inspect.InspectorModel;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.FunctionStart;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.Level;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The debugger of one open project: runs a flow of the edited configs off the UI thread with Run,
 * Step, Continue, Stop, breakpoints and "run to here"; keeps per-flow card state, input rows, pinned
 * rows, run history; feeds the data inspector and the level diff. Every method and property is for
 * the UI thread; run events arrive through the {@code ui} executor ({@code Platform::runLater} in the
 * application, a direct executor in tests).
 *
 * <pre>{@code DebugSession session = new DebugSession(projectDir, configs, settings, DebugOptions.defaults(),
 *         Platform::runLater, backgroundPool);
 * runButton.disableProperty().bind(session.canRunProperty().not());
 * runButton.setOnAction(e -> session.run("StuAvg"));
 * session.toggleBreakpoint(new CardKey("StuAvg", 1));}</pre>
 *
 * A function that blocks or loops cannot keep the session busy: Stop aborts the run and interrupts its
 * thread, and when the function still has not returned after {@link DebugOptions#stopGrace()} the thread
 * is abandoned (counted in {@link #abandonedThreadsProperty()}) and the session is ready again.
 */
public final class DebugSession implements AutoCloseable {
    private final Path projectDir;
    private final DebugOptions options;
    private final Executor ui;
    private final StandIns standIns = new StandIns();
    private final SessionEngine engine;
    private final OutputCapture capture;

    private final Map<String, FlowDebugState> flows = new LinkedHashMap<>();
    private final Map<String, PinEditor> pins = new LinkedHashMap<>();
    private final InspectorModel inspector;
    private final DiffModel diff;
    private final BooleanProperty followRun = new SimpleBooleanProperty(this, "followRun", true);

    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(this, "state", SessionState.IDLE);
    private final ReadOnlyStringWrapper activeFlow = new ReadOnlyStringWrapper(this, "activeFlow", "");
    private final ReadOnlyObjectWrapper<CardKey> pausedAt = new ReadOnlyObjectWrapper<>(this, "pausedAt");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyIntegerWrapper abandonedThreads = new ReadOnlyIntegerWrapper(this, "abandonedThreads");
    private final ReadOnlyStringWrapper metricsEndpoint = new ReadOnlyStringWrapper(this, "metricsEndpoint", "");
    private final ReadOnlyIntegerWrapper settingsRevision = new ReadOnlyIntegerWrapper(this, "settingsRevision");
    private final ObservableList<String> implementedFunctions = FXCollections.observableArrayList();
    private final ObservableList<String> implementedConnectors = FXCollections.observableArrayList();
    private final ObservableList<String> missingImplementations = FXCollections.observableArrayList();
    private final ObservableList<String> implementedFunctionsView = FXCollections.unmodifiableObservableList(implementedFunctions);
    private final ObservableList<String> implementedConnectorsView = FXCollections.unmodifiableObservableList(implementedConnectors);
    private final ObservableList<String> missingImplementationsView = FXCollections.unmodifiableObservableList(missingImplementations);
    private final BooleanBinding canRun = Bindings.createBooleanBinding(() -> !state.get().isActive(), state);
    private final BooleanBinding canStep = Bindings.createBooleanBinding(() -> state.get() != SessionState.RUNNING, state);
    private final BooleanBinding canContinue = Bindings.equal(state, SessionState.PAUSED);
    private final BooleanBinding canStop = Bindings.createBooleanBinding(() -> state.get().isActive(), state);

    private ActiveRun active;
    private int runCounter;

    /**
     * @param projectDir plugin paths are resolved against it (may be null for a project not yet saved)
     * @param configs    the edited configs (not only what is on disk)
     * @param settings   input rows, pinned rows and plugin paths from the project's sidecar
     * @param ui         runs run events on the UI thread
     * @param background runs the inspector's and the diff's heavy work
     */
    public DebugSession(Path projectDir, ConfigSet configs, DebugSettings settings, DebugOptions options,
                        Executor ui, Executor background) {
        this.projectDir = projectDir;
        this.options = Objects.requireNonNull(options, "options");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.capture = OutputCapture.install();
        this.engine = new SessionEngine(projectDir, configs, settings.pluginPaths(), options, standIns);
        this.inspector = new InspectorModel(ui, background);
        this.diff = new DiffModel(ui, background);
        settings.pinnedRows().forEach((fname, rows) -> attachPin(PinEditor.of(fname, rows)));
        for (FlowConfig f : configs.flows().values()) {
            InputMode mode = settings.inputModes().getOrDefault(f.flowName(), InputMode.TEXT);
            newFlowState(f, InputEditor.of(f.flowName(), settings.inputRows().getOrDefault(f.flowName(), List.of()), mode));
        }
        refreshCode();
    }

    // ================================================================ per flow, per function

    /** The debugger state of a flow (cards, input, history), or null when the project has no such flow. */
    public FlowDebugState flow(String flowName) {
        return flows.get(flowName);
    }

    /** The card of a flow position, or null. */
    public CardState card(CardKey key) {
        FlowDebugState f = flows.get(key.flowName());
        return f == null ? null : f.card(key.position());
    }

    /** The pinned-rows editor of a function (made on first use, not pinned until the user says so). */
    public PinEditor pins(String functionName) {
        PinEditor p = pins.get(functionName);
        return p != null ? p : attachPin(new PinEditor(functionName));
    }

    private PinEditor attachPin(PinEditor p) {
        pins.put(p.functionName(), p);
        p.pinnedProperty().addListener((obs, old, now) -> pinsChanged(p.functionName()));
        p.textProperty().addListener((obs, old, now) -> {
            if (p.isPinned()) {
                pinsChanged(p.functionName());
            } else {
                settingsRevision.set(settingsRevision.get() + 1);
            }
        });
        return p;
    }

    private void pinsChanged(String fname) {
        settingsRevision.set(settingsRevision.get() + 1);
        refreshCodeSources();
        markFunctionStale(fname);
    }

    private FlowDebugState newFlowState(FlowConfig f, InputEditor input) {
        FlowDebugState s = new FlowDebugState(f.flowName(), input, options.historySize());
        s.reconcile(f, engine.configs()::func, 0);
        input.textProperty().addListener((obs, old, now) -> inputChanged(s));
        input.modeProperty().addListener((obs, old, now) -> inputChanged(s));
        flows.put(f.flowName(), s);
        return s;
    }

    private void inputChanged(FlowDebugState s) {
        settingsRevision.set(settingsRevision.get() + 1);
        s.markStaleFrom(0);
    }

    /** The inspector of the run panel: shows the level picked with {@link #inspect}, or each new level while following the run. */
    public InspectorModel inspector() {
        return inspector;
    }

    /** The level diff of the run panel. */
    public DiffModel diff() {
        return diff;
    }

    /** On: after every function call the inspector shows that function's level (what Step wants to see). */
    public BooleanProperty followRunProperty() {
        return followRun;
    }

    /** Shows a card's level (its output) in the inspector; an empty level when it has none. */
    public void inspect(CardKey key) {
        CardState c = card(key);
        if (c != null) {
            LevelData out = c.outputProperty().get();
            inspector.show(out != null ? out : LevelData.of(key.flowName(), c.function(), key.position(), List.of()));
        }
    }

    /** Shows a flow's source level in the inspector. */
    public void inspectSource(String flowName) {
        FlowDebugState f = flows.get(flowName);
        if (f != null) {
            LevelData src = f.sourceProperty().get();
            inspector.show(src != null ? src : LevelData.source(flowName, f.input().parsed().rows()));
        }
    }

    /** Compares a card's input level (left) with its output (right) in the diff. */
    public void compareInputOutput(CardKey key) {
        CardState c = card(key);
        if (c == null) {
            return;
        }
        LevelData in = c.inputProperty().get();
        LevelData out = c.outputProperty().get();
        diff.compare(in != null ? in : LevelData.of(key.flowName(), "input", key.position() - 1, List.of()),
                out != null ? out : LevelData.of(key.flowName(), c.function(), key.position(), List.of()));
    }

    /** Compares one level (-1: the source) in an earlier run (left) with the same level in another run (right). */
    public void compareRuns(String flowName, int position, RunRecord before, RunRecord after) {
        FlowDebugState f = flows.get(flowName);
        if (f != null) {
            RunComparison c = f.compare(before, after);
            diff.compare(c.before(position), c.after(position));
        }
    }

    // ================================================================ commands

    /** Runs a flow to the end, pausing only at breakpoints. False (and {@link #problems()} say why) when refused. */
    public boolean run(String flowName) {
        return start(flowName, false, -1);
    }

    /**
     * Paused: runs the function the run waits before, and pauses before the next one. Otherwise starts
     * the flow and pauses before its first function.
     */
    public boolean step(String flowName) {
        if (state.get() == SessionState.PAUSED && active != null && active.flowName.equals(flowName)) {
            return step();
        }
        return start(flowName, true, -1);
    }

    /** Paused: runs one function and pauses again. */
    public boolean step() {
        if (state.get() != SessionState.PAUSED || active == null) {
            return false;
        }
        resumed("Running " + describeCard(pausedAt.get()) + "…");
        active.stepper.step();
        return true;
    }

    /** Paused: runs on until a breakpoint, the "run to here" card or the end. */
    public boolean continueRun() {
        if (state.get() != SessionState.PAUSED || active == null) {
            return false;
        }
        resumed("Running " + active.flowName + "…");
        active.stepper.resume();
        return true;
    }

    /**
     * Runs until just before the card (breakpoints on the way still pause). Paused in the same flow: the
     * run goes on to it; no run: a run starts. When the flow never reaches the card, the run just ends.
     */
    public boolean runToHere(CardKey key) {
        if (state.get() == SessionState.PAUSED && active != null && active.flowName.equals(key.flowName())) {
            active.target = key.position();
            resumed("Running to " + describeCard(key) + "…");
            active.stepper.resume();
            return true;
        }
        return start(key.flowName(), false, key.position());
    }

    /** Stops the run. Always works: see the class comment for functions that do not return. */
    public void stop() {
        ActiveRun run = active;
        if (run == null || run.stopRequested) {
            return;
        }
        message.set("Stopping " + run.flowName + "…");
        run.requestStop();
        long graceMillis = Math.max(0, options.stopGrace().toMillis());
        Executor later = CompletableFuture.delayedExecutor(graceMillis, TimeUnit.MILLISECONDS);
        later.execute(() -> {
            if (run.thread.isAlive()) {
                ui.execute(() -> abandon(run));
            }
        });
    }

    public void toggleBreakpoint(CardKey key) {
        CardState c = card(key);
        if (c != null) {
            setBreakpoint(key, !c.breakpointProperty().get());
        }
    }

    public void setBreakpoint(CardKey key, boolean on) {
        FlowDebugState f = flows.get(key.flowName());
        if (f != null) {
            f.setBreakpoint(key.position(), on);
        }
    }

    // State changes come last everywhere: whoever reacts to the state sees the rest already updated.
    private void resumed(String text) {
        pausedAt.set(null);
        message.set(text);
        state.set(SessionState.RUNNING);
    }

    private boolean start(String flowName, boolean pauseFirst, int target) {
        if (state.get().isActive()) {
            message.set("A run of " + activeFlow.get() + " is in progress: stop it first");
            return false;
        }
        FlowDebugState f = flows.get(flowName);
        List<Problem> found = f == null
                ? List.of(Problem.error(null, 0, flowName, "there is no flow named " + flowName + " in this project"))
                : PreRunCheck.check(flowName, engine, f.input(), pins::get);
        problems.setAll(found);
        refreshCode();
        if (PreRunCheck.hasErrors(found)) {
            long errors = found.stream().filter(Problem::isError).count();
            message.set("Run of " + flowName + " refused: " + errors + (errors == 1 ? " problem" : " problems") + " to fix first");
            return false;
        }
        Engine e = engine.current();
        KisFlowRun flow;
        try {
            flow = e.flow(flowName);
        } catch (IllegalArgumentException ex) {
            problems.add(Problem.error(null, 0, flowName, ex.getMessage()));
            message.set("Run of " + flowName + " refused: " + ex.getMessage());
            return false;
        }
        FlowConfig config = engine.configs().flow(flowName);
        List<String> chain = config.flows().stream().map(FlowStep::fname).toList();
        Map<Integer, CodeSource> sources = new HashMap<>();
        Map<String, List<Object>> pinned = new HashMap<>();
        for (CardState c : f.cards()) {
            CodeSource cs = c.codeSourceProperty().get();
            sources.put(c.position(), cs);
            if (cs == CodeSource.PINNED) {
                pinned.put(c.function(), pins.get(c.function()).parsed().rows());
            }
        }
        standIns.usePins(pinned);

        ActiveRun run = new ActiveRun(++runCounter, flowName, chain, flow, sources);
        run.target = target;
        run.recorder = new RunRecorder(run, capture, new ToUi());
        run.stepper.setBreakpoint(ev -> f.hasBreakpoint(ev.position()) || ev.position() == run.target);
        run.stepper.setOnPause(ev -> {
            if (ev.position() == run.target) {
                run.target = -1;
            }
            run.recorder.paused(ev);
            post(run, () -> paused(run, ev));
        });
        if (pauseFirst) {
            run.stepper.pause();
        }
        flow.addListener(run.recorder);
        flow.setStepController(run.stepper);
        flow.commitRowBatch(f.input().parsed().rows());

        active = run;
        f.beginRun();
        activeFlow.set(flowName);
        pausedAt.set(null);
        message.set("Running " + flowName + "…");
        state.set(SessionState.RUNNING);
        run.thread = new Thread(() -> runOnItsThread(run), "kisflow-debug-run-" + run.number + "-" + flowName);
        run.thread.setDaemon(true);
        run.thread.start();
        return true;
    }

    /** The run thread: runs the flow, then hands the record to the UI thread. */
    private void runOnItsThread(ActiveRun run) {
        Throwable crash = null;
        try {
            run.flow.run();
        } catch (FlowException e) {
            // recorded by the listener's runEnded
        } catch (RuntimeException | Error e) {
            crash = e;
        } finally {
            capture.end();
        }
        List<Level> levels;
        try {
            levels = run.flow.levels();
        } catch (RuntimeException e) {
            levels = List.of();
        }
        RunRecord record = run.recorder.finish(levels, crash);
        ui.execute(() -> finished(run, record));
    }

    /** Runs an event of the run on the UI thread, unless the run is no longer the session's. */
    private void post(ActiveRun run, Runnable r) {
        ui.execute(() -> {
            if (active == run && !run.abandoned) {
                r.run();
            }
        });
    }

    /** The recorder's steps, applied on the UI thread. */
    private final class ToUi implements RunRecorder.Steps {
        @Override
        public void runStarted(ActiveRun run, LevelData source) {
            post(run, () -> {
                FlowDebugState f = flows.get(run.flowName);
                if (f != null) {
                    f.runStarted(source);
                }
                if (followRun.get()) {
                    inspector.show(source);
                }
            });
        }

        @Override
        public void callComing(ActiveRun run, FunctionStart e) {
            post(run, () -> {
                FlowDebugState f = flows.get(run.flowName);
                if (f != null) {
                    f.callComing(e);
                }
            });
        }

        @Override
        public void callEnded(ActiveRun run, CallRecord call, LevelData level) {
            post(run, () -> {
                FlowDebugState f = flows.get(run.flowName);
                if (f != null) {
                    f.callEnded(call, level);
                }
                if (followRun.get()) {
                    inspector.show(level != null ? level : LevelData.of(run.flowName, call.function(), call.position(), List.of()));
                }
            });
        }
    }

    private void paused(ActiveRun run, FunctionStart e) {
        CardKey key = new CardKey(run.flowName, e.position());
        pausedAt.set(key);
        message.set("Paused before " + describeCard(key) + " (call " + e.seq() + ")");
        state.set(SessionState.PAUSED);
    }

    private void finished(ActiveRun run, RunRecord record) {
        if (run.abandoned) {
            abandonedThreads.set(abandonedThreads.get() - 1);
            return;
        }
        if (active != run) {
            return;
        }
        active = null;
        pausedAt.set(null);
        FlowDebugState f = flows.get(run.flowName);
        if (f != null) {
            f.runEnded(record);
        }
        if (followRun.get() && !record.calls().isEmpty()) {
            CallRecord last = record.calls().get(record.calls().size() - 1);
            LevelData level = record.level(last.position());
            inspector.show(level != null ? level : LevelData.of(run.flowName, last.function(), last.position(), List.of()));
        }
        message.set(summary(record));
        state.set(switch (record.outcome()) {
            case FINISHED -> SessionState.FINISHED;
            case FAILED -> SessionState.FAILED;
            case STOPPED -> SessionState.STOPPED;
        });
    }

    /** Stop's grace period ran out and the function has not returned: give up on its thread. */
    private void abandon(ActiveRun run) {
        if (active != run || !run.thread.isAlive()) {
            return;
        }
        run.abandoned = true;
        active = null;
        abandonedThreads.set(abandonedThreads.get() + 1);
        int stuck = run.recorder.lastComing();
        String fn = stuck >= 0 ? describeCard(new CardKey(run.flowName, stuck)) : run.flowName;
        String text = "Stopped, but " + fn + " did not return within " + options.stopGrace().toMillis()
                + " ms (it blocks or loops without checking for interruption): its thread was abandoned and keeps"
                + " running in the background; the session is ready for another run";
        RunRecord record = run.recorder.abandoned(text);
        pausedAt.set(null);
        FlowDebugState f = flows.get(run.flowName);
        if (f != null) {
            f.runEnded(record);
        }
        message.set(text);
        state.set(SessionState.STOPPED);
    }

    private String summary(RunRecord r) {
        String time = String.format(Locale.ROOT, "%.1f ms", r.durationNanos() / 1_000_000.0);
        int calls = r.calls().size();
        String callText = calls + (calls == 1 ? " call" : " calls");
        return switch (r.outcome()) {
            case FINISHED -> "Run #" + r.number() + " of " + r.flowName() + " finished: " + callText + " in " + time;
            case FAILED -> "Run #" + r.number() + " of " + r.flowName() + " failed"
                    + (r.failedPosition() >= 0 ? " at " + describeCard(new CardKey(r.flowName(), r.failedPosition())) : "")
                    + ": " + r.error().message();
            case STOPPED -> "Run #" + r.number() + " of " + r.flowName() + " stopped after " + callText;
        };
    }

    private String describeCard(CardKey key) {
        if (key == null) {
            return "";
        }
        CardState c = card(key);
        return "#" + (key.position() + 1) + " " + (c == null ? "?" : c.function());
    }

    // ================================================================ edits

    /**
     * The user edited the project (any command, including undo): cards follow the chains, and the
     * results of every function the edit affects, and of everything after it, are marked stale.
     */
    public void configsChanged(ConfigSet newConfigs) {
        ConfigSet old = engine.configs();
        Map<String, Integer> stale = StaleMarker.firstStale(old, newConfigs);
        engine.setConfigs(newConfigs);
        for (FlowConfig f : newConfigs.flows().values()) {
            FlowDebugState s = flows.get(f.flowName());
            if (s == null) {
                newFlowState(f, new InputEditor(f.flowName()));
                continue;
            }
            FlowConfig was = old.flow(f.flowName());
            int first = stale.getOrDefault(f.flowName(), Integer.MAX_VALUE);
            int chainChange = was == null ? 0 : StaleMarker.firstChainChange(was.flows(), f.flows());
            s.reconcile(f, newConfigs::func, Math.min(first, chainChange));
            s.markStaleFrom(first);
        }
        refreshCodeSources();
    }

    /** A flow was renamed: its input rows, history and breakpoints follow it. */
    public void flowRenamed(String oldName, String newName) {
        FlowDebugState s = flows.remove(oldName);
        if (s != null && !flows.containsKey(newName)) {
            s.rename(newName);
            flows.put(newName, s);
            settingsRevision.set(settingsRevision.get() + 1);
        }
    }

    /** A function was renamed: its pinned rows follow it. */
    public void functionRenamed(String oldName, String newName) {
        PinEditor p = pins.remove(oldName);
        if (p != null && !pins.containsKey(newName)) {
            PinEditor moved = attachPin(PinEditor.of(newName, p.stored()));
            moved.pinnedProperty().set(p.isPinned());
            settingsRevision.set(settingsRevision.get() + 1);
        }
    }

    /** The project's plugin jars/folders changed (relative to the project directory when inside it). */
    public void setPluginPaths(List<String> paths) {
        engine.setPluginPaths(paths);
        settingsRevision.set(settingsRevision.get() + 1);
        if (!state.get().isActive()) {
            refreshCode();
        }
    }

    /**
     * Loads the plugins again (the user rebuilt a jar), without restarting. Refused while a run is in
     * progress. Every result is marked stale: it came from the old code.
     */
    public boolean reloadPlugins() {
        if (state.get().isActive()) {
            message.set("Stop the run of " + activeFlow.get() + " before reloading the plugins");
            return false;
        }
        engine.reload();
        refreshCode();
        flows.values().forEach(s -> s.markStaleFrom(0));
        String failure = engine.failure();
        message.set(failure == null ? "Plugins reloaded: " + implementedFunctions.size() + " functions, "
                + implementedConnectors.size() + " connectors" : "Plugins could not be loaded: " + failure);
        return failure == null;
    }

    private void refreshCode() {
        if (!state.get().isActive()) {
            engine.current();
        }
        implementedFunctions.setAll(engine.implementedFunctions());
        implementedConnectors.setAll(engine.implementedConnectors());
        List<String> missing = new ArrayList<>(engine.missingImplementations());
        if (engine.failure() != null) {
            missing.add(0, "plugins could not be loaded: " + engine.failure());
        }
        missingImplementations.setAll(missing);
        metricsEndpoint.set(engine.metricsEndpoint());
        refreshCodeSources();
    }

    private void refreshCodeSources() {
        java.util.Set<String> implemented = engine.implementedFunctions();
        for (FlowDebugState s : flows.values()) {
            s.refreshCodeSources(fname -> implemented.contains(fname) ? CodeSource.PLUGIN
                    : pins.containsKey(fname) && pins.get(fname).isPinned() ? CodeSource.PINNED : CodeSource.PASS_THROUGH);
        }
    }

    private void markFunctionStale(String fname) {
        for (FlowDebugState s : flows.values()) {
            for (CardState c : s.cards()) {
                if (c.function().equals(fname)) {
                    s.markStaleFrom(c.position());
                    break;
                }
            }
        }
    }

    /** The run settings to write into the project's sidecar: input rows and modes, pinned rows, plugin paths. */
    public DebugSettings settings() {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        Map<String, InputMode> modes = new LinkedHashMap<>();
        for (FlowDebugState s : flows.values()) {
            if (engine.configs().flow(s.name()) == null) {
                continue;
            }
            List<String> rows = s.input().stored();
            if (!rows.isEmpty() || s.input().modeProperty().get() != InputMode.TEXT) {
                inputs.put(s.name(), rows);
                modes.put(s.name(), s.input().modeProperty().get());
            }
        }
        Map<String, List<String>> pinned = new LinkedHashMap<>();
        for (PinEditor p : pins.values()) {
            if (p.isPinned()) {
                pinned.put(p.functionName(), p.stored());
            }
        }
        return new DebugSettings(inputs, modes, pinned, engine.pluginPaths());
    }

    // ================================================================ what views bind to

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public SessionState state() {
        return state.get();
    }

    /** The flow of the run in progress, or of the last run. */
    public ReadOnlyStringProperty activeFlowProperty() {
        return activeFlow.getReadOnlyProperty();
    }

    /** The card the run waits before, null when it is not paused. */
    public ReadOnlyObjectProperty<CardKey> pausedAtProperty() {
        return pausedAt.getReadOnlyProperty();
    }

    /** The run panel's status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last Run was refused, and warnings about it (pins a plugin overrides, metrics not served). */
    public ObservableList<Problem> problems() {
        return problemsView;
    }

    /** Run threads Stop gave up on that have not returned yet (they still use a CPU if they loop). */
    public ReadOnlyIntegerProperty abandonedThreadsProperty() {
        return abandonedThreads.getReadOnlyProperty();
    }

    /**
     * Where the session's engine serves Prometheus metrics when the project's global config turns them on
     * (prometheus_enable and prometheus_listen), e.g. "http://0.0.0.0:20004/metrics"; "" when it does not.
     */
    public ReadOnlyStringProperty metricsEndpointProperty() {
        return metricsEndpoint.getReadOnlyProperty();
    }

    /** Goes up on every change of input rows, pins or plugin paths: the project has unsaved sidecar changes. */
    public ReadOnlyIntegerProperty settingsRevisionProperty() {
        return settingsRevision.getReadOnlyProperty();
    }

    /** Function names the plugins (and built-in samples) implement. */
    public ObservableList<String> implementedFunctions() {
        return implementedFunctionsView;
    }

    public ObservableList<String> implementedConnectors() {
        return implementedConnectorsView;
    }

    /** What the project uses but no plugin provides, one sentence each (plus a plugin load failure). */
    public ObservableList<String> missingImplementations() {
        return missingImplementationsView;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canStepProperty() {
        return canStep;
    }

    public BooleanBinding canContinueProperty() {
        return canContinue;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    public Path projectDir() {
        return projectDir;
    }

    /** Stops a run in progress (without waiting) and closes the engine (connectors, plugin class loaders, metrics). */
    @Override
    public void close() {
        ActiveRun run = active;
        if (run != null) {
            run.requestStop();
        }
        engine.close();
    }
}
