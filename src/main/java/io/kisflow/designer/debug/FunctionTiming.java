package io.kisflow.designer.debug;

/** Time spent in one function card during a run (all its calls, e.g. in a JumpFunc loop). */
public record FunctionTiming(int position, String function, int calls, long totalNanos, long maxNanos) {
    public double totalMillis() {
        return totalNanos / 1_000_000.0;
    }

    public double maxMillis() {
        return maxNanos / 1_000_000.0;
    }
}
