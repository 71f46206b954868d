package io.kisflow.engine;

/**
 * Where plugins register the code behind function and connector names (Go: {@code kis.Pool()}).
 * Each engine has its own pool; registering a name twice replaces the earlier code.
 *
 * <pre>{@code pool.faas("AvgStuScore", StuScore.class, (flow, rows) -> rows.forEach(r -> flow.commitRow(avg(r))));}</pre>
 */
public interface Pool {
    /** Registers untyped code for a function: it reads {@link Flow#input()} itself. */
    void faas(String funcName, FaaS f);

    /** Registers typed code: each input row is converted to {@code rowType} before the call. */
    <T> void faas(String funcName, Class<T> rowType, TypedFaaS<T> f);

    /** Registers the init code of a connector, run once per engine before its first use. */
    void caasInit(String connName, ConnInit i);

    /** Registers what a connector does when function {@code funcName} (of this mode) calls it. */
    void caas(String connName, String funcName, Mode mode, CaaS c);
}
