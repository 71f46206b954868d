package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.Problem;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.debug.input.InputEditor;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.debug.input.PinEditor;
import io.kisflow.designer.debug.inspect.InspectorModel;
import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.designer.project.ProjectLayout;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The debugger of one open project: runs a flow of the edited configs off the UI thread with Run,
 * Step, Continue, Stop, breakpoints and "run to here", for real or as dry runs; keeps per-flow card
 * state, input rows, pinned rows (which win over any code), run history; feeds the data inspector
 * and the level diff. Every method and property is for
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
    private final Executor background;
    private final StandIns standIns = new StandIns();
    private final SessionEngine engine;
    private final OutputCapture capture;

    private final Map<String, FlowDebugState> flows = new LinkedHashMap<>();
    private final Map<String, PinEditor> pins = new LinkedHashMap<>();
    private final InspectorModel inspector;
    private final DiffModel diff;
    /**
     * The level the inspector is about: a card's output, or a flow's source (position -1); null until
     * something is picked, and then the inspector follows the run. It stays on what was picked through
     * runs, steps and history: the level shown is always that card's current one.
     */
    private String inspectedFlow;
    private int inspectedPosition;
    private boolean inspectScheduled;

    private final RunController runs;
    private final ReadOnlyStringWrapper metricsEndpoint = new ReadOnlyStringWrapper(this, "metricsEndpoint", "");
    private final BooleanProperty metricsServed = new SimpleBooleanProperty(this, "metricsServed");
    private final BooleanProperty dryRun = new SimpleBooleanProperty(this, "dryRun");
    private final BooleanProperty pauseOnError = new SimpleBooleanProperty(this, "pauseOnError");
    /** The project's run history on disk; null until {@link #keepRuns} (tests and unsaved projects keep none). */
    private StoredRuns storedRuns;
    private final BooleanProperty goSemantics = new SimpleBooleanProperty(this, "goSemantics");
    private final javafx.beans.property.ReadOnlyBooleanWrapper loadingPlugins = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "loadingPlugins");
    private final ReadOnlyIntegerWrapper settingsRevision = new ReadOnlyIntegerWrapper(this, "settingsRevision");
    private final ReadOnlyObjectWrapper<Integer> callLimit = new ReadOnlyObjectWrapper<>(this, "callLimit");
    private final ObservableList<String> implementedFunctions = FXCollections.observableArrayList();
    private final ObservableList<String> implementedConnectors = FXCollections.observableArrayList();
    private final ObservableList<String> missingImplementations = FXCollections.observableArrayList();
    private final ObservableList<String> implementedFunctionsView = FXCollections.unmodifiableObservableList(implementedFunctions);
    private final ObservableList<String> implementedConnectorsView = FXCollections.unmodifiableObservableList(implementedConnectors);
    private final ObservableList<String> missingImplementationsView = FXCollections.unmodifiableObservableList(missingImplementations);
    private final BooleanBinding canRun;
    private final BooleanBinding canStep;
    private final BooleanBinding canContinue;
    private final BooleanBinding canStop;

    /**
     * @param projectDir plugin paths are resolved against it (may be null for a project not yet saved)
     * @param configs    the edited configs (not only what is on disk)
     * @param settings   input rows, pinned rows and plugin paths from the project's sidecar
     * @param ui         runs run events on the UI thread
     * @param background runs the inspector's and the diff's heavy work, and reads big input rows
     */
    public DebugSession(Path projectDir, ConfigSet configs, DebugSettings settings, DebugOptions options,
                        Executor ui, Executor background) {
        this.projectDir = projectDir;
        this.options = Objects.requireNonNull(options, "options");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.background = Objects.requireNonNull(background, "background");
        this.capture = OutputCapture.install();
        this.engine = new SessionEngine(projectDir, configs, settings.pluginPaths(), options, standIns);
        if (settings.callLimit() != null) {
            engine.setMaxCalls(settings.callLimit());
        }
        callLimit.set(settings.callLimit());
        this.inspector = new InspectorModel(ui, background);
        this.diff = new DiffModel(ui, background);
        this.runs = new RunController(options, ui, engine, standIns, capture, new Context());
        ReadOnlyObjectProperty<SessionState> state = runs.stateProperty();
        this.canRun = Bindings.createBooleanBinding(() -> !state.get().isActive(), state);
        this.canStep = Bindings.createBooleanBinding(() -> state.get() != SessionState.RUNNING, state);
        this.canContinue = Bindings.equal(state, SessionState.PAUSED);
        this.canStop = Bindings.createBooleanBinding(() -> state.get().isActive(), state);
        settings.pinnedRows().forEach((fname, rows) -> attachPin(PinEditor.of(fname, rows)));
        dryRun.set(settings.dryRun());
        dryRun.addListener((o, was, on) -> {
            settingsRevision.set(settingsRevision.get() + 1);
            refreshCodeSources();
        });
        goSemantics.set(settings.goSemantics());
        engine.setGoSemantics(settings.goSemantics());
        goSemantics.addListener((o, was, on) -> {
            engine.setGoSemantics(on);
            settingsRevision.set(settingsRevision.get() + 1);
        });
        metricsServed.set(options.metrics());
        engine.setMetricsServed(options.metrics());
        metricsServed.addListener((o, was, on) -> {
            engine.setMetricsServed(on);
            if (!runs.isActive()) {
                refreshCode();
            }
        });
        for (FlowConfig f : configs.flows().values()) {
            InputMode mode = settings.inputModes().getOrDefault(f.flowName(), InputMode.TEXT);
            InputEditor input = new InputEditor(f.flowName());
            input.attach(projectDir, ui, background);
            input.modeProperty().set(mode);
            String file = settings.inputFiles().get(f.flowName());
            if (file != null) {
                input.setFile(file);
            } else {
                input.textProperty().set(io.kisflow.designer.debug.input.RowsText.join(settings.inputRows().getOrDefault(f.flowName(), List.of())));
            }
            newFlowState(f, input);
        }
        if (options.loadInBackground()) {
            loadingPlugins.set(true);
            background.execute(() -> {
                engine.current();
                ui.execute(() -> {
                    loadingPlugins.set(false);
                    refreshCode();
                });
            });
        } else {
            refreshCode();
        }
    }

    /**
     * A session for an open project: its directory, its loaded configs and the run settings of its
     * sidecar. Pass the edited configs afterwards with {@link #configsChanged}.
     */
    public static DebugSession forProject(ProjectFiles files, DebugOptions options, Executor ui, Executor background) {
        return new DebugSession(files.directory(), files.configs(), LayoutSettings.read(files.layout()), options, ui, background);
    }

    /** The layout to save: {@code base} with this session's run settings. */
    public ProjectLayout layoutForSave(ProjectLayout base) {
        return LayoutSettings.write(settings(), base);
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
        input.fileProperty().addListener((obs, old, now) -> inputChanged(s));
        // A finished run, a run reopened from the history, a new run clearing the cards: show the picked level as it is now.
        s.shownRunProperty().addListener((obs, old, now) -> inspectedChanged(s.name(), Integer.MIN_VALUE));
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

    /**
     * Shows a card's level (its output) in the inspector, an empty level when it has none; from now on
     * the inspector shows that card's level as runs, steps and the history change it.
     */
    public void inspect(CardKey key) {
        if (card(key) != null) {
            inspectedFlow = key.flowName();
            inspectedPosition = key.position();
            showInspected();
        }
    }

    /** Shows a flow's source level in the inspector, and keeps showing it as runs change it. */
    public void inspectSource(String flowName) {
        if (flows.containsKey(flowName)) {
            inspectedFlow = flowName;
            inspectedPosition = -1;
            showInspected();
        }
    }

    /** The card whose level the inspector shows (position -1: the flow's source), or null when nothing was picked. */
    public CardKey inspectedCard() {
        return inspectedFlow == null || inspectedPosition < 0 ? null : new CardKey(inspectedFlow, inspectedPosition);
    }

    /** A level of {@code flowName} changed ({@code position} MIN_VALUE: maybe all of them): show it if it is the one picked. */
    private void inspectedChanged(String flowName, int position) {
        if (flowName.equals(inspectedFlow) && (position == Integer.MIN_VALUE || position == inspectedPosition) && !inspectScheduled) {
            // A fast run changes levels faster than anyone can look at them: show only the latest of a burst.
            inspectScheduled = true;
            ui.execute(() -> {
                inspectScheduled = false;
                showInspected();
            });
        }
    }

    private void showInspected() {
        FlowDebugState f = inspectedFlow == null ? null : flows.get(inspectedFlow);
        if (f == null) {
            return;
        }
        LevelData level;
        if (inspectedPosition < 0) {
            LevelData src = f.sourceProperty().get();
            level = src != null ? src : LevelData.source(f.name(), f.input().parsed().rows());
        } else {
            CardState c = f.card(inspectedPosition);
            if (c == null) {
                return;
            }
            LevelData out = c.outputProperty().get();
            level = out != null ? out : LevelData.of(f.name(), c.function(), inspectedPosition, List.of());
        }
        LevelData now = inspector.level();
        boolean same = now != null && now.rows() == level.rows() && now.position() == level.position()
                && now.flowName().equals(level.flowName()) && now.name().equals(level.name()) && now.pinned() == level.pinned();
        if (!same) {
            inspector.show(level);   // the same level again would reset the table's scroll for nothing
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
        return !refuseRunWhileReloading() && runs.run(flowName);
    }

    /**
     * Paused: runs the function the run waits before, and pauses before the next one. Otherwise starts
     * the flow and pauses before its first function.
     */
    public boolean step(String flowName) {
        return !refuseRunWhileReloading() && runs.step(flowName);
    }

    /** Paused: runs one function and pauses again. */
    public boolean step() {
        return runs.step();
    }

    /** Paused: runs on until a breakpoint, the "run to here" card or the end. */
    public boolean continueRun() {
        return runs.continueRun();
    }

    /**
     * Runs until just before the card (breakpoints on the way still pause). Paused in the same flow: the
     * run goes on to it; no run: a run starts. When the flow never reaches the card, the run just ends.
     */
    public boolean runToHere(CardKey key) {
        return !refuseRunWhileReloading() && runs.runToHere(key);
    }

    /** Stops the run. Always works: see the class comment for functions that do not return. */
    public void stop() {
        runs.stop();
    }

    /**
     * "Run from here": runs the flow from this card on, with the levels the cards hold for the
     * functions before it (the shown run's); they are not called again, so a Save or Load before the
     * card is not repeated. The history marks the run "from #n". Refused (see {@link #problems()})
     * when the card has no input rows held.
     */
    public boolean runFromHere(CardKey key) {
        return runs.runFromHere(key);
    }

    /**
     * Puts a conditional breakpoint on the card: the run pauses before it only when a row of its input
     * matches {@code condition} (see {@link BreakCondition}); blank keeps a plain breakpoint.
     *
     * @throws BreakCondition.Invalid when the condition does not parse (its message names the column)
     */
    public void setBreakpointCondition(CardKey key, String condition) {
        BreakCondition c = condition == null || condition.isBlank() ? null : BreakCondition.parse(condition);
        FlowDebugState f = flows.get(key.flowName());
        if (f != null) {
            f.setCondition(key.position(), c);
        }
    }

    /** On: a call that fails pauses the run at its card (levels as the failure left them); Continue ends the run. */
    public BooleanProperty pauseOnErrorProperty() {
        return pauseOnError;
    }

    /**
     * Keeps the project's runs on disk in {@code dir} (normally the project's {@link RunStore#DIR}) within
     * {@code limits}: every finished run is saved off the UI thread, and earlier ones are listed.
     */
    public StoredRuns keepRuns(Path dir, RunStoreLimits limits) {
        storedRuns = new StoredRuns(new RunStore(dir, limits), new StoredRuns.Host() {
            @Override
            public FlowDebugState flow(String name) {
                return flows.get(name);
            }

            @Override
            public void reserveNumbers(int n) {
                runs.reserveNumbers(n);
            }

            @Override
            public int nextNumber() {
                return runs.nextNumber();
            }
        }, ui, background);
        return storedRuns;
    }

    /** The run history on disk, or null when this session keeps none ({@link #keepRuns}). */
    public StoredRuns storedRuns() {
        return storedRuns;
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

    /** What the run controller sees of the session. */
    private final class Context implements RunController.Context {
        // A fast run produces levels faster than anyone can look at them: show only the latest of a burst.
        private LevelData pendingLevel;
        private boolean showScheduled;

        @Override
        public FlowDebugState flow(String flowName) {
            return flows.get(flowName);
        }

        @Override
        public CardState card(CardKey key) {
            return DebugSession.this.card(key);
        }

        @Override
        public PinEditor pin(String functionName) {
            return pins.get(functionName);
        }

        @Override
        public boolean dryRun() {
            return dryRun.get();
        }

        @Override
        public void codeChanged() {
            refreshCode();
        }

        @Override
        public void runFinished(RunRecord record) {
            if (storedRuns != null) {
                storedRuns.save(record);
            }
        }

        @Override
        public boolean pauseOnError() {
            return pauseOnError.get();
        }

        @Override
        public void newLevel(LevelData level) {
            if (inspectedFlow != null) {
                inspectedChanged(level.flowName(), level.position());
                return;
            }
            // Nothing picked yet: the inspector follows the run.
            pendingLevel = level;
            if (!showScheduled) {
                showScheduled = true;
                ui.execute(() -> {
                    showScheduled = false;
                    inspector.show(pendingLevel);
                });
            }
        }
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
                InputEditor input = new InputEditor(f.flowName());
                input.attach(projectDir, ui, background);
                newFlowState(f, input);
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
            if (oldName.equals(inspectedFlow)) {
                inspectedFlow = newName;
            }
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

    /**
     * The project's function sources were compiled again: the next run uses the new code, and the
     * results of {@code affected} (the functions of the changed files) and everything after them are
     * stale. While a run is going, it keeps its code; the new code serves the next one.
     */
    public void sourcesCompiled(io.kisflow.code.ProjectCode code, java.util.Set<String> affected) {
        engine.setSourceCode(code);
        if (!runs.isActive()) {
            refreshCode();
        }
        affected.forEach(this::markFunctionStale);
    }

    /** The compiled function sources the session's engine uses. */
    public io.kisflow.code.ProjectCode sourceCode() {
        return engine.sourceCode();
    }

    /** The project's plugin jars/folders changed (relative to the project directory when inside it). */
    public void setPluginPaths(List<String> paths) {
        engine.setPluginPaths(paths);
        settingsRevision.set(settingsRevision.get() + 1);
        if (!runs.isActive()) {
            refreshCode();
        }
    }

    /**
     * The project's call limit (the run panel's "Call limit"); null goes back to the default. The next
     * run uses it; a running one keeps its own.
     */
    public void setCallLimit(Integer limit) {
        if (Objects.equals(limit, callLimit.get())) {
            return;
        }
        if (limit != null && (limit < 1 || limit > CallLimit.MAX)) {
            throw new IllegalArgumentException("the call limit must be from 1 to " + CallLimit.MAX + ", not " + limit);
        }
        callLimit.set(limit);
        engine.setMaxCalls(limit == null ? options.maxCalls() : limit);
        settingsRevision.set(settingsRevision.get() + 1);
    }

    /** The project's call limit, null while it is the default; see {@link #effectiveCallLimit()}. */
    public ReadOnlyObjectProperty<Integer> callLimitProperty() {
        return callLimit.getReadOnlyProperty();
    }

    /** The function calls one run may make now: the project's limit, else the default. */
    public int effectiveCallLimit() {
        return engine.maxCalls();
    }

    /** The project's plugin jars/folders, as written in its sidecar (relative to the project directory when inside it). */
    public List<String> pluginPaths() {
        return engine.pluginPaths();
    }

    /**
     * Loads the plugins again (the user rebuilt a jar), without restarting. Refused while a run is in
     * progress. Every result is marked stale: it came from the old code.
     */
    public boolean reloadPlugins() {
        if (refuseReload()) {
            return false;
        }
        engine.reload();
        return reloaded();
    }

    /**
     * {@link #reloadPlugins()} off the UI thread (jars are read, sources compiled, plugins registered):
     * the status bar shows it with Cancel, runs are refused meanwhile, and the future (completed on the
     * UI thread) says whether the plugins loaded. Cancelled, the plugins loaded before stay and nothing
     * turns stale.
     */
    public java.util.concurrent.CompletableFuture<Boolean> reloadPlugins(io.kisflow.designer.status.StatusModel status) {
        if (refuseReload()) {
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
        reloading = true;
        loadingPlugins.set(true);
        String paths = engine.pluginPaths().isEmpty() ? "the project's code" : String.join(", ", engine.pluginPaths());
        io.kisflow.designer.ui.LongWork<Void> work = status.follow(io.kisflow.designer.ui.LongWork.start("Reloading plugins", p -> {
            p.uninterruptible(); // an interrupt would fail the reading of a jar; Cancel is honoured once the new engine is built
            p.step(0, 0, "Reloading plugins: " + paths);
            engine.reload(p::isCancelled);
            return null;
        }, background, ui));
        return work.result().handle((v, error) -> {
            reloading = false;
            loadingPlugins.set(false);
            if (error == null) {
                return reloaded();
            }
            refreshCode();
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
            runs.say(cause instanceof java.util.concurrent.CancellationException
                    ? "Reloading the plugins was cancelled; the plugins loaded before stay."
                    : "Plugins could not be loaded: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
            return false;
        });
    }

    /** True while {@link #reloadPlugins(io.kisflow.designer.status.StatusModel)} loads them. */
    private boolean reloading;

    private boolean refuseReload() {
        if (runs.isActive()) {
            runs.say("Stop the run of " + runs.activeFlowProperty().get() + " before reloading the plugins");
            return true;
        }
        if (reloading) {
            runs.say("The plugins are being reloaded (see the status bar)");
            return true;
        }
        return false;
    }

    /** A run now would use the code being replaced: refused with what to do. */
    private boolean refuseRunWhileReloading() {
        if (reloading) {
            runs.say("Wait until the plugins are reloaded (or cancel it in the status bar), then run again");
        }
        return reloading;
    }

    private boolean reloaded() {
        refreshCode();
        flows.values().forEach(s -> s.markStaleFrom(0));
        String failure = engine.failure();
        runs.say(failure == null ? "Plugins reloaded: " + implementedFunctions.size() + " functions, "
                + implementedConnectors.size() + " connectors" : "Plugins could not be loaded: " + failure);
        return failure == null;
    }

    private void refreshCode() {
        if (!runs.isActive()) {
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
        if (loadingPlugins.get()) {
            return;   // unknown yet: the cards claim nothing ("no code") until the plugins are loaded
        }
        java.util.Set<String> implemented = engine.implementedFunctions();
        java.util.Map<String, String> builtIn = engine.builtInFunctions();
        ConfigSet configs = engine.configs();
        io.kisflow.code.ProjectCode sources = engine.sourceCodeIfCompiled();
        java.util.Set<String> uncompiled = sources == null || configs == null ? java.util.Set.of()
                : sources.uncompiledFunctions(configs.funcs().keySet()).keySet();
        java.util.function.Function<String, CodeSource> sourceOf = fname -> pins.containsKey(fname) && pins.get(fname).isPinned()
                ? CodeSource.PINNED : builtIn.containsKey(fname) ? CodeSource.BUILT_IN
                : implemented.contains(fname) ? CodeSource.PLUGIN
                : uncompiled.contains(fname) ? CodeSource.UNCOMPILED : CodeSource.PASS_THROUGH;
        for (FlowDebugState s : flows.values()) {
            s.refreshCodeSources(sourceOf, builtIn, card -> dryRunEffect(configs.func(card.function()), sourceOf.apply(card.function())));
        }
    }

    /** What a dry run does to a function: the engine's rule (a pin wins; a Load with code is refused; other calls are recorded). */
    private DryRunEffect dryRunEffect(io.kisflow.config.FuncConfig fc, CodeSource source) {
        if (!dryRun.get() || fc == null || !fc.hasConnector() || source == CodeSource.PINNED) {
            return DryRunEffect.NONE;
        }
        boolean load = "Load".equals(fc.fmode());
        boolean fromStorage = source == CodeSource.PLUGIN || source == CodeSource.BUILT_IN;
        return load && fromStorage ? DryRunEffect.NEEDS_PIN : DryRunEffect.RECORDED;
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

    /**
     * Puts run settings back (undo or redo of an input, pin or plugin edit): the editors take the
     * settings' rows where they hold different ones; text that already means the same rows is left as
     * typed. Pins not in the settings are unpinned (their text stays, for pinning again).
     */
    public void applySettings(DebugSettings wanted) {
        for (FlowDebugState s : flows.values()) {
            InputEditor in = s.input();
            InputMode mode = wanted.inputModes().getOrDefault(s.name(), InputMode.TEXT);
            if (in.modeProperty().get() != mode) {
                in.modeProperty().set(mode);
            }
            String file = wanted.inputFiles().getOrDefault(s.name(), "");
            List<String> rows = wanted.inputRows().getOrDefault(s.name(), List.of());
            if (file.isEmpty() && !in.stored().equals(rows)) {
                in.textProperty().set(io.kisflow.designer.debug.input.RowsText.join(rows));
            }
            in.setFile(file);
        }
        wanted.pinnedRows().forEach((fname, rows) -> {
            PinEditor p = pins(fname);
            if (!p.stored().equals(rows)) {
                p.textProperty().set(io.kisflow.designer.debug.input.RowsText.join(rows));
            }
            p.pinnedProperty().set(true);
        });
        for (PinEditor p : pins.values()) {
            if (p.isPinned() && !wanted.pinnedRows().containsKey(p.functionName())) {
                p.pinnedProperty().set(false);
            }
        }
        if (!engine.pluginPaths().equals(wanted.pluginPaths())) {
            setPluginPaths(wanted.pluginPaths());
        }
        setCallLimit(wanted.callLimit());
        dryRun.set(wanted.dryRun());
        goSemantics.set(wanted.goSemantics());
    }

    /** The run settings to write into the project's sidecar: input rows and modes, pinned rows, plugin paths, dry run. */
    public DebugSettings settings() {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        Map<String, InputMode> modes = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (FlowDebugState s : flows.values()) {
            if (engine.configs().flow(s.name()) == null) {
                continue;
            }
            String file = s.input().fileProperty().get();
            if (!file.isEmpty()) {
                files.put(s.name(), file);
                modes.put(s.name(), s.input().modeProperty().get());
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
        return new DebugSettings(inputs, modes, pinned, engine.pluginPaths(), files, dryRun.get(), callLimit.get(), goSemantics.get());
    }

    // ================================================================ what views bind to

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return runs.stateProperty();
    }

    public SessionState state() {
        return runs.stateProperty().get();
    }

    /** The flow of the run in progress, or of the last run. */
    public ReadOnlyStringProperty activeFlowProperty() {
        return runs.activeFlowProperty();
    }

    /** The card the run waits before, null when it is not paused. */
    public ReadOnlyObjectProperty<CardKey> pausedAtProperty() {
        return runs.pausedAtProperty();
    }

    /** The run panel's status line. */
    public ReadOnlyStringProperty messageProperty() {
        return runs.messageProperty();
    }

    /** Why the last Run was refused, and warnings about it (metrics not served, connector code a dry run does not need). */
    public ObservableList<Problem> problems() {
        return runs.problems();
    }

    /** The flow whose start {@link #problems()} are about ("" before the first start). */
    public ReadOnlyStringProperty problemsFlowProperty() {
        return runs.problemsFlowProperty();
    }

    /** Run threads Stop gave up on that have not returned yet (they still use a CPU if they loop). */
    public ReadOnlyIntegerProperty abandonedThreadsProperty() {
        return runs.abandonedThreadsProperty();
    }

    /**
     * On: the session's engine collects Go's metrics and serves them on 127.0.0.1 (the global config's
     * port when it names one). Off by default, whatever the global config says; while a run is in
     * progress the change applies to the next run.
     */
    public BooleanProperty metricsServedProperty() {
        return metricsServed;
    }

    /**
     * On: runs are dry runs. No connector is opened, every connector call is recorded instead of
     * performed (each call's {@link CallRecord#connectorCalls()}, the Call tab), and a Load function
     * with code must be pinned (a run is refused until it is). Kept in the project's sidecar; turning
     * it on or off is an edit like the other run settings (Undo takes it back). Applies from the next run.
     */
    public BooleanProperty dryRunProperty() {
        return dryRun;
    }

    /**
     * On: runs do as a Go KisFlow server would, quirks included (Engine.Builder.goSemantics), so the
     * levels shown are a Go server's; off: the Java engine's semantics, with the points where Go
     * would differ noted on the calls ({@link CallRecord#goNotes()}). Kept in the project's sidecar;
     * turning it on or off is an undoable edit. Applies from the next run.
     */
    public BooleanProperty goSemanticsProperty() {
        return goSemantics;
    }

    /**
     * What the project's global config asks of servers about metrics, one sentence, or "" when it
     * asks nothing: the designer shows it and keeps it in the file, but does not act on it.
     */
    public String configuredMetrics() {
        var g = engine.configs().globalOrDefault();
        if (!g.prometheusEnable()) {
            return "";
        }
        return g.prometheusListen() && !g.prometheusServe().isBlank()
                ? "The global config turns metrics on for servers and has them listen at " + g.prometheusServe() + "."
                : "The global config turns metrics on for servers (prometheus_enable).";
    }

    /**
     * Where the session's engine serves Prometheus metrics once the user turned them on
     * ({@link #metricsServedProperty()}), e.g. "http://127.0.0.1:20004/metrics"; "" when it does not.
     */
    public ReadOnlyStringProperty metricsEndpointProperty() {
        return metricsEndpoint.getReadOnlyProperty();
    }

    /** True while the session's first engine is built in the background ({@link DebugOptions#loadInBackground()}). */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingPluginsProperty() {
        return loadingPlugins.getReadOnlyProperty();
    }

    /** Goes up on every change of input rows, pins, plugin paths or the dry-run switch: the project has unsaved sidecar changes. */
    public ReadOnlyIntegerProperty settingsRevisionProperty() {
        return settingsRevision.getReadOnlyProperty();
    }

    /** Function names the plugins (and built-in samples) implement. */
    public ObservableList<String> implementedFunctions() {
        return implementedFunctionsView;
    }

    /**
     * For a Save or Load function bound to a connector of a built-in type, what the connector does
     * with the rows (the card's "built-in · ..." text); null for any other function.
     */
    public String builtInDescription(String fname) {
        return engine.builtInFunctions().get(fname);
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
        runs.stopQuietly();
        engine.close();
    }
}
