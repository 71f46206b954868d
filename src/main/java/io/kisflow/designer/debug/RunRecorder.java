package io.kisflow.designer.debug;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.engine.Action;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.FunctionEnd;
import io.kisflow.engine.FunctionStart;
import io.kisflow.engine.GoDifference;
import io.kisflow.engine.Level;
import io.kisflow.engine.RunEnd;
import io.kisflow.engine.RunListener;
import io.kisflow.engine.RunStart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to one run on its own thread: captures each call's output, keeps the calls and the levels
 * they leave, and hands each step to the session (through the UI executor). At the end it makes the
 * {@link RunRecord}. Synchronized, because Stop may take a snapshot from the UI thread while the
 * run's thread is stuck in a function.
 */
final class RunRecorder implements RunListener {
    interface Steps {
        void runStarted(ActiveRun run, LevelData source);

        void callComing(ActiveRun run, FunctionStart e);

        void callEnded(ActiveRun run, CallRecord call, LevelData level);
    }

    private final ActiveRun run;
    private final OutputCapture capture;
    private final Steps steps;
    private LevelData source;
    private final List<CallRecord> calls = new ArrayList<>();
    /** The rows each call committed (the engine's own lists: a committed list is never written again). */
    private final List<List<Object>> committed = new ArrayList<>();
    private final List<ChainStep> chainSteps = new ArrayList<>();
    private final Map<Integer, LevelData> levels = new HashMap<>();
    private FunctionStart current;
    /** Calls the dry run had kept when the current function started: the ones after it are the function's. */
    private int dryRunMark;
    private CallLog log;
    private RunEnd end;
    private int lastComing = -1;
    private int lastJumpFrom = -1;
    private int lastFailed = -1;
    /** The current call's Go differences, heard before its end. */
    private List<GoDifference> goNotes = new ArrayList<>();
    /** When the current pause began (System.nanoTime), 0 while not paused. */
    private long pausedSince;
    private long pausedNanos;

    RunRecorder(ActiveRun run, OutputCapture capture, Steps steps) {
        this.run = run;
        this.capture = capture;
        this.steps = steps;
        this.source = LevelData.source(run.flowName, List.of());
        List<io.kisflow.engine.Function> fns = run.flow.functions();
        for (int i = 0; i < fns.size(); i++) {
            io.kisflow.engine.Function f = fns.get(i);
            chainSteps.add(new ChainStep(i, f.getName(), f.getMode().yaml(), f.getConnector() == null ? "" : f.getConnector().getName(),
                    run.flow.funcParams(i)));
        }
    }

    @Override
    public synchronized void runStarted(RunStart e) {
        source = LevelData.source(run.flowName, e.sourceRows());
        steps.runStarted(run, source);
    }

    /** The stepper paused before a call (before functionStarted). */
    synchronized void paused(FunctionStart e) {
        pausedSince = System.nanoTime();
        lastComing = e.position();
        steps.callComing(run, e);
    }

    @Override
    public synchronized void functionStarted(FunctionStart e) {
        endPause();
        current = e;
        lastComing = e.position();
        dryRunMark = run.dryRun == null ? 0 : run.dryRun.kept();
        log = new CallLog(capture.charset());
        capture.begin(log);
        steps.callComing(run, e);
    }

    @Override
    public synchronized void functionEnded(FunctionEnd e) {
        capture.end();
        List<LogLine> lines = log == null ? List.of() : log.finish();
        int dropped = log == null ? 0 : log.dropped();
        List<String> actions = new ArrayList<>();
        for (Action a : e.actions()) {
            actions.add(a.toString());
        }
        FunctionStart s = current;
        CallRecord call = new CallRecord(e.seq(), e.position(), e.function(), e.mode().yaml(),
                s == null ? "" : s.inputLevel(), s == null ? 0 : s.inputRows().size(), s == null ? Map.of() : s.params(),
                actions, e.outcome(), e.committedRows().size(), e.durationNanos(),
                e.error() == null ? null : ErrorInfo.of(e.error()), lines, dropped,
                run.dryRun == null ? List.of() : run.dryRun.callsSince(dryRunMark), goNotes);
        goNotes = new ArrayList<>();
        calls.add(call);
        committed.add(e.committedRows());
        if (e.failed()) {
            if (!e.outcome().startsWith("retry")) {
                lastFailed = e.position();
            }
        } else {
            LevelData level = levelAfter(e, s);
            if (level != null) {
                levels.put(e.position(), level);
            }
            if (e.outcome().startsWith(FunctionEnd.OUTCOME_JUMP_PREFIX)) {
                lastJumpFrom = e.position();
            }
        }
        current = null;
        log = null;
        steps.callEnded(run, call, levels.get(e.position()));
    }

    /**
     * The function's level after a successful call, as the engine sets it: DataReuse copies the input
     * (none when it is empty), else the committed rows; ForceEntryNext makes an empty level when
     * there is none (with Go semantics, always). Null: the level is left as it was (the flow stops there).
     */
    private LevelData levelAfter(FunctionEnd e, FunctionStart s) {
        boolean reuse = e.actions().contains(Action.DATA_REUSE);
        boolean force = e.actions().contains(Action.FORCE_ENTRY_NEXT);
        List<Object> rows = null;
        if (reuse) {
            if (s != null && !s.inputRows().isEmpty()) {
                rows = s.inputRows();
            }
        } else if (!e.committedRows().isEmpty()) {
            rows = e.committedRows();
        }
        if (force && (rows == null || run.flow.goSemantics())) {
            rows = List.of(); // with Go semantics ForceEntryNext empties the level even when it got rows, as Go does
        }
        return rows == null ? null : level(e.function(), e.position(), rows);
    }

    /**
     * A Go difference: kept for the call in progress; one that comes after its call's end (the
     * leftovers of a failure, a JumpFunc loop stopped by the limit) is added to the last call of its
     * function. (The designer never runs a disabled flow, whose note has no call: PreRunCheck refuses it.)
     */
    @Override
    public synchronized void goDiffers(GoDifference d) {
        if (current != null) {
            goNotes.add(d);
            return;
        }
        for (int i = calls.size() - 1; i >= 0; i--) {
            CallRecord c = calls.get(i);
            if (c.position() == d.position()) {
                List<GoDifference> more = new ArrayList<>(c.goNotes());
                more.add(d);
                CallRecord with = new CallRecord(c.seq(), c.position(), c.function(), c.mode(), c.inputLevel(), c.inputRows(), c.params(),
                        c.actions(), c.outcome(), c.committedRows(), c.durationNanos(), c.error(), c.log(), c.droppedLogLines(),
                        c.connectorCalls(), more);
                calls.set(i, with); // the cards show it when the run ends (the record's calls)
                return;
            }
        }
    }

    @Override
    public synchronized void runEnded(RunEnd e) {
        endPause();
        end = e;
        capture.end();
    }

    /**
     * The record of the run after it returned: the engine's final levels replace the ones followed
     * step by step. {@code crash} is what run() threw besides a FlowException (null normally).
     */
    synchronized RunRecord finish(List<Level> finalLevels, Throwable crash) {
        endPause();
        Map<Integer, LevelData> last = new HashMap<>();
        for (Level l : finalLevels) {
            if (l.position() >= 0) {
                last.put(l.position(), level(l.name(), l.position(), l.rows()));
            }
        }
        FlowException error = end == null ? null : end.error();
        long nanos = end != null ? end.durationNanos() : Duration.between(run.startedAt, Instant.now()).toNanos();
        if (crash != null) {
            return record(RunOutcome.FAILED, last, new ErrorInfo("the run failed unexpectedly: " + ErrorInfo.of(crash).message(),
                    ErrorInfo.stackTrace(crash)), lastComing, nanos);
        }
        if (error == null) {
            return record(RunOutcome.FINISHED, last, null, -1, nanos);
        }
        if (run.stopRequested) {
            return record(RunOutcome.STOPPED, last, new ErrorInfo(error.getMessage(), ""), lastComing, nanos);
        }
        Throwable cause = error.getCause();
        ErrorInfo info = new ErrorInfo(error.getMessage(), cause == null ? "" : ErrorInfo.stackTrace(cause));
        return record(RunOutcome.FAILED, last, info, failedPosition(error), nanos);
    }

    /** The run goes on (or ends) after a pause: its length counts as paused time, not as the functions'. */
    private void endPause() {
        if (pausedSince != 0) {
            pausedNanos += System.nanoTime() - pausedSince;
            pausedSince = 0;
        }
    }

    /** A level of this run; levels made from pinned rows say so (the inspector badges them). */
    private LevelData level(String function, int position, List<Object> rows) {
        boolean pinned = run.codeSources.get(position) == CodeSource.PINNED;
        return new LevelData(run.flowName, function, position, rows, pinned);
    }

    /** The record of a run whose thread did not return after Stop: what it did until then. */
    synchronized RunRecord abandoned(String message) {
        endPause();
        return record(RunOutcome.STOPPED, levels, new ErrorInfo(message, ""), lastComing,
                Duration.between(run.startedAt, Instant.now()).toNanos());
    }

    /** The position of the call last paused before or started, -1 before the first. */
    synchronized int lastComing() {
        return lastComing;
    }

    /** The card a failure belongs to: the call that failed, else the function that jumped in a loop, else the one named. */
    private int failedPosition(FlowException error) {
        if (lastFailed >= 0) {
            return lastFailed;
        }
        if (lastJumpFrom >= 0) {
            return lastJumpFrom;
        }
        return error.getFunctionName() == null ? -1 : run.chain.indexOf(error.getFunctionName());
    }

    private RunRecord record(RunOutcome outcome, Map<Integer, LevelData> finalLevels, ErrorInfo error, int position, long nanos) {
        return new RunRecord(run.number, run.flowName, run.startedAt, outcome, run.chain, source, finalLevels, calls,
                error, position, nanos, pausedNanos, run.codeSources,
                run.dryRun != null, chainSteps, committed, run.fromPosition, "");
    }
}
