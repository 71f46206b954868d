package io.kisflow.engine;

import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FuncConfig;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A running instance of a flow: rows committed before {@link #run()} become the source level; each
 * function reads the level before it and commits its own. One instance is run by one thread at a
 * time; {@link #fork()} makes an independent copy for another thread.
 *
 * <pre>{@code Flow flow = engine.flow("CalStuAvgScore");
 * flow.commitRow("{\"stu_id\":101,\"score_1\":90}");
 * flow.run();}</pre>
 */
public interface Flow {
    String getName();

    String getId();

    /** The rows of the level the current function reads (inside a function call). */
    List<Object> input();

    void commitRow(Object row);

    void commitRowBatch(Collection<?> rows);

    /** Actions for the step after the current function. */
    void next(Action... actions);

    Function getThisFunction();

    FuncConfig getThisFuncConf();

    /** The connector the current function binds; throws when it binds none. */
    Connector getConnector();

    ConnConfig getConnConf();

    FlowConfig getConfig();

    /** The current function's param: the flow's params for it over its default_params; null when absent. */
    String getFuncParam(String key);

    Map<String, String> getFuncParamAll();

    Object getCacheData(String key);

    /** Stores a value in the flow's cache; a zero ttl keeps it forever. */
    void setCacheData(String key, Object value, Duration ttl);

    Object getMetaData(String key);

    void setMetaData(String key, Object value);

    /** A fresh, fully independent flow with the same chain, params and connectors and no data. */
    Flow fork();

    /** Runs the committed rows through the chain. */
    void run() throws FlowException;
}
