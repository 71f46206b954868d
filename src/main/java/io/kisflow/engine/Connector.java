package io.kisflow.engine;

import io.kisflow.config.ConnConfig;

/**
 * A connector instance: initialised once per engine and shared by every flow and fork that binds it.
 * {@link #call} routes to the code registered for the calling function's name and mode.
 */
public interface Connector {
    String getName();

    ConnConfig getConfig();

    Object call(Flow flow, Object args) throws Exception;

    Object getMetaData(String key);

    void setMetaData(String key, Object value);
}
