package io.kisflow.serve;

import io.kisflow.engine.Engine;
import io.kisflow.engine.KisFlowRun;
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
 * <pre>{@code FlowService s = FlowService.start(engine, settings, System.err);
 * Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
 * s.awaitStopped();}</pre>
 */
public final class FlowService {
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final DeadLetter deadLetter;

    private FlowService(DeadLetter deadLetter) {
        this.deadLetter = deadLetter;
    }

    /**
     * Starts the consumers. The flow must exist in the engine.
     *
     * @throws IllegalArgumentException when the engine has no such flow
     */
    public static FlowService start(Engine engine, ServeSettings settings, PrintStream log) {
        KisFlowRun flow = engine.flow(settings.flow());
        FlowService service = new FlowService(settings.deadLetter() == null ? null : new DeadLetter(settings.bootstrap(), settings.deadLetter()));
        for (int i = 0; i < settings.threads(); i++) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(settings, i));
            ConsumerLoop loop = new ConsumerLoop(consumer, i == 0 ? flow : flow.fork(), settings, service.deadLetter, log);
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
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.group());
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
                return false;
            }
            t.join(Math.max(1, left / 1_000_000));
            if (t.isAlive()) {
                return false;
            }
        }
        if (deadLetter != null) {
            deadLetter.close();
        }
        return true;
    }

    /** Whether any thread still runs. */
    public boolean isRunning() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    /** Partitions paused after a failed batch with no dead letter. */
    public Set<TopicPartition> pausedPartitions() {
        Set<TopicPartition> all = new HashSet<>();
        loops.forEach(l -> all.addAll(l.paused()));
        return all;
    }
}
