package io.kisflow.connect;

import io.kisflow.config.ConnConfig;
import io.kisflow.engine.ConnectorClient;
import io.kisflow.engine.ConnectorType;
import io.kisflow.engine.Mode;

import java.util.Set;

/**
 * {@code type: kafka}: {@code addrs} are the bootstrap servers, {@code key} the topic. Save produces
 * each row to the topic (and waits until the broker has them all); Load reads the topic from its
 * start to its end at the time of the call. {@code params} with a dot in their name
 * ({@code security.protocol}, {@code sasl.mechanism}, ...) go to the Kafka clients as they are.
 */
public final class KafkaType implements ConnectorType {
    @Override
    public Set<String> names() {
        return Set.of("kafka");
    }

    @Override
    public ConnectorClient open(ConnConfig config) throws Exception {
        return KafkaConnector.open(ConnectorSettings.of(config));
    }

    @Override
    public String describe(ConnConfig config, Mode mode) {
        return (mode == Mode.SAVE ? "produce to " : "read ") + config.key();
    }
}
