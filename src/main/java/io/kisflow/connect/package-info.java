/**
 * Built-in connectors: the clients the engine opens for a connector's {@code type} (redis, the SQL
 * databases, kafka, http, file), so that Save and Load functions run against real storage without
 * plugin code. Each type is a small {@link io.kisflow.engine.ConnectorType} found with ServiceLoader;
 * its client library is loaded only when a connector of that type is opened. Depends on the engine
 * and the config model, never the reverse. See docs/CONNECTORS.md.
 */
package io.kisflow.connect;
