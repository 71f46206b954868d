package io.kisflow.designer.debug;

import io.kisflow.engine.DryRun;
import io.kisflow.engine.GoDifference;

import java.util.List;
import java.util.Map;

/**
 * One function call of a run, as the card's call list and the inspector's "call" tab show it.
 *
 * @param seq            the call's number in the run, from 1
 * @param position       the function's index in the chain
 * @param function       the function's name
 * @param mode           its fmode (Verify, Save, Load, Calculate, Expand)
 * @param inputLevel     the level it read: a function name, or FunctionIDFirstVirtual for the source
 * @param inputRows      rows in that level
 * @param params         the params it saw (default_params overlaid by the flow's params)
 * @param actions        the actions it asked for, in Go's spelling (ActionDataReuse, ActionJumpFunc(f), ...)
 * @param outcome        what the engine did next, in words ("continue", "jump to funcName1", "stopped: no rows committed", ...)
 * @param committedRows  rows it committed
 * @param durationNanos  how long the call took
 * @param error          null, or what it threw
 * @param log            the lines it printed during the call
 * @param droppedLogLines lines not kept because the call printed too much
 * @param connectorCalls what the call asked of its connector in a dry run, recorded instead of performed (empty in a real run)
 * @param goNotes        where a Go server would have done something else in this call, in words (with Go semantics: where
 *                       the call did as Go does and the Java engine would not); empty when nowhere
 */
public record CallRecord(int seq, int position, String function, String mode, String inputLevel, int inputRows,
                         Map<String, String> params, List<String> actions, String outcome, int committedRows,
                         long durationNanos, ErrorInfo error, List<LogLine> log, int droppedLogLines,
                         List<DryRun.Call> connectorCalls, List<GoDifference> goNotes) {
    /** A call where a Go server does the same. */
    public CallRecord(int seq, int position, String function, String mode, String inputLevel, int inputRows,
                      Map<String, String> params, List<String> actions, String outcome, int committedRows,
                      long durationNanos, ErrorInfo error, List<LogLine> log, int droppedLogLines,
                      List<DryRun.Call> connectorCalls) {
        this(seq, position, function, mode, inputLevel, inputRows, params, actions, outcome, committedRows, durationNanos, error,
                log, droppedLogLines, connectorCalls, List.of());
    }

    public CallRecord {
        goNotes = goNotes == null ? List.of() : List.copyOf(goNotes);
        params = params == null ? Map.of() : params;
        actions = actions == null ? List.of() : List.copyOf(actions);
        log = log == null ? List.of() : List.copyOf(log);
        connectorCalls = connectorCalls == null ? List.of() : List.copyOf(connectorCalls);
    }

    public boolean failed() {
        return error != null;
    }

    public double durationMillis() {
        return durationNanos / 1_000_000.0;
    }
}
