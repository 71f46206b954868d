package io.kisflow.serve;

import io.kisflow.engine.Engine;
import io.kisflow.engine.KisFlowRun;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A flow served from a Kafka topic: {@code threads} consumers of one group, each with its own fork
 * of the flow ({@link ConsumerLoop}). Processes in other JVMs started with the same group share the
 * partitions: Kafka's group coordinator does the scale-out. The engine stays the caller's to close.
 *
 * <pre>{@code FlowService s = FlowService.start(engine, settings, new ServeLog(System.err), metrics);
 * Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
 * s.awaitStopped(Duration.ofMinutes(1));}</pre>
 */
public final class FlowService {
    private final ServeSettings settings;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final DeadLetter deadLetter;

    private FlowService(ServeSettings settings, DeadLetter deadLetter) {
        this.settings = settings;
        this.deadLetter = deadLetter;
    }

    /** Starts the consumers, logging to {@code log}, with metrics in a registry of their own. */
    public static FlowService start(Engine engine, ServeSettings settings, PrintStream log) {
        return start(engine, settings, new ServeLog(log), new ServeMetrics(new PrometheusRegistry()));
    }

    /**
     * Starts the consumers. The flow must exist in the engine.
     *
     * @throws IllegalArgumentException when the engine has no such flow
     */
    public static FlowService start(Engine engine, ServeSettings settings, ServeLog log, ServeMetrics metrics) {
        KisFlowRun flow = engine.flow(settings.flow());
        FlowService service = new FlowService(settings, settings.deadLetter() == null ? null : new DeadLetter(settings));
        for (int i = 0; i < settings.threads(); i++) {
            int thread = i;
            ConsumerLoop loop = new ConsumerLoop(() -> new KafkaConsumer<>(consumerProperties(settings, thread)), i == 0 ? flow : flow.fork(),
                    settings, service.deadLetter, log, metrics);
            Thread t = new Thread(loop, "serve-" + settings.flow() + "-" + i);
            service.loops.add(loop);
            service.threads.add(t);
        }
        service.threads.forEach(Thread::start);
        return service;
    }

    static Properties consumerProperties(ServeSettings s, int thread) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "kisflow-serve-" + s.flow() + "-" + thread);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, s.batchSize());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, s.batchWait().toMillis()));
        p.putAll(s.properties());
        // what the guarantees rest on is not the user's to change: commits after the run, the group, string records
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.group());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    public ServeSettings settings() {
        return settings;
    }

    /** Stops polling on every thread; batches in flight finish and are committed. Returns at once. */
    public void stop() {
        loops.forEach(ConsumerLoop::stop);
    }

    /** Waits until every thread has committed and closed its consumer; true when all did within the time. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !isRunning();
            }
            t.join(Math.max(1, left / 1_000_000));
        }
        boolean stopped = !isRunning();
        if (stopped && deadLetter != null) {
            deadLetter.close();
        }
        return stopped;
    }

    /** Whether any thread still runs. */
    public boolean isRunning() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    /** Ready to take records: every thread runs, has joined the group (with or without partitions) and reaches the brokers. */
    public boolean isReady() {
        return loops.stream().allMatch(l -> l.joined() && l.brokerProblem() == null);
    }

    /** Null while every thread reaches the brokers; else what the first that cannot says ("unreachable for 7 s: ..."). */
    public String brokerProblem() {
        return loops.stream().map(ConsumerLoop::brokerProblem).filter(p -> p != null).findFirst().orElse(null);
    }

    /** Why threads ended for good (Kafka refusing a setting); empty while all run or retry. */
    public List<String> failures() {
        return loops.stream().map(ConsumerLoop::gaveUp).filter(s -> s != null).distinct().toList();
    }

    /** The partitions the group assigned to this process's threads. */
    public Set<TopicPartition> assignedPartitions() {
        Set<TopicPartition> all = new HashSet<>();
        loops.forEach(l -> all.addAll(l.assigned()));
        return all;
    }

    /** Partitions paused after a failed batch with no dead letter. */
    public Set<TopicPartition> pausedPartitions() {
        Set<TopicPartition> all = new HashSet<>();
        loops.forEach(l -> all.addAll(l.paused()));
        return all;
    }
}
