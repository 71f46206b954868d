package io.kisflow.designer.debug;

/** Where the debugging session is: what the run panel's buttons and status line show. */
public enum SessionState {
    /** No run yet (or the last run was refused before it started). */
    IDLE,
    /** A run is executing functions. */
    RUNNING,
    /** A run waits before a function (Step, a breakpoint, or "run to here"). */
    PAUSED,
    /** The last run ended without error. */
    FINISHED,
    /** The last run ended with an error (shown on the card that failed). */
    FAILED,
    /** The last run was stopped by the user. */
    STOPPED;

    /** A run is in progress (running or paused): Run is disabled, Stop enabled. */
    public boolean isActive() {
        return this == RUNNING || this == PAUSED;
    }
}
