package io.kisflow.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * What one served flow consumes and how: the flags of {@code serve}, as a value.
 *
 * <pre>{@code new ServeSettings("Orders", "127.0.0.1:9092", "orders", "kisflow-orders", 3, 500, Duration.ofMillis(200), true, "orders-dead")}</pre>
 *
 * @param deadLetter the topic failed batches go to, or null: the partition is then paused, never skipped
 */
public record ServeSettings(String flow, String bootstrap, String topic, String group, int threads, int batchSize,
                            Duration batchWait, boolean json, String deadLetter) {
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_BATCH_WAIT = Duration.ofMillis(500);

    public ServeSettings {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(batchWait, "batchWait");
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be at least 1");
        }
    }
}
