package io.kisflow.engine;

import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FuncConfig;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The engine's {@link Flow}: one instance of a flow with its own levels, buffer, cache and metadata,
 * plus what a debugger needs: listeners, a step controller, {@link #abort()} and {@link #levels()}.
 * Functions run on the thread that calls {@link #run()}. An instance is single-threaded: while one
 * thread runs it (or commits a row to it), calls from any other thread that touch its rows or its
 * current function are refused with a {@link FlowBusyException} naming the flow and the thread using
 * it; rows committed between runs, from whichever thread, go to the next run (docs/ENGINE-API.md,
 * "Threads"). Use {@link #fork()} to run in parallel. Run semantics are Go KisFlow's (see
 * docs/DIFFERENCES.md for where they deliberately differ).
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
    /** How many Go differences a run keeps for {@link #goDifferences()}. */
    public static final int MAX_NOTES = 1_000;
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(KisFlowRun.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FlowPlan plan;
    private final String id;
    private final FunctionInstance[] functions;
    private final LevelStore levels;
    private final PendingActions actions = new PendingActions();
    private final FlowCache cache = new FlowCache(System::nanoTime);
    private final MetaData metaData = new MetaData();

    // Run state, touched only by the owner thread.
    private RowList buffer = new RowList();
    private FunctionInstance current;
    private List<Object> currentInput = List.of();
    private int calls;
    private String outcome;
    private int lastJumpFrom = -1;
    private int lastJumpTo = -1;
    /** The Go differences noted in the run in progress (null until the first); see {@link #goDifferences()}. */
    private List<GoDifference> notes;
    private volatile List<GoDifference> lastNotes = List.of();

    private volatile RunListener[] listeners = NO_LISTENERS;
    /** The listeners that heard this run start: they, and only they, hear it end. */
    private RunListener[] runListeners = NO_LISTENERS;
    private volatile StepController stepController;
    /** Where this run's connector calls go: performed by default, recorded in a dry run. */
    private volatile ConnectorGate connectorGate = ConnectorGate.PERFORM;
    /**
     * The thread using this instance: its run's thread for the whole run, or a thread committing
     * rows between runs for the length of that one call. Taken by compare-and-set (OWNER), so two
     * threads never touch the run state at once, and given back with a release store. The owner's
     * own calls read it plainly: a thread always sees its own last write, and only the owner writes
     * while it owns, so "owner == me" is never stale; any other answer is checked again with a
     * volatile read.
     */
    private Thread owner;
    /** The thread of the run in progress, or null: for abort(), isRunning() and the reload gate. */
    private volatile Thread runner;
    private final Object abortLock = new Object();
    private volatile boolean abortRequested;
    /** Set by {@link #startAt}: the next run starts there with these levels; consumed by that run. */
    private volatile StartAt startAt;

    /** Where the next run starts and the levels it finds there (index 0 the source, i the level of function i-1). */
    private record StartAt(int position, List<List<Object>> levels) {
    }

    KisFlowRun(FlowPlan plan) {
        this.plan = plan;
        this.id = newId("flow");
        FlowPlan.Step[] steps = plan.steps;
        this.functions = new FunctionInstance[steps.length];
        String[] names = new String[steps.length];
        for (int i = 0; i < steps.length; i++) {
            functions[i] = new FunctionInstance(steps[i], newId("func"), plan);
            names[i] = steps[i].name();
        }
        this.levels = new LevelStore(names);
        plan.gate.register(this);
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
        return ownedByCaller("input()") ? currentInput : List.of();
    }

    /**
     * Inside a run, on its thread: a row of the current function's level. Between runs, from any
     * thread: a source row of the next run. From another thread during a run (or during another
     * thread's commit): refused with FlowBusyException, and the row is not committed.
     */
    @Override
    public void commitRow(Object row) {
        if (owner == Thread.currentThread()) {
            buffer.append(row);
            return;
        }
        take("commitRow");
        try {
            buffer.append(row);
        } finally {
            OWNER.setRelease(this, (Thread) null);
        }
    }

    /** As {@link #commitRow}, for all rows at once: all are committed, or (refused) none. */
    @Override
    public void commitRowBatch(Collection<?> rows) {
        Objects.requireNonNull(rows, "commitRowBatch was given null instead of a collection of rows");
        if (owner == Thread.currentThread()) {
            buffer.appendAll(rows);
            return;
        }
        take("commitRowBatch");
        try {
            buffer.appendAll(rows);
        } finally {
            OWNER.setRelease(this, (Thread) null);
        }
    }

    /** Sets the current function's actions; between runs it only checks its arguments (actions last one step). */
    @Override
    public void next(Action... acts) {
        if (ownedByCaller("next(...)")) {
            actions.set(acts);
        } else {
            for (Action a : acts) {
                Objects.requireNonNull(a, "flow.next(...) was given a null action");
            }
        }
    }

    @Override
    public Function getThisFunction() {
        return ownedByCaller("getThisFunction()") ? current : null;
    }

    @Override
    public FuncConfig getThisFuncConf() {
        FunctionInstance fn = ownedByCaller("getThisFuncConf()") ? current : null;
        return fn == null ? null : fn.getConfig();
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
        FunctionInstance current = ownedByCaller("getConnector()") ? this.current : null;
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
        FunctionInstance fn = ownedByCaller("getFuncParam") ? current : null;
        return fn == null ? null : fn.params().get(key);
    }

    @Override
    public Map<String, String> getFuncParamAll() {
        FunctionInstance fn = ownedByCaller("getFuncParamAll()") ? current : null;
        return fn == null ? Map.of() : fn.params();
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

    /**
     * A new, fully independent instance of the same flow: same chain, params and (shared) connectors;
     * no data, listeners or controller. It keeps this instance's {@link ConnectorGate}: a fork of a dry
     * run is a dry run too.
     */
    @Override
    public KisFlowRun fork() {
        KisFlowRun f = new KisFlowRun(plan);
        f.connectorGate = connectorGate;
        return f;
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

    /**
     * Where this instance's connector calls go from its next function call on: {@link ConnectorGate#PERFORM}
     * (the default; null sets it back) or, for example, a {@link DryRun} that records them and opens
     * no connector. Forks made afterwards keep it.
     */
    public void setConnectorGate(ConnectorGate gate) {
        this.connectorGate = gate == null ? ConnectorGate.PERFORM : gate;
    }

    public ConnectorGate getConnectorGate() {
        return connectorGate;
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
        return runner != null;
    }

    /** The thread running this instance, or null. */
    Thread runnerThread() {
        return runner;
    }

    // ---------------------------------------------------------------- one thread at a time

    /**
     * True when the calling thread is using this instance (it runs it); false when nobody is; a
     * FlowBusyException when another thread is. Costs one volatile read on the running thread.
     */
    private boolean ownedByCaller(String call) {
        Thread me = Thread.currentThread();
        if (owner == me) {
            return true;
        }
        Thread o = (Thread) OWNER.getVolatile(this);
        if (o != null) {
            throw busy(o, me, call);
        }
        return false;
    }

    /** Takes the instance for the calling thread, or refuses naming the thread that has it. */
    private void take(String call) {
        Thread me = Thread.currentThread();
        while (!OWNER.compareAndSet(this, (Thread) null, me)) {
            Thread o = (Thread) OWNER.getVolatile(this);
            if (o != null) {
                throw busy(o, me, call);
            }
            // the other thread let go between our two reads: try again
        }
    }

    private FlowBusyException busy(Thread other, Thread me, String call) {
        String name = other.getName();
        if (other == me) {
            return new FlowBusyException(plan.name, name, "flow " + plan.name + " is already running on this thread: " + call
                    + " cannot start a run inside a run; use fork() for a separate instance");
        }
        String doing = runner == other ? "is running on thread '" + name + "'" : "is being given rows by thread '" + name + "'";
        return new FlowBusyException(plan.name, name, "flow " + plan.name + " " + doing + ": " + call + " from thread '"
                + me.getName() + "' is refused; a flow instance is used by one thread at a time: give each thread its own with fork()");
    }

    /**
     * Aborts the run in progress from any thread: it stops before its next function, or at once when
     * it is paused, waiting to retry or blocked in interruptible code (its thread is interrupted).
     * The run then fails with a FlowException saying "aborted by user". Does nothing when idle.
     */
    public void abort() {
        synchronized (abortLock) {
            Thread t = runner;
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
     * next run starts clean. Whatever ends the run, the instance is free again afterwards.
     *
     * <p>An error the JVM raises ({@link VirtualMachineError} but StackOverflowError: out of memory,
     * an internal error) is not turned into a FlowException: it propagates as it is, with a
     * suppressed FlowException naming the flow and the function it interrupted, and the listeners'
     * runEnded gets that FlowException. Anything else thrown by a function, listener or step
     * controller (an AssertionError too) fails the run with a FlowException.
     *
     * @throws FlowBusyException     when another thread is using this instance (nothing happened)
     * @throws IllegalStateException when the instance was made before {@link Engine#reloadPlugins()}
     *                               or its engine was closed (the committed rows stay)
     */
    @Override
    public void run() throws FlowException {
        Thread me = Thread.currentThread();
        take("run()");
        Throwable fatal = null;
        FlowException error = null;
        try {
            if (!plan.enabled()) {
                runDisabled();
                return;
            }
            runner = me;
            String refused = plan.gate.refusal(plan.name);
            if (refused != null) {
                throw new IllegalStateException(refused);
            }
            long start = System.nanoTime();
            notes = null;
            try {
                calls = 0;
                lastJumpFrom = -1;
                lastJumpTo = -1;
                runChain();
            } catch (FlowException e) {
                error = e;
            } catch (RuntimeException | Error e) {
                // the engine's own checks do not throw these; the JVM (out of memory) or a bug does
                fatal = e;
                error = abandoned(e);
                e.addSuppressed(error);
            } finally {
                FlowException leftovers = fatal == null ? noteLeftovers(error) : null;
                if (leftovers != null && error == null) {
                    error = leftovers;
                }
                // Go keeps them: a failed run's rows and action, a DataReuse's rows on an empty input, go to the next run
                if (!plan.goSemantics) {
                    if (!buffer.isEmpty()) {
                        buffer = new RowList();
                    }
                    actions.clear();
                }
                current = null;
                currentInput = List.of();
                lastNotes = notes == null ? List.of() : List.copyOf(notes);
            }
            long nanos = System.nanoTime() - start;
            if (error == null && plan.metrics != null) {
                plan.metrics.runSucceeded(nanos);
            }
            if (fatal == null) {
                error = announceRunEnd(nanos, error);
            } else {
                try {
                    announceRunEnd(nanos, error);
                } catch (RuntimeException | Error again) {
                    // the run is already lost to the first error, which is the one to report
                    System.getLogger(KisFlowRun.class.getName()).log(System.Logger.Level.DEBUG, () -> "flow " + getConfig().flowName() + ": a run listener failed after the run had failed: " + again, again);
                }
            }
        } finally {
            release();
        }
        if (fatal instanceof Error e) {
            throw e;
        }
        if (fatal instanceof RuntimeException e) {
            throw e;
        }
        if (error != null) {
            throw error;
        }
    }

    /**
     * Makes the next {@link #run()} start at the function at {@code position} instead of the first,
     * with the levels a debugger held from an earlier run: {@code levels.get(0)} is the source,
     * {@code levels.get(i)} the level of the function at i-1 (null: that function left none). The
     * functions before {@code position} are not called (a Save or Load before it is not repeated);
     * rows committed for the run are dropped. Used by the designer's "Run from here".
     *
     * @throws IllegalArgumentException when the position is not in the chain, the levels are not
     *                                  one more than the position, or the function's input level is missing
     */
    public void startAt(int position, List<List<Object>> levels) {
        if (position < 0 || position >= functions.length) {
            throw new IllegalArgumentException("flow " + plan.name + " has no function at position " + position
                    + " (its chain has " + functions.length + ")");
        }
        if (levels == null || levels.size() != position + 1 || levels.get(0) == null) {
            throw new IllegalArgumentException("starting flow " + plan.name + " at position " + position
                    + " needs the source and the " + position + " level(s) before it");
        }
        if (levels.get(position) == null) {
            throw new IllegalArgumentException("function " + functions[position].getName() + " of flow " + plan.name
                    + " has no input level to start from: run the flow up to it first");
        }
        startAt = new StartAt(position, new ArrayList<>(levels));
    }

    private static RowList rowList(List<Object> rows) {
        if (rows instanceof RowList r) {
            return r;
        }
        RowList out = new RowList();
        out.appendAll(rows);
        return out;
    }

    /** Lets go of the instance after a run, whatever ended it. */
    private void release() {
        synchronized (abortLock) {
            runner = null;
            if (abortRequested) {
                abortRequested = false;
                Thread.interrupted(); // the interrupt was ours; do not leak it to the caller
            }
        }
        OWNER.setRelease(this, (Thread) null);
    }

    private void runChain() throws FlowException {
        StartAt from = startAt;
        startAt = null;
        int sourceRows = from == null ? buffer.size() : from.levels().get(0).size();
        levels.startRun(from == null ? buffer : rowList(from.levels().get(0)));
        if (from != null) {
            for (int i = 1; i < from.levels().size(); i++) {
                List<Object> rows = from.levels().get(i);
                if (rows != null) {
                    levels.commit(i - 1, rowList(rows));
                }
            }
        }
        buffer = new RowList();
        if (plan.goSemantics) {
            actions.carryOver(); // Go does not clear them: an action a failed run left applies to this run's first function
        } else {
            actions.clear();
        }
        if (plan.metrics != null) {
            plan.metrics.runStarted(sourceRows);
        }
        RunListener[] heard = listeners;
        if (heard.length != 0 || stepController != null) {
            runListeners = heard;
            announceRunStart(heard);
        }
        FunctionInstance[] fns = functions;
        int pos = fns.length == 0 ? -1 : from == null ? 0 : from.position();
        int attempt = 0;
        while (pos >= 0) {
            FunctionInstance fn = fns[pos];
            FlowPlan.Step step = fn.step;
            if (calls == plan.callLimit.max()) {
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
            // one listener set per call: a listener added meanwhile hears the next call whole, never an end without its start
            RunListener[] ls = listeners;
            boolean observed = ls.length != 0;
            StepController controller = stepController;
            if (observed || controller != null) {
                announceFunctionStart(fn, input, controller, ls);
            }
            for (GoDifference d : step.goNotes()) {
                note(d.kind(), fn, d.words());
            }
            Map<String, String> paramsBefore = plan.goSemantics ? new java.util.LinkedHashMap<>(fn.params()) : null;
            EngineMetrics.FunctionMetrics m = step.metrics();
            long t0 = observed || m != null ? System.nanoTime() : 0;
            if (m != null) {
                m.schedules().inc();
            }

            Throwable failure = call(fn, input);
            if (paramsBefore != null && !paramsBefore.equals(fn.params())) {
                note(GoDifference.Kind.PARAMS_CHANGED, fn, "Go semantics: " + fn.getName() + " changed its params to " + fn.params()
                        + "; they stay so for the next runs of this flow instance, as on a Go server (the Java engine refuses the change)");
            }
            if (failure != null) {
                FlowException error = asFlowException(fn, failure);
                int retries = plan.goSemantics ? 0 : step.config().option().retryTimes(); // Go ignores retry_times
                boolean retriable = !(failure instanceof EngineFailure ef) || ef.retriable;
                if (retriable && attempt < retries && !abortRequested) {
                    attempt++;
                    int wait = Math.max(0, step.config().option().returnDuration());
                    if (observed) {
                        announceEnd(ls, fn, committedRows(), actions.asList(), t0, error,
                                "retry " + attempt + " of " + retries + " in " + wait + " ms");
                    }
                    buffer = new RowList();
                    actions.clear();
                    pause(fn, wait);
                    continue;
                }
                if (observed) {
                    announceEnd(ls, fn, committedRows(), actions.asList(), t0, error,
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
                    announceEnd(ls, fn, committed, asked, t0, e, FunctionEnd.OUTCOME_ERROR);
                }
                throw e;
            }
            long nanos = t0 == 0 ? 0 : System.nanoTime() - t0;
            if (m != null) {
                m.succeeded(nanos);
            }
            if (observed) {
                announceEnd(ls, fn, committed, asked, t0, null, outcome);
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
    private Throwable call(FunctionInstance fn, List<Object> input) throws FlowException {
        FlowPlan.Step step = fn.step;
        if (step.code() == null) {
            return new EngineFailure(false, new FlowException(plan.name, step.name(), where(fn) + ": no plugin implements function "
                    + step.name() + " (register it with Pool.faas(\"" + step.name() + "\", ...) in a KisPlugin)", null));
        }
        ConnectorInstance conn = step.usesConnector() ? fn.connector() : null;
        ConnectorGate gate = connectorGate;
        if (conn != null) {
            // Stand-ins (the fallback) read no storage: only real code is asked about.
            String refused = step.isPluginCode() ? gate.refusal(fn, conn) : null;
            if (refused != null) {
                return new EngineFailure(false, new FlowException(plan.name, step.name(), where(fn) + ": " + refused, null));
            }
            if (gate != ConnectorGate.PERFORM && step.isPluginCode()) {
                note(GoDifference.Kind.DESIGNER_STAND_IN, fn, "a dry run kept connector " + conn.getName() + " closed and recorded "
                        + fn.getName() + "'s calls to it: a Go server opens it and performs them");
            }
            if (plan.goSemantics && !conn.hasInitCode() && conn.hasPluginCode()) {
                return new EngineFailure(false, new FlowException(plan.name, step.name(), where(fn) + ": Go semantics: connector "
                        + conn.getName() + " has no init code, and a Go server panics when it builds a flow that uses it"
                        + " (register one with Pool.caasInit(\"" + conn.getName() + "\", ...))", null));
            }
            if (!conn.isInitialised() && gate.opensConnectors()) {
                try {
                    conn.ensureInitialised();
                } catch (Exception | LinkageError e) {
                    return new EngineFailure(true, new FlowException(plan.name, step.name(), where(fn) + ": connector "
                            + conn.getName() + " failed to initialise: " + describe(e), e));
                }
            }
        }
        try {
            step.code().call(this, input);
            return null;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            if (conn != null && !conn.isInitialised() && !gate.opensConnectors() && !abortRequested) {
                return new EngineFailure(false, new FlowException(plan.name, step.name(), where(fn) + " failed: " + describe(t)
                        + " (its connector " + conn.getName() + " was not opened: a dry run opens no connection, so code that"
                        + " uses the connector's clients itself, not through connector.call(...), cannot run in one)", t));
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
        if (plan.goSemantics) {
            return applyActionsAsGo(fn);
        }
        boolean stop = false;
        boolean levelSet = false;
        if (a.dataReuse) {
            if (levels.input(pos).isEmpty()) {
                stop = true;
                outcome = FunctionEnd.OUTCOME_REUSE_EMPTY;
                if (!buffer.isEmpty()) {
                    note(GoDifference.Kind.DATA_REUSE_EMPTY_INPUT, fn, "DataReuse on an empty input: a Go server stops here too but keeps"
                            + " the " + rows(buffer.size()) + " " + fn.getName() + " committed, which become extra source rows of"
                            + " its next run of this flow" + (a.forceEntryNext ? "; with ForceEntryNext it goes on, and " + nextName(pos)
                            + " fails there, as " + fn.getName() + " has no level" : "") + "; here they are dropped");
                }
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
            } else {
                note(GoDifference.Kind.FORCE_ENTRY_NEXT, fn, "ForceEntryNext after " + fn.getName() + "'s level got "
                        + rows(levels.input(pos + 1).size()) + ": a Go server empties that level, so " + nextName(pos)
                        + " gets no rows; here it reads them");
            }
            stop = false;
        }
        return nextPosition(fn, pos, a, stop, false);
    }

    /**
     * Go's dealAction exactly, quirks included: ForceEntryNext empties the level the function's
     * rows just became; DataReuse on an empty input leaves the committed rows in the buffer (the next
     * run's source), and with ForceEntryNext too the level is not set at all.
     */
    private int applyActionsAsGo(FunctionInstance fn) throws FlowException {
        int pos = fn.position();
        PendingActions a = actions;
        boolean stop = false;
        int committed = buffer.size();
        if (a.dataReuse) {
            if (levels.input(pos).isEmpty()) {
                stop = true;
                outcome = FunctionEnd.OUTCOME_REUSE_EMPTY;
                if (committed > 0) {
                    note(GoDifference.Kind.DATA_REUSE_EMPTY_INPUT, fn, "Go semantics: DataReuse on an empty input stopped the flow and left"
                            + " the " + rows(committed) + " " + fn.getName() + " committed in the buffer: they are extra source rows"
                            + " of this flow instance's next run (the Java engine drops them)");
                }
            } else {
                levels.reuseInput(pos);
                buffer = new RowList();
            }
        } else if (buffer.isEmpty()) {
            stop = true;
            outcome = FunctionEnd.OUTCOME_NO_ROWS;
        } else {
            levels.commit(pos, buffer);
            buffer = new RowList();
        }
        if (a.forceEntryNext) {
            if (buffer.isEmpty()) {
                RowList had = levels.input(pos + 1);
                if (had != null && !had.isEmpty()) {
                    note(GoDifference.Kind.FORCE_ENTRY_NEXT, fn, "Go semantics: ForceEntryNext emptied " + fn.getName() + "'s level of "
                            + rows(had.size()) + ", as a Go server does, so " + nextName(pos) + " gets no rows (the Java engine passes them on)");
                }
                levels.setEmpty(pos);
            }
            stop = false;
        }
        return nextPosition(fn, pos, a, stop, true);
    }

    /**
     * Where the flow goes after the level is settled, for both semantics: Go checks the jump target
     * before it looks at Abort (a bad target is an error even with Abort), and Go returns on a bad
     * target before it clears the actions, so under Go semantics they stay for the next run.
     */
    private int nextPosition(FunctionInstance fn, int pos, PendingActions a, boolean stop, boolean keepActionsOnBadJump) throws FlowException {
        String jump = a.jumpTo;
        boolean abort = a.abort;
        Integer target = jump == null ? null : plan.positions.get(jump);
        if (jump != null && target == null) {
            if (!keepActionsOnBadJump) {
                a.clear();
            }
            throw new FlowException(plan.name, fn.getName(), where(fn) + " asked to jump to " + jump
                    + ", which is not in this flow (its functions: " + String.join(", ", chainNames()) + ")", null);
        }
        a.clear();
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

    private String nextName(int pos) {
        return pos + 1 < functions.length ? functions[pos + 1].getName() : "the next function (none: the flow ends)";
    }

    private static String rows(int n) {
        return n == 1 ? "1 row" : n + " rows";
    }

    // ---------------------------------------------------------------- Go differences

    /** Whether this instance runs with Go's semantics ({@link Engine.Builder#goSemantics}). */
    public boolean goSemantics() {
        return plan.goSemantics;
    }

    /**
     * Where a Go server would have differed in this instance's last finished run (or its disabled
     * no-op), in call order, the first {@value #MAX_NOTES}; empty when nowhere. Safe from any thread.
     */
    public List<GoDifference> goDifferences() {
        return lastNotes;
    }

    /** Notes a Go difference on the current call and tells the listeners. */
    void note(GoDifference.Kind kind, FunctionInstance fn, String words) throws FlowException {
        GoDifference d = new GoDifference(kind, plan.name, fn == null ? 0 : calls, fn == null ? -1 : fn.position(),
                fn == null ? null : fn.getName(), words);
        if (notes == null) {
            notes = new ArrayList<>();
        }
        if (notes.size() < MAX_NOTES) {
            notes.add(d); // a long JumpFunc loop repeats its notes: the listeners hear them all, the run keeps the first ones
        }
        try {
            for (RunListener l : listeners) {
                l.goDiffers(d);
            }
        } catch (RuntimeException | Error ex) {
            throw observerFailed(fn, ex);
        }
    }

    /** A typed function's call, from its code: notes a Go difference on it (the function is the current one). */
    void noteTyped(GoDifference.Kind kind, String words) throws FlowException {
        note(kind, current, words);
    }

    /** A disabled flow does nothing: Java drops the committed rows, Go keeps them (and a Go server never loads the flow). */
    private void runDisabled() {
        int kept = buffer.size();
        if (!plan.goSemantics) {
            buffer = new RowList();
        }
        notes = null;
        String words = "flow " + plan.name + " is disabled (status 0): a Go server's loader skips it, so a server cannot run it"
                + (kept == 0 ? "" : plan.goSemantics
                ? "; Go semantics keeps the " + rows(kept) + " committed to it, as a Go flow built in code does (the Java engine drops them)"
                : "; a Go flow built in code keeps the " + rows(kept) + " committed to it for ever, here they are dropped");
        try {
            note(GoDifference.Kind.DISABLED_FLOW, null, words);
        } catch (FlowException e) {
            System.getLogger(KisFlowRun.class.getName()).log(System.Logger.Level.DEBUG, () -> "flow " + plan.name
                    + ": a run listener failed on the note of a disabled flow: " + e.getMessage(), e);
        } finally {
            lastNotes = List.copyOf(notes);
        }
    }

    /**
     * After a failure: the rows and actions Go keeps for the next run. Returns a listener's failure, if any.
     */
    private FlowException noteLeftovers(FlowException error) {
        FunctionInstance fn = current;
        if (error == null || fn == null || (buffer.isEmpty() && actions.asList().isEmpty())) {
            return null;
        }
        String left = (buffer.isEmpty() ? "" : "the " + rows(buffer.size()) + " " + fn.getName() + " committed")
                + (buffer.isEmpty() || actions.asList().isEmpty() ? "" : " and ")
                + (actions.asList().isEmpty() ? "" : "its pending action " + actions.asList());
        try {
            note(GoDifference.Kind.FAILED_RUN_LEFTOVERS, fn, plan.goSemantics
                    ? "Go semantics: after the failure, " + left + " stay: the next run of this flow instance starts with them,"
                    + " as on a Go server (the Java engine starts every run clean)"
                    : "after this failure a Go server keeps " + left + ": its next run of this flow starts with them"
                    + (buffer.isEmpty() ? "" : " as extra source rows") + (actions.asList().isEmpty() ? ""
                    : ", and the action applies to that run's first function") + "; here the next run starts clean");
            return null;
        } catch (FlowException e) {
            return e;
        }
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
            return new FlowException(plan.name, fn.getName(), where(fn) + ": input row " + (rc.index() + 1) + " " + rc.reason(), rc.getCause());
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
                + fn.getName() + " (position " + (fn.position() + 1) + ")", cause);
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
        String setting = plan.callLimit.setting();
        msg.append(setting == null ? "; make the loop end" : "; make the loop end, or raise the limit: " + setting);
        FunctionInstance at = lastJumpFrom >= 0 ? functions[lastJumpFrom] : null;
        if (at != null) {
            try {
                note(GoDifference.Kind.JUMP_LOOP, at, plan.goSemantics
                        ? "a Go server never ends this JumpFunc loop; Go semantics stops it after " + calls + " calls all the same,"
                        + " since a run that never ends shows nothing"
                        : "a Go server never ends this JumpFunc loop: it calls " + at.getName() + " and "
                        + functions[lastJumpTo].getName() + " for ever; here the run stops after " + calls + " calls");
            } catch (FlowException e) {
                return e;
            }
        }
        return new FlowException(plan.name, at == null ? null : at.getName(), msg.toString(), null);
    }

    private FlowException noInput(FunctionInstance fn) {
        int pos = fn.position();
        return new FlowException(plan.name, fn.getName(), where(fn) + " has no input: function " + functions[pos - 1].getName()
                + " (position " + pos + ") produced no level in this run (a JumpFunc skipped it)", null);
    }

    private String where(FunctionInstance fn) {
        return "flow " + plan.name + ", function " + fn.getName() + " (position " + (fn.position() + 1) + ")";
    }

    /** What a run ended by an error the engine does not handle (out of memory) tells its observers. */
    private FlowException abandoned(Throwable t) {
        FunctionInstance fn = current;
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return new FlowException(plan.name, fn == null ? null : fn.getName(), (fn == null ? "flow " + plan.name : where(fn))
                + ": the run was abandoned after " + what, t);
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

    private void announceRunStart(RunListener[] ls) throws FlowException {
        RunStart e = new RunStart(plan.name, id, levels.input(0));
        StepController controller = stepController;
        try {
            if (controller != null) {
                controller.runStarted(e);
            }
            for (RunListener l : ls) {
                l.runStarted(e);
            }
        } catch (RuntimeException | Error ex) {
            throw observerFailed(null, ex);
        }
    }

    private void announceFunctionStart(FunctionInstance fn, List<Object> input, StepController controller, RunListener[] ls)
            throws FlowException {
        FlowPlan.Step s = fn.step;
        Map<String, String> params = plan.goSemantics ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fn.params())) : s.params();
        FunctionStart e = new FunctionStart(plan.name, calls, s.position(), s.name(), s.mode(), s.inputLevel(), input, params);
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
            } catch (RuntimeException | Error ex) {
                throw observerFailed(fn, ex);
            }
            if (abortRequested) {
                throw aborted("before", fn);
            }
        }
        try {
            for (RunListener l : ls) {
                l.functionStarted(e);
            }
        } catch (RuntimeException | Error ex) {
            throw observerFailed(fn, ex);
        }
    }

    private void announceEnd(RunListener[] ls, FunctionInstance fn, List<Object> committed, List<Action> asked, long t0, Throwable error,
                             String what) throws FlowException {
        FlowPlan.Step s = fn.step;
        FunctionEnd e = new FunctionEnd(plan.name, calls, s.position(), s.name(), s.mode(), committed, asked,
                System.nanoTime() - t0, error, what);
        try {
            for (RunListener l : ls) {
                l.functionEnded(e);
            }
        } catch (RuntimeException | Error ex) {
            throw observerFailed(fn, ex);
        }
    }

    /** Tells the observers the run ended; a failing observer turns a successful run into a failed one. */
    private FlowException announceRunEnd(long nanos, FlowException error) {
        StepController controller = stepController;
        RunListener[] ls = runListeners;
        runListeners = NO_LISTENERS;
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
        } catch (RuntimeException | Error ex) {
            FlowException failed = observerFailed(null, ex);
            return error != null ? error : failed;
        }
        return error;
    }

    /** A listener or controller threw: the run fails naming it; an error of the JVM itself goes on up. */
    private FlowException observerFailed(FunctionInstance fn, Throwable ex) {
        if (ex instanceof VirtualMachineError vme && !(ex instanceof StackOverflowError)) {
            throw vme;
        }
        return new FlowException(plan.name, fn == null ? null : fn.getName(), "flow " + plan.name
                + ": a run listener or step controller failed: " + describe(ex), ex);
    }

    @Override
    public String toString() {
        return "flow " + plan.name + " (" + id + ")";
    }
}
