package io.kisflow.engine;

/** Thrown by a {@link StepController} to abort the run; the run ends with a FlowException "aborted by user". */
public class RunAbortedException extends RuntimeException {
    public RunAbortedException() {
        super("aborted by user");
    }
}
