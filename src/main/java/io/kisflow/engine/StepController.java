package io.kisflow.engine;

/**
 * Lets a debugger pause a run before any function. The engine calls {@link #beforeFunction} on the
 * running thread before each call; it may block. Returning runs the function; throwing
 * {@link RunAbortedException} (or being interrupted by {@link KisFlowRun#abort()}) ends the run with a
 * FlowException saying "aborted by user". {@link Stepper} is a ready-made implementation.
 *
 * <pre>{@code Stepper stepper = new Stepper(); stepper.pause(); flow.setStepController(stepper);}</pre>
 */
public interface StepController {
    void beforeFunction(FunctionStart e) throws InterruptedException;

    /** Called on the running thread when a run begins, before any function. */
    default void runStarted(RunStart e) {
    }

    /** Called on the running thread when a run has ended, successfully or not. */
    default void runEnded(RunEnd e) {
    }
}
