package io.kisflow.engine;

import io.kisflow.config.ConnConfig;

/**
 * A connector instance: initialised once per engine and shared by every flow and fork that binds it.
 * {@link #call} routes to the code registered for the calling function's name and mode, and, when no
 * plugin registered any, to the built-in client of the connector's {@code type} (Save stores the
 * rows passed, Load returns the stored rows).
 *
 * <pre>{@code RedisCommands<String, String> redis = flow.getConnector().client(RedisCommands.class);}</pre>
 */
public interface Connector {
    String getName();

    ConnConfig getConfig();

    Object call(Flow flow, Object args) throws Exception;

    /**
     * The built-in client of this connector's {@code type} as {@code type}: for redis Lettuce's
     * {@code RedisCommands} (sync), {@code RedisAsyncCommands}, {@code StatefulRedisConnection} or
     * {@code RedisClient}; for the SQL types a {@code javax.sql.DataSource} (pooled); for kafka a
     * {@code Producer<String, String>} or the consumer {@code Properties}; for http the
     * {@code HttpClient} or the base {@code URI}; for file the {@code Path} of the file. Opened once
     * per engine, on first use, and shared: do not close it.
     *
     * @throws IllegalStateException naming the connector when its type has no built-in client, it
     *                               cannot be opened, or it has nothing of the class asked for
     */
    <T> T client(Class<T> type);

    Object getMetaData(String key);

    void setMetaData(String key, Object value);
}
