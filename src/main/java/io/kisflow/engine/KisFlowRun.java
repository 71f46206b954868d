package io.kisflow.engine;

import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FuncConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's {@link Flow}: one instance of a flow with its own levels, buffer, cache and metadata,
 * plus what a debugger needs: listeners, a step controller, {@link #abort()} and {@link #levels()}.
 * Functions run on the thread that calls {@link #run()}; one instance runs on one thread at a time
 * (use {@link #fork()} for more). Run semantics are Go KisFlow's (see docs/DIFFERENCES.md for where
 * they deliberately differ).
 *
 * <pre>{@code KisFlowRun flow = engine.flow("CalStuAvgScore");
 * TraceRecorder trace = new TraceRecorder(flow);
 * flow.commitRow("{\"stu_id\":101,\"score_1\":90,\"score_2\":80,\"score_3\":70}");
 * flow.run();
 * flow.levels().forEach(System.out::println);
 * trace.write(Path.of("run.json"));}</pre>
 */
public final class KisFlowRun implements Flow {
    /** Go's name of the source level. */
    public static final String SOURCE_LEVEL = "FunctionIDFirstVirtual";
    private static final RunListener[] NO_LISTENERS = {};

    private final FlowPlan plan;
    private final String id;
    private final FunctionInstance[] functions;
    private final LevelStore levels;
    private final PendingActions actions = new PendingActions();
    private final FlowCache cache = new FlowCache(System::nanoTime);
    private final MetaData metaData = new MetaData();

    // Run state, touched only by the running thread.
    private RowList buffer = new RowList();
    private FunctionInstance current;
    private List<Object> currentInput = List.of();
    private int calls;
    private String outcome;
    private int lastJumpFrom = -1;
    private int lastJumpTo = -1;

    private volatile RunListener[] listeners = NO_LISTENERS;
    private volatile StepController stepController;
    private final AtomicReference<Thread> runner = new AtomicReference<>();
    private final Object abortLock = new Object();
    private volatile boolean abortRequested;

    KisFlowRun(FlowPlan plan) {
        this.plan = plan;
        this.id = newId("flow");
        FlowPlan.Step[] steps = plan.steps;
        this.functions = new FunctionInstance[steps.length];
        String[] names = new String[steps.length];
        for (int i = 0; i < steps.length; i++) {
            functions[i] = new FunctionInstance(steps[i], newId("func"));
            names[i] = steps[i].name();
        }
        this.levels = new LevelStore(names);
    }

    private static String newId(String kind) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return kind + "-" + new UUID(r.nextLong(), r.nextLong());
    }

    // ---------------------------------------------------------------- Flow API

    @Override
    public String getName() {
        return plan.name;
    }

    @Override
    public String getId() {
        return id;
    }

    /** The level the current function reads: the engine's own read-only list, never changed afterwards. */
    @Override
    public List<Object> input() {
        return currentInput;
    }

    @Override
    public void commitRow(Object row) {
        buffer.append(row);
    }

    @Override
    public void commitRowBatch(Collection<?> rows) {
        buffer.appendAll(Objects.requireNonNull(rows, "commitRowBatch was given null instead of a collection of rows"));
    }

    @Override
    public void next(Action... acts) {
        actions.set(acts);
    }

    @Override
    public Function getThisFunction() {
        return current;
    }

    @Override
    public FuncConfig getThisFuncConf() {
        return current == null ? null : current.getConfig();
    }

    @Override
    public Connector getConnector() {
        return boundConnector();
    }

    @Override
    public ConnConfig getConnConf() {
        return boundConnector().getConfig();
    }

    private ConnectorInstance boundConnector() {
        if (current == null) {
            throw new IllegalStateException("flow " + plan.name + ": getConnector() works only inside a function call");
        }
        ConnectorInstance c = current.connector();
        if (c == null) {
            throw new IllegalStateException("function " + current.getName() + " binds no connector: set option.cname in its config");
        }
        return c;
    }

    @Override
    public FlowConfig getConfig() {
        return plan.config;
    }

    @Override
    public String getFuncParam(String key) {
        return current == null ? null : current.params().get(key);
    }

    @Override
    public Map<String, String> getFuncParamAll() {
        return current == null ? Map.of() : current.params();
    }

    @Override
    public Object getCacheData(String key) {
        return cache.get(key);
    }

    @Override
    public void setCacheData(String key, Object value, Duration ttl) {
        cache.set(key, value, ttl);
    }

    @Override
    public Object getMetaData(String key) {
        return metaData.get(key);
    }

    @Override
    public void setMetaData(String key, Object value) {
        metaData.set(key, value);
    }

    /** A new, fully independent instance of the same flow: same chain, params and (shared) connectors; no data, listeners or controller. */
    @Override
    public KisFlowRun fork() {
        return new KisFlowRun(plan);
    }

    // ---------------------------------------------------------------- observation

    public boolean isEnabled() {
        return plan.enabled();
    }

    /** The function instances of the chain, in order. */
    public List<Function> functions() {
        return List.of(functions);
    }

    /** The params the function at {@code position} sees: its default_params overlaid by the flow's params. */
    public Map<String, String> funcParams(int position) {
        return functions[position].params();
    }

    public synchronized void addListener(RunListener listener) {
        Objects.requireNonNull(listener, "listener");
        RunListener[] old = listeners;
        RunListener[] grown = java.util.Arrays.copyOf(old, old.length + 1);
        grown[old.length] = listener;
        listeners = grown;
    }

    public synchronized void removeListener(RunListener listener) {
        List<RunListener> kept = new ArrayList<>(List.of(listeners));
        kept.remove(listener);
        listeners = kept.toArray(NO_LISTENERS);
    }

    /** Sets (or, with null, removes) the controller asked before every function call. */
    public void setStepController(StepController controller) {
        this.stepController = controller;
    }

    /**
     * The existing levels (source first, then each function that has a level, in chain order) as
     * immutable snapshots; safe from any thread, during a run (for example while paused) or after it.
     */
    public List<Level> levels() {
        return levels.snapshot();
    }

    public boolean isRunning() {
        return runner.get() != null;
    }

    /**
     * Aborts the run in progress from any thread: it stops before its next function, or at once when
     * it is paused, waiting to retry or blocked in interruptible code (its thread is interrupted).
     * The run then fails with a FlowException saying "aborted by user". Does nothing when idle.
     */
    public void abort() {
        synchronized (abortLock) {
            Thread t = runner.get();
            if (t != null) {
                abortRequested = true;
                t.interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs the committed rows through the chain. A disabled flow (status 0) does nothing: its
     * committed rows are dropped. On failure the buffer and pending actions are discarded, so the
     * next run starts clean.
     */
    @Override
    public void run() throws FlowException {
        if (!plan.enabled()) {
            buffer = new RowList();
            return;
        }
        Thread me = Thread.currentThread();
        if (!runner.compareAndSet(null, me)) {
            Thread other = runner.get();
            throw new IllegalStateException("flow " + plan.name + " is already running" + (other == me ? " on this thread" : " on thread " + other.getName())
                    + ": one flow instance runs one run at a time; use fork() for concurrent runs");
        }
        long start = System.nanoTime();
        FlowException error = null;
        try {
            calls = 0;
            lastJumpFrom = -1;
            lastJumpTo = -1;
            runChain();
        } catch (FlowException e) {
            error = e;
        } finally {
            if (!buffer.isEmpty()) {
                buffer = new RowList();
            }
            actions.clear();
            current = null;
            currentInput = List.of();
        }
        try {
            long nanos = System.nanoTime() - start;
            if (error == null && plan.metrics != null) {
                plan.metrics.runSucceeded(nanos);
            }
            error = announceRunEnd(nanos, error);
        } finally {
            synchronized (abortLock) {
                runner.set(null);
                if (abortRequested) {
                    abortRequested = false;
                    Thread.interrupted(); // the interrupt was ours; do not leak it to the caller
                }
            }
        }
        if (error != null) {
            throw error;
        }
    }

    private void runChain() throws FlowException {
        int sourceRows = buffer.size();
        levels.startRun(buffer);
        buffer = new RowList();
        actions.clear();
        if (plan.metrics != null) {
            plan.metrics.runStarted(sourceRows);
        }
        if (listeners.length != 0 || stepController != null) {
            announceRunStart();
        }
        FunctionInstance[] fns = functions;
        int pos = fns.length == 0 ? -1 : 0;
        int attempt = 0;
        while (pos >= 0) {
            FunctionInstance fn = fns[pos];
            FlowPlan.Step step = fn.step;
            if (calls == plan.maxCalls) {
                throw tooManyCalls();
            }
            if (abortRequested) {
                throw aborted("before", fn);
            }
            calls++;
            List<Object> input = levels.input(pos);
            if (input == null) {
                throw noInput(fn);
            }
            current = fn;
            currentInput = input;
            boolean observed = listeners.length != 0;
            StepController controller = stepController;
            if (observed || controller != null) {
                announceFunctionStart(fn, input, controller, observed);
            }
            EngineMetrics.FunctionMetrics m = step.metrics();
            long t0 = observed || m != null ? System.nanoTime() : 0;
            if (m != null) {
                m.schedules().inc();
            }

            Throwable failure = call(fn, input);
            if (failure != null) {
                FlowException error = asFlowException(fn, failure);
                int retries = step.config().option().retryTimes();
                boolean retriable = !(failure instanceof EngineFailure ef) || ef.retriable;
                if (retriable && attempt < retries && !abortRequested) {
                    attempt++;
                    int wait = Math.max(0, step.config().option().returnDuration());
                    if (observed) {
                        announceEnd(fn, committedRows(), actions.asList(), t0, error,
                                "retry " + attempt + " of " + retries + " in " + wait + " ms");
                    }
                    buffer = new RowList();
                    actions.clear();
                    pause(fn, wait);
                    continue;
                }
                if (observed) {
                    announceEnd(fn, committedRows(), actions.asList(), t0, error,
                            abortRequested ? FunctionEnd.OUTCOME_ABORTED_BY_USER : FunctionEnd.OUTCOME_ERROR);
                }
                throw error;
            }
            attempt = 0;

            List<Object> committed = observed ? committedRows() : null;
            List<Action> asked = observed ? actions.asList() : null;
            int next;
            try {
                next = applyActions(fn);
            } catch (FlowException e) {
                if (observed) {
                    announceEnd(fn, committed, asked, t0, e, FunctionEnd.OUTCOME_ERROR);
                }
                throw e;
            }
            long nanos = t0 == 0 ? 0 : System.nanoTime() - t0;
            if (m != null) {
                m.succeeded(nanos);
            }
            if (observed) {
                announceEnd(fn, committed, asked, t0, null, outcome);
            }
            pos = next;
        }
    }

    /**
     * What the current function committed, for observers. A non-empty buffer is never written again
     * (it becomes a level or is replaced), so it is shared; an empty one may still receive rows.
     */
    private List<Object> committedRows() {
        return buffer.isEmpty() ? List.of() : buffer;
    }

    /** Calls the function's code; returns what it threw, or null. */
    private Throwable call(FunctionInstance fn, List<Object> input) {
        FlowPlan.Step step = fn.step;
        if (step.code() == null) {
            return new EngineFailure(false, new FlowException(plan.name, step.name(), where(fn) + ": no plugin implements function "
                    + step.name() + " (register it with Pool.faas(\"" + step.name() + "\", ...) in a KisPlugin)", null));
        }
        ConnectorInstance conn = step.connector();
        if (conn != null && !conn.isInitialised()) {
            try {
                conn.ensureInitialised();
            } catch (Exception | LinkageError e) {
                return new EngineFailure(true, new FlowException(plan.name, step.name(), where(fn) + ": connector "
                        + conn.getName() + " failed to initialise: " + describe(e), e));
            }
        }
        try {
            step.code().call(this, input);
            return null;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            return t;
        }
    }

    /**
     * Go's dealAction, with the deliberate differences: ForceEntryNext keeps a level the function did
     * commit, and DataReuse on an empty input drops the function's rows instead of leaking them into
     * the next run. Returns the next position, or -1 to stop; sets {@link #outcome}.
     */
    private int applyActions(FunctionInstance fn) throws FlowException {
        int pos = fn.position();
        PendingActions a = actions;
        boolean stop = false;
        boolean levelSet = false;
        if (a.dataReuse) {
            if (levels.input(pos).isEmpty()) {
                stop = true;
                outcome = FunctionEnd.OUTCOME_REUSE_EMPTY;
            } else {
                levels.reuseInput(pos);
                levelSet = true;
            }
            buffer = new RowList();
        } else if (buffer.isEmpty()) {
            stop = true;
            outcome = FunctionEnd.OUTCOME_NO_ROWS;
        } else {
            levels.commit(pos, buffer);
            buffer = new RowList();
            levelSet = true;
        }
        if (a.forceEntryNext) {
            if (!levelSet) {
                levels.setEmpty(pos);
            }
            stop = false;
        }
        // Go checks the jump target before it looks at Abort: a bad target is an error even with Abort.
        String jump = a.jumpTo;
        boolean abort = a.abort;
        a.clear();
        Integer target = null;
        if (jump != null) {
            target = plan.positions.get(jump);
            if (target == null) {
                throw new FlowException(plan.name, fn.getName(), where(fn) + " asked to jump to " + jump
                        + ", which is not in this flow (its functions: " + String.join(", ", chainNames()) + ")", null);
            }
        }
        if (abort) {
            outcome = FunctionEnd.OUTCOME_ABORT;
            return -1;
        }
        if (target != null) {
            lastJumpFrom = pos;
            lastJumpTo = target;
            outcome = functions[target].step.jumpOutcome();
            return target;
        }
        if (stop) {
            return -1;
        }
        if (pos + 1 >= functions.length) {
            outcome = FunctionEnd.OUTCOME_END;
            return -1;
        }
        outcome = FunctionEnd.OUTCOME_CONTINUE;
        return pos + 1;
    }

    private List<String> chainNames() {
        List<String> names = new ArrayList<>();
        for (FunctionInstance f : functions) {
            names.add(f.getName());
        }
        return names;
    }

    private void pause(FunctionInstance fn, int millis) throws FlowException {
        if (millis == 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            if (abortRequested) {
                throw aborted("while waiting to retry", fn);
            }
            Thread.currentThread().interrupt();
            throw new FlowException(plan.name, fn.getName(), where(fn) + ": interrupted while waiting to retry", e);
        }
    }

    // ---------------------------------------------------------------- errors

    private FlowException asFlowException(FunctionInstance fn, Throwable failure) {
        if (failure instanceof EngineFailure ef) {
            return ef.error;
        }
        if (failure instanceof RowConversionException rc) {
            return new FlowException(plan.name, fn.getName(), where(fn) + ": input row " + rc.index() + " " + rc.reason(), rc.getCause());
        }
        if (abortRequested) {
            return aborted("while running", fn, failure);
        }
        return new FlowException(plan.name, fn.getName(), where(fn) + " failed: " + describe(failure), failure);
    }

    private FlowException aborted(String when, FunctionInstance fn) {
        return aborted(when, fn, null);
    }

    private FlowException aborted(String when, FunctionInstance fn, Throwable cause) {
        return new FlowException(plan.name, fn.getName(), "flow " + plan.name + " aborted by user " + when + " function "
                + fn.getName() + " (position " + fn.position() + ")", cause);
    }

    private FlowException tooManyCalls() {
        StringBuilder msg = new StringBuilder("flow ").append(plan.name).append(" stopped after ").append(calls)
                .append(" function calls, the limit for one run");
        if (lastJumpFrom >= 0) {
            List<String> loop = new ArrayList<>();
            int from = Math.min(lastJumpTo, lastJumpFrom);
            int to = Math.max(lastJumpTo, lastJumpFrom);
            for (int i = from; i <= to; i++) {
                loop.add(functions[i].getName());
            }
            msg.append(": JumpFunc keeps looping through ").append(String.join(" -> ", loop))
                    .append(" (").append(functions[lastJumpFrom].getName()).append(" jumps to ").append(functions[lastJumpTo].getName()).append(")");
        }
        msg.append("; make the loop end, or raise the limit (Engine.Builder.maxCalls, CLI --max-calls)");
        FunctionInstance at = lastJumpFrom >= 0 ? functions[lastJumpFrom] : null;
        return new FlowException(plan.name, at == null ? null : at.getName(), msg.toString(), null);
    }

    private FlowException noInput(FunctionInstance fn) {
        int pos = fn.position();
        return new FlowException(plan.name, fn.getName(), where(fn) + " has no input: function " + functions[pos - 1].getName()
                + " (position " + (pos - 1) + ") produced no level in this run (a JumpFunc skipped it)", null);
    }

    private String where(FunctionInstance fn) {
        return "flow " + plan.name + ", function " + fn.getName() + " (position " + fn.position() + ")";
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** A failure the engine itself found around a call: missing code (not retried) or a connector init failure (retried). */
    private static final class EngineFailure extends Exception {
        final boolean retriable;
        final FlowException error;

        EngineFailure(boolean retriable, FlowException error) {
            super(error.getMessage(), null, false, false);
            this.retriable = retriable;
            this.error = error;
        }
    }

    // ---------------------------------------------------------------- events (once per run or per call, never per row)

    private void announceRunStart() throws FlowException {
        RunStart e = new RunStart(plan.name, id, levels.input(0));
        StepController controller = stepController;
        try {
            if (controller != null) {
                controller.runStarted(e);
            }
            for (RunListener l : listeners) {
                l.runStarted(e);
            }
        } catch (RuntimeException ex) {
            throw observerFailed(null, ex);
        }
    }

    private void announceFunctionStart(FunctionInstance fn, List<Object> input, StepController controller, boolean observed)
            throws FlowException {
        FlowPlan.Step s = fn.step;
        FunctionStart e = new FunctionStart(plan.name, calls, s.position(), s.name(), s.mode(), s.inputLevel(), input, s.params());
        if (controller != null) {
            try {
                controller.beforeFunction(e);
            } catch (RunAbortedException ex) {
                throw aborted("before", fn);
            } catch (InterruptedException ex) {
                if (abortRequested) {
                    throw aborted("before", fn);
                }
                Thread.currentThread().interrupt();
                throw new FlowException(plan.name, fn.getName(), where(fn) + ": interrupted while paused before the function", ex);
            } catch (RuntimeException ex) {
                throw observerFailed(fn, ex);
            }
            if (abortRequested) {
                throw aborted("before", fn);
            }
        }
        if (observed) {
            try {
                for (RunListener l : listeners) {
                    l.functionStarted(e);
                }
            } catch (RuntimeException ex) {
                throw observerFailed(fn, ex);
            }
        }
    }

    private void announceEnd(FunctionInstance fn, List<Object> committed, List<Action> asked, long t0, Throwable error,
                             String what) throws FlowException {
        FlowPlan.Step s = fn.step;
        FunctionEnd e = new FunctionEnd(plan.name, calls, s.position(), s.name(), s.mode(), committed, asked,
                System.nanoTime() - t0, error, what);
        try {
            for (RunListener l : listeners) {
                l.functionEnded(e);
            }
        } catch (RuntimeException ex) {
            throw observerFailed(fn, ex);
        }
    }

    /** Tells the observers the run ended; a failing observer turns a successful run into a failed one. */
    private FlowException announceRunEnd(long nanos, FlowException error) {
        StepController controller = stepController;
        RunListener[] ls = listeners;
        if (controller == null && ls.length == 0) {
            return error;
        }
        RunEnd e = new RunEnd(plan.name, calls, nanos, error);
        try {
            if (controller != null) {
                controller.runEnded(e);
            }
            for (RunListener l : ls) {
                l.runEnded(e);
            }
        } catch (RuntimeException ex) {
            return error != null ? error : observerFailed(null, ex);
        }
        return error;
    }

    private FlowException observerFailed(FunctionInstance fn, RuntimeException ex) {
        return new FlowException(plan.name, fn == null ? null : fn.getName(), "flow " + plan.name
                + ": a run listener or step controller failed: " + describe(ex), ex);
    }

    @Override
    public String toString() {
        return "flow " + plan.name + " (" + id + ")";
    }
}
