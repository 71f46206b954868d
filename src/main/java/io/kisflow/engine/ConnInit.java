package io.kisflow.engine;

/** The init code of a connector: opens clients, stores them with {@link Connector#setMetaData}. */
@FunctionalInterface
public interface ConnInit {
    void init(Connector connector) throws Exception;
}
