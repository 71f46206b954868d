package io.kisflow.engine;

import java.util.List;

/**
 * The open client of one built-in connector ({@link ConnectorType#open}): shared by every flow and
 * fork of an engine, so safe for many threads; closed with the engine. Its failures carry messages
 * naming the connector, its address and the cause.
 */
public interface ConnectorClient extends AutoCloseable {
    /** Stores rows: what a Save function without code does with its input. */
    void save(List<?> rows) throws Exception;

    /** Reads the stored rows: what a Load function without code commits. */
    List<Object> load() throws Exception;

    /**
     * The library client behind this connector as {@code type} (for example Lettuce's
     * {@code RedisCommands}, a {@code javax.sql.DataSource}, a Kafka {@code Producer}), or null when
     * it has none of that type.
     */
    <T> T unwrap(Class<T> type);

    /** What {@link #unwrap} answers to, for the error when code asks for something else. */
    List<Class<?>> unwrapsTo();

    @Override
    void close() throws Exception;
}
