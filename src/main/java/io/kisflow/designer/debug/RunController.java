package io.kisflow.designer.debug;

import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.Problem;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.input.PinEditor;
import io.kisflow.engine.DryRun;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.FunctionStart;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.Level;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The run part of a {@link DebugSession}: starts a run on its own thread after the pre-run checks,
 * steps, continues, runs to a card, stops (abandoning a thread that does not return within the
 * grace period), applies the run's events on the UI thread and ends with a {@link RunRecord}. Owns
 * the session state, the paused card, the status line and the problems of the last start.
 */
final class RunController {
    /** What the controller needs of the session. */
    interface Context {
        FlowDebugState flow(String flowName);

        CardState card(CardKey key);

        /** The pinned-rows editor of a function, or null when it has none. */
        PinEditor pin(String functionName);

        /** True: runs are dry runs (connector calls recorded, not performed). */
        boolean dryRun();

        /** The plugins may have been (re)loaded: refresh what the cards say about code. */
        void codeChanged();

        /** A level the run just produced (the inspector follows it when asked to). */
        void newLevel(LevelData level);

        /** A run ended and its record is in the flow's history (the run store keeps it on disk). */
        void runFinished(RunRecord record);

        /** True: a failed call pauses the run before it ends ("Pause on error"). */
        boolean pauseOnError();
    }

    private final DebugOptions options;
    private final Executor ui;
    private final SessionEngine engine;
    private final StandIns standIns;
    private final OutputCapture capture;
    private final Context context;

    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(this, "state", SessionState.IDLE);
    private final ReadOnlyStringWrapper activeFlow = new ReadOnlyStringWrapper(this, "activeFlow", "");
    private final ReadOnlyObjectWrapper<CardKey> pausedAt = new ReadOnlyObjectWrapper<>(this, "pausedAt");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper problemsFlow = new ReadOnlyStringWrapper(this, "problemsFlow", "");
    private final ReadOnlyIntegerWrapper abandonedThreads = new ReadOnlyIntegerWrapper(this, "abandonedThreads");

    private ActiveRun active;
    private int runCounter;

    RunController(DebugOptions options, Executor ui, SessionEngine engine, StandIns standIns, OutputCapture capture, Context context) {
        this.options = options;
        this.ui = ui;
        this.engine = engine;
        this.standIns = standIns;
        this.capture = capture;
        this.context = context;
    }

    boolean isActive() {
        return state.get().isActive();
    }

    /** Says something on the status line (for example why a command was refused). */
    void say(String text) {
        message.set(text);
    }

    /** Runs a flow to the end, pausing only at breakpoints. False (and {@link #problems()} say why) when refused. */
    boolean run(String flowName) {
        return start(flowName, false, -1, -1);
    }

    /**
     * "Run from here": runs the flow from the card on, with the levels the cards hold for the functions
     * before it (the source and their outputs, from the shown run); they are not called again, so a
     * Save or Load before the card is not repeated. Refused when the card has no input level.
     */
    boolean runFromHere(CardKey key) {
        return start(key.flowName(), false, -1, key.position());
    }

    /** Run numbers up to {@code n} are taken (by runs kept on disk): the next run is numbered above them. */
    void reserveNumbers(int n) {
        runCounter = Math.max(runCounter, n);
    }

    /** The next run number (for a run imported from a trace). */
    int nextNumber() {
        return ++runCounter;
    }

    /**
     * Paused: runs the function the run waits before, and pauses before the next one. Otherwise starts
     * the flow and pauses before its first function.
     */
    boolean step(String flowName) {
        if (state.get() == SessionState.PAUSED && active != null && active.flowName.equals(flowName)) {
            return step();
        }
        return start(flowName, true, -1, -1);
    }

    /** Paused: runs one function and pauses again. */
    boolean step() {
        if (state.get() != SessionState.PAUSED || active == null) {
            return false;
        }
        resumed("Running " + describeCard(pausedAt.get()) + "…");
        active.stepper.step();
        return true;
    }

    /** Paused: runs on until a breakpoint, the "run to here" card or the end. */
    boolean continueRun() {
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
    boolean runToHere(CardKey key) {
        if (state.get() == SessionState.PAUSED && active != null && active.flowName.equals(key.flowName())) {
            active.target = key.position();
            resumed("Running to " + describeCard(key) + "…");
            active.stepper.resume();
            return true;
        }
        return start(key.flowName(), false, key.position(), -1);
    }

    /** Stops the run; a thread still in a function after the grace period is abandoned (see {@link DebugSession}). */
    void stop() {
        ActiveRun run = active;
        if (run == null || run.stopRequested) {
            return;
        }
        tell(run.flowName, "Stopping " + run.flowName + "…");
        run.requestStop();
        long graceMillis = Math.max(0, options.stopGrace().toMillis());
        Executor later = CompletableFuture.delayedExecutor(graceMillis, TimeUnit.MILLISECONDS);
        later.execute(() -> {
            if (run.thread.isAlive()) {
                ui.execute(() -> abandon(run));
            }
        });
    }

    // State changes come last everywhere: whoever reacts to the state sees the rest already updated.
    private void resumed(String text) {
        pausedAt.set(null);
        tell(active.flowName, text);
        setState(active.flowName, SessionState.RUNNING);
    }

    /** The status line of the session and of the flow it is about (each flow's panel shows only its own). */
    private void tell(String flowName, String text) {
        FlowDebugState f = context.flow(flowName);
        if (f != null) {
            f.setMessage(text);
        }
        message.set(text);
    }

    /** The state of the session and of the flow whose run it is. */
    private void setState(String flowName, SessionState s) {
        FlowDebugState f = context.flow(flowName);
        if (f != null) {
            f.setRunState(s);
        }
        state.set(s);
    }

    private boolean start(String flowName, boolean pauseFirst, int target, int from) {
        if (state.get().isActive()) {
            tell(flowName, "A run of " + activeFlow.get() + " is in progress: stop it first");
            return false;
        }
        FlowDebugState f = context.flow(flowName);
        List<Problem> found = f == null
                ? List.of(Problem.error(null, 0, flowName, "there is no flow named " + flowName + " in this project"))
                : PreRunCheck.check(flowName, engine, f.input(), context::pin, context.dryRun());
        problemsFlow.set(flowName);
        problems.setAll(found);
        if (f != null) {
            f.setProblems(found);
        }
        context.codeChanged();
        List<List<Object>> held = null;
        if (from >= 0 && !PreRunCheck.hasErrors(found)) {
            held = heldLevels(f, from);
            if (held == null) {
                CardState c = f.card(from);
                Problem p = Problem.error(null, 0, flowName, "#" + (from + 1) + " " + (c == null ? "?" : c.function())
                        + " has no input rows held to run from: run the flow up to it first (Run to here, F10 with Ctrl)");
                problems.add(p);
                f.addProblem(p);
                found = List.copyOf(problems);
            }
        }
        if (PreRunCheck.hasErrors(found)) {
            long errors = found.stream().filter(Problem::isError).count();
            tell(flowName, "Run of " + flowName + " refused: " + errors + (errors == 1 ? " problem" : " problems") + " to fix first");
            return false;
        }
        Map<Integer, CodeSource> sources = new HashMap<>();
        Map<String, List<Object>> pinned = new HashMap<>();
        for (CardState c : f.cards()) {
            CodeSource cs = c.codeSourceProperty().get();
            sources.put(c.position(), cs);
            if (cs == CodeSource.PINNED) {
                pinned.put(c.function(), context.pin(c.function()).parsed().rows());
            }
        }
        // The engine asks for the pins when it makes the flow instance: they are set first.
        standIns.usePins(pinned);
        Engine e = engine.current();
        KisFlowRun flow;
        try {
            flow = e.flow(flowName);
        } catch (IllegalArgumentException ex) {
            Problem p = Problem.error(null, 0, flowName, ex.getMessage());
            problems.add(p);
            f.addProblem(p);
            tell(flowName, "Run of " + flowName + " refused: " + ex.getMessage());
            return false;
        }
        FlowConfig config = engine.configs().flow(flowName);
        List<String> chain = config.flows().stream().map(FlowStep::fname).toList();
        DryRun dryRun = context.dryRun() ? new DryRun() : null;
        flow.setConnectorGate(dryRun);

        if (held != null) {
            flow.startAt(from, held);
        }
        ActiveRun run = new ActiveRun(++runCounter, flowName, chain, flow, sources, dryRun);
        run.target = target;
        run.fromPosition = held != null ? from : -1;
        run.pauseOnError = context.pauseOnError();
        run.recorder = new RunRecorder(run, capture, new ToUi());
        run.stepper.setBreakpoint(ev -> f.breaksBefore(ev) || ev.position() == run.target);
        run.stepper.setOnPause(ev -> {
            if (run.pausedOnError) {
                post(run, () -> pausedOnError(run, ev));
                return;
            }
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
        flow.addListener(new ErrorPause(run));
        flow.setStepController(run.stepper);
        // The source rows go in on the run's thread: a file's rows are made from its bytes as they are
        // committed (PackedRows), which for a big file is work the window must not wait for.
        run.input = held != null ? List.of() : f.input().parsed().rows();

        active = run;
        f.beginRun();
        activeFlow.set(flowName);
        pausedAt.set(null);
        tell(flowName, (dryRun != null ? "Dry run of " : "Running ") + flowName
                + (held != null ? " from " + describeCard(new CardKey(flowName, from)) : "") + "…");
        setState(flowName, SessionState.RUNNING);
        run.thread = new Thread(() -> runOnItsThread(run), "kisflow-debug-run-" + run.number + "-" + flowName);
        run.thread.setDaemon(true);
        run.thread.start();
        return true;
    }

    /** The run thread: runs the flow, then hands the record to the UI thread. */
    private void runOnItsThread(ActiveRun run) {
        Throwable crash = null;
        try {
            // as a plain collection: the engine then iterates, and a file's rows are read in one pass
            if (run.fromPosition < 0) {
                run.flow.commitRowBatch(java.util.Collections.unmodifiableCollection(run.input));
            }
            run.input = null;
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
                FlowDebugState f = context.flow(run.flowName);
                if (f != null) {
                    f.runStarted(source);
                }
                context.newLevel(source);
            });
        }

        @Override
        public void callComing(ActiveRun run, FunctionStart e) {
            post(run, () -> {
                FlowDebugState f = context.flow(run.flowName);
                if (f != null) {
                    f.callComing(e);
                }
            });
        }

        @Override
        public void callEnded(ActiveRun run, CallRecord call, LevelData level) {
            post(run, () -> {
                FlowDebugState f = context.flow(run.flowName);
                if (f != null) {
                    f.callEnded(call, level);
                }
                context.newLevel(level != null ? level : LevelData.of(run.flowName, call.function(), call.position(), List.of()));
            });
        }
    }

    /**
     * The levels the cards hold before the card at {@code from}: the source, then each earlier card's
     * output (null where it has none). Null when the card's own input level is missing.
     */
    private static List<List<Object>> heldLevels(FlowDebugState f, int from) {
        if (f.card(from) == null) {
            return null;
        }
        List<List<Object>> out = new java.util.ArrayList<>();
        LevelData src = f.sourceProperty().get();
        if (src == null) {
            return null;
        }
        out.add(src.rows());
        for (int p = 0; p < from; p++) {
            LevelData l = f.card(p).outputProperty().get();
            out.add(l == null ? null : l.rows());
        }
        return out.get(from) == null ? null : out;
    }

    /**
     * "Pause on error": heard after the recorder, on the run's thread. A call that failed for good (not
     * a retry) waits here, with the levels as the failure left them, until Continue, Step or Stop; the
     * run then ends with the error as it would have.
     */
    private final class ErrorPause implements io.kisflow.engine.RunListener {
        private final ActiveRun run;

        ErrorPause(ActiveRun run) {
            this.run = run;
        }

        @Override
        public void functionEnded(io.kisflow.engine.FunctionEnd e) {
            if (!run.pauseOnError || !e.failed() || e.outcome().startsWith("retry") || run.stopRequested) {
                return;
            }
            run.pausedOnError = true;
            try {
                run.stepper.pause();
                run.stepper.beforeFunction(new FunctionStart(e.flowName(), e.seq(), e.position(), e.function(), e.mode(),
                        "", List.of(), Map.of()));
            } catch (InterruptedException | io.kisflow.engine.RunAbortedException ex) {
                // Stop while paused at the error: the run ends with it all the same
                if (ex instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                run.pausedOnError = false;
            }
        }
    }

    private void pausedOnError(ActiveRun run, FunctionStart e) {
        CardKey key = new CardKey(run.flowName, e.position());
        CardState card = context.card(key);
        CallRecord last = card == null ? null : card.lastCallProperty().get();
        if (last != null && last.failed()) {
            card.setStatus(CardStatus.FAILED);
            card.setError(last.error());
        }
        pausedAt.set(key);
        tell(run.flowName, "Paused at the error of " + describeCard(key) + " (call " + e.seq()
                + "): look at the levels, then Continue to end the run");
        setState(run.flowName, SessionState.PAUSED);
    }

    private void paused(ActiveRun run, FunctionStart e) {
        CardKey key = new CardKey(run.flowName, e.position());
        pausedAt.set(key);
        tell(run.flowName, "Paused before " + describeCard(key) + " (call " + e.seq() + ")");
        setState(run.flowName, SessionState.PAUSED);
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
        FlowDebugState f = context.flow(run.flowName);
        if (f != null) {
            f.runEnded(record);
            context.runFinished(record);
        }
        if (!record.calls().isEmpty()) {
            CallRecord last = record.calls().get(record.calls().size() - 1);
            LevelData level = record.level(last.position());
            context.newLevel(level != null ? level : LevelData.of(run.flowName, last.function(), last.position(), List.of()));
        }
        tell(run.flowName, summary(record));
        setState(run.flowName, switch (record.outcome()) {
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
        FlowDebugState f = context.flow(run.flowName);
        if (f != null) {
            f.runEnded(record);
        }
        tell(run.flowName, text);
        setState(run.flowName, SessionState.STOPPED);
    }

    private String summary(RunRecord r) {
        int calls = r.calls().size();
        String callText = calls + (calls == 1 ? " call" : " calls");
        String run = (r.dryRun() ? "Dry run #" : "Run #") + r.number() + " of " + r.flowName();
        String text = switch (r.outcome()) {
            case FINISHED -> run + " finished: " + callText + ", " + r.times();
            case FAILED -> run + " failed"
                    + (r.failedPosition() >= 0 ? " at " + describeCard(new CardKey(r.flowName(), r.failedPosition())) : "")
                    + ": " + r.error().message();
            case STOPPED -> run + " stopped after " + callText;
        };
        if (!r.dryRun()) {
            return text;
        }
        int recorded = r.connectorCalls();
        return text + " (nothing written: " + recorded + (recorded == 1 ? " connector call" : " connector calls") + " recorded)";
    }

    private String describeCard(CardKey key) {
        if (key == null) {
            return "";
        }
        CardState c = context.card(key);
        return "#" + (key.position() + 1) + " " + (c == null ? "?" : c.function());
    }

    /** Asks a run in progress to stop, without waiting (the session is closing). */
    void stopQuietly() {
        ActiveRun run = active;
        if (run != null) {
            run.requestStop();
        }
    }

    ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty activeFlowProperty() {
        return activeFlow.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<CardKey> pausedAtProperty() {
        return pausedAt.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problemsFlowProperty() {
        return problemsFlow.getReadOnlyProperty();
    }

    ObservableList<Problem> problems() {
        return problemsView;
    }

    ReadOnlyIntegerProperty abandonedThreadsProperty() {
        return abandonedThreads.getReadOnlyProperty();
    }
}
