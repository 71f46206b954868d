package io.kisflow.engine;

/**
 * Observes runs of one flow: the engine calls these methods on the running thread, once per run and
 * once per function call (never per row). Event row lists are read-only and never change, safe to keep.
 * Exceptions thrown by a listener are not caught: they fail the run, so keep listeners simple.
 *
 * <pre>{@code flow.addListener(new RunListener() {
 *     public void functionEnded(FunctionEnd e) { System.out.println(e.function() + ": " + e.outcome()); }
 * });}</pre>
 */
public interface RunListener {
    default void runStarted(RunStart e) {
    }

    default void functionStarted(FunctionStart e) {
    }

    default void functionEnded(FunctionEnd e) {
    }

    default void runEnded(RunEnd e) {
    }

    /**
     * A Go server would have done something else here (docs/DIFFERENCES.md). Heard during the call
     * it belongs to, before its {@link #functionEnded}; a note about a failure's leftovers comes after
     * the failed call's end, a disabled flow's note with no other event.
     */
    default void goDiffers(GoDifference d) {
    }
}
