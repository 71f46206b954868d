package io.kisflow.connect;

import io.kisflow.config.ConnConfig;
import io.kisflow.engine.ConnectorClient;
import io.kisflow.engine.ConnectorType;
import io.kisflow.engine.Mode;

import java.util.Set;

/**
 * {@code type: redis}: a Lettuce connection to the first address of {@code addrs} ({@code host:port});
 * Save pushes each row onto the list {@code key} (RPUSH), Load reads the whole list (LRANGE 0 -1).
 * {@code params}: database (a number), user, password.
 */
public final class RedisType implements ConnectorType {
    @Override
    public Set<String> names() {
        return Set.of("redis");
    }

    @Override
    public ConnectorClient open(ConnConfig config) throws Exception {
        return RedisConnector.open(ConnectorSettings.of(config));
    }

    @Override
    public String describe(ConnConfig config, Mode mode) {
        return (mode == Mode.SAVE ? "RPUSH " : "LRANGE ") + config.key();
    }
}
