package io.kisflow.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The service's own metrics, beside Go's six engine metrics in the same registry (so one
 * {@code /metrics} shows both): batches and records by outcome, the duration of each batch, the lag
 * of each assigned partition, paused partitions, consumer restarts and threads that cannot reach the brokers. One instance per registry;
 * every {@link FlowService} of a process shares it.
 *
 * <pre>{@code ServeMetrics m = new ServeMetrics(engine.metricsRegistry().orElseGet(PrometheusRegistry::new));}</pre>
 */
public final class ServeMetrics {
    /** Milliseconds, as Go's flow_run_duration. */
    static final double[] BATCH_BUCKETS = {1, 5, 10, 50, 100, 500, 1000, 5000, 30000, 60000};

    private final PrometheusRegistry registry;
    final Counter batches;
    final Counter records;
    final Histogram batchDuration;
    final Gauge lag;
    final Gauge paused;
    final Counter restarts;
    final Gauge unreachable;

    public ServeMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        batches = Counter.builder().name("kisflow_serve_batches").help("Batches (one run each) by outcome: ok, dead_letter, paused, abandoned")
                .labelNames("flow_name", "outcome").withoutExemplars().register(registry);
        records = Counter.builder().name("kisflow_serve_records").help("Records consumed by outcome: ok, dead_letter, paused, abandoned")
                .labelNames("flow_name", "outcome").withoutExemplars().register(registry);
        batchDuration = Histogram.builder().name("kisflow_serve_batch_duration").help("Time of one batch, poll to commit, in milliseconds")
                .labelNames("flow_name").classicUpperBounds(BATCH_BUCKETS).classicOnly().withoutExemplars().register(registry);
        lag = Gauge.builder().name("kisflow_serve_partition_lag").help("Records of an assigned partition not yet consumed (log end minus position)")
                .labelNames("flow_name", "topic", "partition").withoutExemplars().register(registry);
        paused = Gauge.builder().name("kisflow_serve_partition_paused").help("1 while a partition is paused after a failed batch with no dead letter")
                .labelNames("flow_name", "topic", "partition").withoutExemplars().register(registry);
        restarts = Counter.builder().name("kisflow_serve_consumer_restarts").help("Consumers closed and made again after an error")
                .labelNames("flow_name").withoutExemplars().register(registry);
        unreachable = Gauge.builder().name("kisflow_serve_broker_unreachable").help("Consumer threads that cannot reach the brokers now (BrokerWatch)")
                .labelNames("flow_name").withoutExemplars().register(registry);
    }

    /** The registry these metrics are in (the one {@code /metrics} serves). */
    public PrometheusRegistry registry() {
        return registry;
    }
}
