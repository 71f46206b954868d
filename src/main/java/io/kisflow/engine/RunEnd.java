package io.kisflow.engine;

/** A run has ended after {@code calls} function calls; {@code error} is null when it succeeded. */
public record RunEnd(String flowName, int calls, long durationNanos, FlowException error) {
    public boolean failed() {
        return error != null;
    }
}
