package io.kisflow.connect;

import io.kisflow.config.ConnConfig;
import io.kisflow.engine.ConnectorClient;
import io.kisflow.engine.ConnectorType;
import io.kisflow.engine.Mode;

import java.util.Set;

/**
 * {@code type: http}: {@code addrs} is the base URL, {@code key} the path. Save POSTs the rows as one
 * JSON array; Load GETs one (an array gives its elements as rows, another JSON value is one row).
 * {@code params}: user and password (basic authentication), and {@code header.NAME} for any header.
 */
public final class HttpType implements ConnectorType {
    @Override
    public Set<String> names() {
        return Set.of("http");
    }

    @Override
    public ConnectorClient open(ConnConfig config) throws Exception {
        return HttpConnector.open(ConnectorSettings.of(config));
    }

    @Override
    public String describe(ConnConfig config, Mode mode) {
        return (mode == Mode.SAVE ? "POST " : "GET ") + (config.key().isEmpty() ? "/" : config.key());
    }
}
