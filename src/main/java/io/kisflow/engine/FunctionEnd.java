package io.kisflow.engine;

import java.util.List;

/**
 * A function call has ended and the engine has applied its actions. {@code committedRows} is what
 * the function committed (even when DataReuse then dropped it); {@code error} is null when the call
 * succeeded; {@code outcome} says in words what the engine did next (one of the {@code OUTCOME_}
 * constants, {@code "jump to NAME"} or {@code "retry N of M in D ms"}).
 */
public record FunctionEnd(String flowName, int seq, int position, String function, Mode mode,
                          List<Object> committedRows, List<Action> actions, long durationNanos,
                          Throwable error, String outcome) {
    public static final String OUTCOME_CONTINUE = "continue";
    public static final String OUTCOME_END = "end of flow";
    public static final String OUTCOME_NO_ROWS = "stopped: no rows committed";
    public static final String OUTCOME_REUSE_EMPTY = "stopped: DataReuse with empty input";
    public static final String OUTCOME_ABORT = "abort";
    public static final String OUTCOME_ERROR = "error";
    public static final String OUTCOME_ABORTED_BY_USER = "aborted by user";
    public static final String OUTCOME_JUMP_PREFIX = "jump to ";

    public boolean failed() {
        return error != null;
    }
}
