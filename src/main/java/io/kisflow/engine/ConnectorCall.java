package io.kisflow.engine;

import java.util.Objects;

/**
 * One call of a function to its connector, as a {@link ConnectorGate} sees it: who calls which
 * connector with what, and how to perform it. {@code operation} says what the call does in the
 * storage's words when the caller knows it (built-in types: "RPUSH stu_score", "INSERT INTO scores");
 * calls through {@link Connector#call} leave it empty: the plugin's code decides.
 *
 * <pre>{@code Object result = ConnectorGate.of(flow).call(new ConnectorCall(connector, function, flow,
 *         "RPUSH " + key, rows, () -> redis.rpush(key, values)));}</pre>
 */
public final class ConnectorCall {
    /** What performing the call does. */
    @FunctionalInterface
    public interface Performer {
        Object perform() throws Exception;
    }

    private final Connector connector;
    private final Function function;
    private final Flow flow;
    private final String operation;
    private final Object args;
    private final Performer performer;

    public ConnectorCall(Connector connector, Function function, Flow flow, String operation, Object args, Performer performer) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.function = Objects.requireNonNull(function, "function");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.operation = operation == null ? "" : operation;
        this.args = args;
        this.performer = Objects.requireNonNull(performer, "performer");
    }

    public Connector connector() {
        return connector;
    }

    public Function function() {
        return function;
    }

    public Mode mode() {
        return function.getMode();
    }

    public Flow flow() {
        return flow;
    }

    /** What the call does in the storage's words, or "" when only the plugin's code knows. */
    public String operation() {
        return operation;
    }

    /** What the function passed: a row, a list of rows, a query. */
    public Object args() {
        return args;
    }

    /** Performs the call (reaches the storage). */
    public Object perform() throws Exception {
        return performer.perform();
    }
}
