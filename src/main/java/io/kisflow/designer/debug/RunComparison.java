package io.kisflow.designer.debug;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.diff.LevelDiff;

import java.util.ArrayList;
import java.util.List;

/**
 * Two runs of one flow side by side, level by level: the source, then each chain position with its
 * rows, calls, time and last outcome in both runs. {@link #diff} compares one level row by row (for
 * big levels, give {@link #before}/{@link #after} levels to a {@link io.kisflow.designer.debug.diff.DiffModel}
 * instead, which works off the UI thread).
 *
 * <pre>{@code RunComparison c = flow.compare(flow.history().runs().get(1), flow.lastRunProperty().get());
 * c.rows().forEach(r -> System.out.println(r.label() + " " + r.rowsBefore() + " -> " + r.rowsAfter()));}</pre>
 */
public final class RunComparison {
    /**
     * One level in both runs. Rows are -1 where the function did not run, 0 where it left no level;
     * outcome is the engine's word on the last call ("" when none).
     */
    public record Row(int position, String functionBefore, String functionAfter, int rowsBefore, int rowsAfter,
                      int callsBefore, int callsAfter, long nanosBefore, long nanosAfter,
                      String outcomeBefore, String outcomeAfter) {
        public String label() {
            if (position < 0) {
                return "source";
            }
            String f = functionAfter.isEmpty() ? functionBefore : functionAfter;
            return "#" + (position + 1) + " " + f + (functionBefore.equals(functionAfter) || functionBefore.isEmpty()
                    || functionAfter.isEmpty() ? "" : " (was " + functionBefore + ")");
        }

        public boolean countsDiffer() {
            return rowsBefore != rowsAfter || callsBefore != callsAfter || !outcomeBefore.equals(outcomeAfter);
        }
    }

    private final RunRecord before;
    private final RunRecord after;

    RunComparison(RunRecord before, RunRecord after) {
        this.before = before;
        this.after = after;
    }

    public RunRecord beforeRun() {
        return before;
    }

    public RunRecord afterRun() {
        return after;
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        out.add(new Row(-1, "", "", before.source().size(), after.source().size(), 0, 0, 0, 0, "", ""));
        int n = Math.max(before.chain().size(), after.chain().size());
        for (int p = 0; p < n; p++) {
            out.add(new Row(p, name(before, p), name(after, p), before.rowCount(p), after.rowCount(p),
                    before.callsAt(p).size(), after.callsAt(p).size(), nanos(before, p), nanos(after, p),
                    lastOutcome(before, p), lastOutcome(after, p)));
        }
        return out;
    }

    /** The level at a position (-1: source) in the earlier run; an empty level when it has none. */
    public LevelData before(int position) {
        return orEmpty(before, position);
    }

    public LevelData after(int position) {
        return orEmpty(after, position);
    }

    /** The row-by-row diff of one level between the runs, aligned by index or by a key column ("" = index). */
    public LevelDiff diff(int position, String keyColumn) {
        List<Object> l = before(position).rows();
        List<Object> r = after(position).rows();
        return keyColumn == null || keyColumn.isEmpty()
                ? LevelDiff.byIndex(l, r, () -> false)
                : LevelDiff.byKey(l, r, keyColumn, () -> false);
    }

    private static LevelData orEmpty(RunRecord run, int position) {
        LevelData l = run.level(position);
        return l != null ? l : LevelData.of(run.flowName(), name(run, position), position, List.of());
    }

    private static String name(RunRecord run, int p) {
        return p >= 0 && p < run.chain().size() ? run.chain().get(p) : "";
    }

    private static long nanos(RunRecord run, int p) {
        return run.callsAt(p).stream().mapToLong(CallRecord::durationNanos).sum();
    }

    private static String lastOutcome(RunRecord run, int p) {
        List<CallRecord> calls = run.callsAt(p);
        return calls.isEmpty() ? "" : calls.get(calls.size() - 1).outcome();
    }
}
