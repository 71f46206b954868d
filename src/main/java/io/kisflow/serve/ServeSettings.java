package io.kisflow.serve;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one served flow consumes and how: the flags of {@code serve} (or one flow of a
 * {@link Deployment}), as a value.
 *
 * <pre>{@code new ServeSettings("Orders", "127.0.0.1:9092", "orders", "kisflow-orders", 3, 500, Duration.ofMillis(200), true, "orders-dead")}</pre>
 *
 * @param deadLetter the topic failed batches go to, or null: the partition is then paused, never skipped
 * @param properties Kafka client properties of the consumers (and the dead-letter producer), over the service's own
 */
public record ServeSettings(String flow, String bootstrap, String topic, String group, int threads, int batchSize,
                            Duration batchWait, boolean json, String deadLetter, Map<String, String> properties) {
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_BATCH_WAIT = Duration.ofMillis(500);

    public ServeSettings {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(batchWait, "batchWait");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be at least 1");
        }
    }

    /** Settings with no extra Kafka client properties. */
    public ServeSettings(String flow, String bootstrap, String topic, String group, int threads, int batchSize,
                         Duration batchWait, boolean json, String deadLetter) {
        this(flow, bootstrap, topic, group, threads, batchSize, batchWait, json, deadLetter, Map.of());
    }
}
