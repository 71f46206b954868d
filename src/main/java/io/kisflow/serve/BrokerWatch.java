package io.kisflow.serve;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

import java.time.Duration;
import java.util.Set;

/**
 * Whether one consumer thread reaches its brokers, said once when it stops and once when it comes
 * back ({@code event=broker_unreachable}, {@code event=broker_back}), on {@code /ready} and in
 * {@code kisflow_serve_broker_unreachable}. The Kafka client reconnects by itself and says nothing
 * (its own log goes nowhere here), so without this a broker restart was silent: batches stopped,
 * commits waited, {@code /ready} stayed 200. Two signs: a commit not answered within
 * {@link #COMMIT_TIMEOUT} (while records come), and, while idle, nothing heard from the group
 * coordinator (no heartbeat sent, no commit) for twice the heartbeat interval, confirmed by asking it
 * for a committed offset (a long rebalance also stops heartbeats, but the coordinator answers). The
 * brokers are back at the next heartbeat or commit.
 */
final class BrokerWatch {
    /** How long one commit attempt waits; the loop tries again with backoff, so a down broker is noticed and said in seconds. */
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final long CHECK_EVERY_NS = 1_000_000_000L;

    private record Outage(long sinceNanos, String reason) {
    }

    private final ServeSettings settings;
    private final ServeLog log;
    private final ServeMetrics metrics;
    /** How long (s) without a heartbeat or a commit before the coordinator is asked whether it is there. */
    private final long staleSeconds;
    private Metric heartbeatAge;
    private long nextCheck;
    /** When the brokers last showed they answer (a heartbeat sent, a commit, a probe answered), System.nanoTime(). */
    private long lastAnswer;
    private volatile Outage outage;

    BrokerWatch(ServeSettings settings, ServeLog log, ServeMetrics metrics) {
        this.settings = settings;
        this.log = log;
        this.metrics = metrics;
        long interval;
        try {
            interval = Long.parseLong(settings.properties().getOrDefault(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000").trim());
        } catch (NumberFormatException e) {
            interval = 3000; // the consumer itself refuses the setting and says so
        }
        this.staleSeconds = Math.max(2, 2 * interval / 1000 + 1);
    }

    /** A new consumer of this thread (the first, or one made again after an error). */
    void watch(KafkaConsumer<String, String> c) {
        heartbeatAge = c.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("last-heartbeat-seconds-ago") && e.getKey().group().endsWith("coordinator-metrics"))
                .map(e -> (Metric) e.getValue()).findFirst().orElse(null);
        nextCheck = 0;
        lastAnswer = System.nanoTime();
    }

    /**
     * After a poll, at most once a second: a consumer that has heard nothing from the group
     * coordinator for a while asks it for a committed offset; while the outage is known, the next
     * heartbeat or commit says the brokers are back.
     */
    void afterPoll(KafkaConsumer<String, String> c) {
        long now = System.nanoTime();
        if (now < nextCheck) {
            return;
        }
        nextCheck = now + CHECK_EVERY_NS;
        double age = heartbeatAge != null && heartbeatAge.metricValue() instanceof Number n ? n.doubleValue() : -1; // -1: none sent yet
        if (age >= 0 && age <= staleSeconds) {
            lastAnswer = now;
            reachable();
            return;
        }
        long silent = (now - lastAnswer) / 1_000_000_000L;
        if (outage != null || silent <= staleSeconds) {
            return;
        }
        try {
            c.committed(Set.of(new TopicPartition(settings.topic(), 0)), PROBE_TIMEOUT);
            lastAnswer = System.nanoTime();
            reachable();
        } catch (RetriableException e) {
            unreachable("nothing heard from the group coordinator for " + silent + " s (heartbeats, commits) and no answer within "
                    + PROBE_TIMEOUT.toSeconds() + " s: " + e.getMessage());
        }
    }

    void committed() {
        lastAnswer = System.nanoTime();
        reachable();
    }

    void commitFailed(RuntimeException e) {
        unreachable("a commit was not answered: " + e.getMessage());
    }

    /** Null while the brokers answer; else for how long and why not. */
    String problem() {
        Outage o = outage;
        return o == null ? null : "unreachable for " + (System.nanoTime() - o.sinceNanos) / 1_000_000_000L + " s: " + o.reason;
    }

    /** The thread ends: it no longer counts as one that cannot reach the brokers. */
    void forget() {
        if (outage != null) {
            outage = null;
            metrics.unreachable.labelValues(settings.flow()).dec();
        }
    }

    private void unreachable(String reason) {
        if (outage != null) {
            return;
        }
        outage = new Outage(System.nanoTime(), reason);
        metrics.unreachable.labelValues(settings.flow()).inc();
        log.warn("broker_unreachable", "flow", settings.flow(), "thread", Thread.currentThread().getName(), "brokers", settings.bootstrap(),
                "reason", reason, "action", "the client reconnects by itself; batches run are committed once a broker answers; /ready is 503 until then");
    }

    private void reachable() {
        Outage o = outage;
        if (o == null) {
            return;
        }
        outage = null;
        metrics.unreachable.labelValues(settings.flow()).dec();
        log.info("broker_back", "flow", settings.flow(), "thread", Thread.currentThread().getName(), "brokers", settings.bootstrap(),
                "unreachable_ms", (System.nanoTime() - o.sinceNanos) / 1_000_000);
    }
}
