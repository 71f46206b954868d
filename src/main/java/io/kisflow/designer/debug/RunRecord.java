package io.kisflow.designer.debug;

import io.kisflow.designer.debug.data.LevelData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything kept of one finished run: the chain it ran, the source rows, every level as it was at
 * the end, every call, the error and the timings. Immutable; the run history keeps the last few per
 * flow, and a view can re-show one on the cards or compare two.
 *
 * <pre>{@code RunRecord last = session.flow("StuAvg").lastRunProperty().get();
 * last.level(0).rows();  last.timings();}</pre>
 *
 * @param number         the run's number in this session (1, 2, ...), across flows
 * @param chain          the function names of the flow's chain when it ran
 * @param levels         the levels at the end by position (absent: no level, as in Go's data map)
 * @param failedPosition the card the error belongs to, -1 when none
 * @param durationNanos  wall time from start to end, pauses included
 * @param pausedNanos    the part of {@code durationNanos} the run spent paused (Step, breakpoints)
 * @param codeSources    where each position's code came from (plugin, pass-through, pinned rows)
 * @param dryRun         connector calls were recorded, not performed (each call's {@link CallRecord#connectorCalls()})
 * @param steps          the chain with modes, connectors and params (empty when not known)
 * @param committed      the rows each call committed, parallel to {@code calls} (empty when not kept):
 *                       what a trace export needs to rebuild the data map before and after each call
 * @param fromPosition   -1 for a run from the start; p for "Run from here" at the function at p, which
 *                       reused the levels before it
 * @param origin         "" for a designer run; otherwise where the run came from ("trace StuAvg.json")
 */
public record RunRecord(int number, String flowName, Instant startedAt, RunOutcome outcome, List<String> chain,
                        LevelData source, Map<Integer, LevelData> levels, List<CallRecord> calls, ErrorInfo error,
                        int failedPosition, long durationNanos, long pausedNanos, Map<Integer, CodeSource> codeSources,
                        boolean dryRun, List<ChainStep> steps, List<List<Object>> committed, int fromPosition,
                        String origin) {
    public RunRecord {
        chain = List.copyOf(chain);
        levels = Map.copyOf(levels);
        calls = List.copyOf(calls);
        codeSources = Map.copyOf(codeSources);
        steps = steps == null ? List.of() : List.copyOf(steps);
        committed = committed == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(committed));
        origin = origin == null ? "" : origin;
    }

    /** A designer run from the start, without chain details or committed rows. */
    public RunRecord(int number, String flowName, Instant startedAt, RunOutcome outcome, List<String> chain,
                     LevelData source, Map<Integer, LevelData> levels, List<CallRecord> calls, ErrorInfo error,
                     int failedPosition, long durationNanos, long pausedNanos, Map<Integer, CodeSource> codeSources,
                     boolean dryRun) {
        this(number, flowName, startedAt, outcome, chain, source, levels, calls, error, failedPosition, durationNanos,
                pausedNanos, codeSources, dryRun, List.of(), List.of(), -1, "");
    }

    /** The same run under another number (a stored or imported run joins this session's numbering). */
    public RunRecord withNumber(int n) {
        return new RunRecord(n, flowName, startedAt, outcome, chain, source, levels, calls, error, failedPosition,
                durationNanos, pausedNanos, codeSources, dryRun, steps, committed, fromPosition, origin);
    }

    /** The rows call {@code index} (of {@link #calls()}) committed; empty when they were not kept. */
    public List<Object> committedRows(int index) {
        return index < committed.size() && committed.get(index) != null ? committed.get(index) : List.of();
    }

    /** The level of a position at the end of the run (-1: the source), or null when it has none. */
    public LevelData level(int position) {
        return position < 0 ? source : levels.get(position);
    }

    /** Rows in a position's level: -1 when the function was not called, 0 when it left no level. */
    public int rowCount(int position) {
        if (!ran(position)) {
            return -1;
        }
        LevelData l = levels.get(position);
        return l == null ? 0 : l.size();
    }

    /** Connector calls the dry run recorded, over all calls (0 for a real run). */
    public int connectorCalls() {
        return calls.stream().mapToInt(c -> c.connectorCalls().size()).sum();
    }

    public boolean ran(int position) {
        for (CallRecord c : calls) {
            if (c.position() == position) {
                return true;
            }
        }
        return false;
    }

    public List<CallRecord> callsAt(int position) {
        List<CallRecord> out = new ArrayList<>();
        for (CallRecord c : calls) {
            if (c.position() == position) {
                out.add(c);
            }
        }
        return out;
    }

    /** Per card: calls, total and longest time, in chain order (cards that did not run are left out). */
    public List<FunctionTiming> timings() {
        List<FunctionTiming> out = new ArrayList<>();
        for (int p = 0; p < chain.size(); p++) {
            int n = 0;
            long total = 0;
            long max = 0;
            for (CallRecord c : calls) {
                if (c.position() == p) {
                    n++;
                    total += c.durationNanos();
                    max = Math.max(max, c.durationNanos());
                }
            }
            if (n > 0) {
                out.add(new FunctionTiming(p, chain.get(p), n, total, max));
            }
        }
        return out;
    }

    /** Time spent inside the functions: the sum of the calls' durations (no pause, no engine overhead). */
    public long functionNanos() {
        long sum = 0;
        for (CallRecord c : calls) {
            sum += c.durationNanos();
        }
        return sum;
    }

    /**
     * "Run #3 · finished · 4 calls · 2.10 ms in functions · 6.10 s wall (6.09 s paused)", for
     * the history list and the run panel: a stepped run's wall time is mostly the user's pauses, so the
     * time the functions took is shown apart.
     */
    public String label() {
        return String.format(java.util.Locale.ROOT, "%s #%d%s · %s · %d call%s · %s", dryRun ? "Dry run" : "Run", number,
                marks(), outcome.name().toLowerCase(java.util.Locale.ROOT), calls.size(), calls.size() == 1 ? "" : "s", times());
    }

    /** " from #3 Fn" for a run from here, " (trace X.json)" for an imported one; "" for a plain run. */
    public String marks() {
        String from = fromPosition < 0 ? "" : " from #" + (fromPosition + 1)
                + (fromPosition < chain.size() ? " " + chain.get(fromPosition) : "");
        return from + (origin.isEmpty() ? "" : " (" + origin + ")");
    }

    /** "2.10 ms in functions · 6.10 s wall (6.09 s paused)"; the pause part only when the run paused. */
    public String times() {
        return millis(functionNanos()) + " in functions · " + millis(durationNanos) + " wall"
                + (pausedNanos > 0 ? " (" + millis(pausedNanos) + " paused)" : "");
    }

    /** A duration as the run views write it: "0.42 ms", "12.3 ms", "6.10 s" (see {@link Durations}). */
    public static String millis(long nanos) {
        return Durations.nanos(nanos);
    }
}
