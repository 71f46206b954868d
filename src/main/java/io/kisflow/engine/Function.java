package io.kisflow.engine;

import io.kisflow.config.FuncConfig;

/** One function instance in a flow's chain. */
public interface Function {
    String getName();

    String getId();

    Mode getMode();

    FuncConfig getConfig();

    /** The bound connector, or null when the function binds none. */
    Connector getConnector();

    Object getMetaData(String key);

    void setMetaData(String key, Object value);
}
