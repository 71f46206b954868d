package io.kisflow.engine;

import io.kisflow.config.ConnConfig;

import java.util.Set;

/**
 * A storage the engine reaches without plugin code, named by the {@code type} of a connector's YAML
 * (redis, postgres, kafka, ...). Implementations live outside the engine ({@code io.kisflow.connect})
 * and are found with ServiceLoader; each opens its client library only in {@link #open}, so a
 * process that uses no connector of a type never loads its library.
 *
 * <pre>{@code ConnectorClient client = type.open(conn);   // once per engine, shared by its flows}</pre>
 */
public interface ConnectorType {
    /** The {@code type} values this handles, in lower case. */
    Set<String> names();

    /**
     * Opens the client of one connector, connected and ready, within the connector's connect
     * timeout. Called once per engine (again after a failure); the engine closes it.
     *
     * @throws Exception with a message naming the connector, its address and the cause
     */
    ConnectorClient open(ConnConfig config) throws Exception;

    /** What a Save or Load function bound to this connector does without code of its own, for its card: "RPUSH scores". */
    String describe(ConnConfig config, Mode mode);
}
