package io.kisflow.bench;

import io.kisflow.engine.Engine;
import io.kisflow.engine.KisPlugin;
import io.kisflow.serve.FlowService;
import io.kisflow.serve.ServeSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 12 §4: {@code serve} (a flow of 5 pass-through functions, {@link FlowService}) consuming
 * 1,000,000 small records from a 6-partition topic, side by side in one run with a bare kafka-clients
 * poll loop that does nothing with the records: same broker (an in-process KRaft broker, Kafka's test
 * kit, as the tests use), same consumer settings, 1 and 2 threads. Each side runs {@value #ROUNDS}
 * times per thread count, alternating, each time as a new consumer group reading from the start; the
 * first round is warm-up and the median of the others is kept. A side's time runs from the first
 * record it sees to the last one reaching its end (the group join is left out: the broker waits
 * {@value #JOIN_WAIT_MS} ms for the group's members, so every thread is in the first assignment).
 * Bar: serve >= 70% of the bare loop's records per second.
 * <p>
 * Then the end-to-end latency at a steady 10,000 records/s: each value is the producer's
 * {@code System.nanoTime()} just before {@code send} (same JVM), read at the last function
 * (serve) or as polled (the bare loop); median and p99 after a warm-up.
 * Run: see docs/PERFORMANCE.md, section Serve.
 */
public final class ServeThroughputBench {
    private static final int N = Integer.getInteger("bench.records", 1_000_000);
    private static final int PARTITIONS = 6;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    /** Records per poll at most, for both sides (serve's --batch-size, the bare loop's max.poll.records). */
    private static final int BATCH = Integer.getInteger("bench.batch", ServeSettings.DEFAULT_BATCH_SIZE);
    private static final int JOIN_WAIT_MS = 1500;
    /** The third side (the bare loop committing each poll) takes most of a round's time; -Dbench.commitSide=false leaves it out. */
    private static final boolean COMMIT_SIDE = Boolean.parseBoolean(System.getProperty("bench.commitSide", "true"));
    private static final int LATENCY_RATE = 10_000;
    private static final int LATENCY_WARMUP_S = 3;
    private static final int LATENCY_MEASURE_S = 10;

    /** Rows that reached the fifth function (serve), records polled (bare). */
    private static final AtomicLong DONE = new AtomicLong();
    /** System.nanoTime() of the first record seen in the current measurement, 0 before. */
    private static final AtomicLong FIRST = new AtomicLong();
    /** Latency samples in microseconds while {@code sampling}; null outside the latency part. */
    private static volatile long[] samples;
    private static final AtomicInteger SAMPLED = new AtomicInteger();
    private static volatile boolean sampling;

    private static KafkaClusterTestKit kafka;

    public static void main(String[] args) throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", String.valueOf(JOIN_WAIT_MS))
                .build();
        try {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            System.out.printf("broker up; load average %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (!Boolean.getBoolean("bench.skipThroughput")) {
                throughput();
            }
            if (!Boolean.getBoolean("bench.skipLatency")) {
                latency();
            }
            System.out.printf("load average at the end %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            kafka.close();
        }
    }

    // ---------------------------------------------------------------- throughput

    private static void throughput() throws Exception {
        createTopic("bench");
        long t = System.nanoTime();
        try (KafkaProducer<String, String> p = producer(20)) {
            for (int i = 0; i < N; i++) {
                p.send(new ProducerRecord<>("bench", i % PARTITIONS, null, "{\"id\":" + i + ",\"v\":" + i + "}"));
            }
            p.flush();
        }
        System.out.printf("produced %,d records in %d ms%n", N, (System.nanoTime() - t) / 1_000_000);
        try (Engine engine = Engine.builder().configs(EngineBenchFlows.fiveCalculates()).plugin(passThrough()).metrics(false).build()) {
            int group = 0;
            for (int threads : new int[] {1, 2}) {
                List<Double> bare = new ArrayList<>();
                List<Double> committing = new ArrayList<>();
                List<Double> served = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    bare.add(bareLoop("bench", "bare-" + (++group), threads, N));
                    if (COMMIT_SIDE) {
                        committing.add(bareLoop("bench", "commit-" + (++group), threads, N, true));
                    }
                    served.add(serve(engine, "bench", "serve-" + (++group), threads, N));
                    System.out.printf("  round %d, %d thread(s): bare %,.0f records/s, bare+commitSync %s, serve %,.0f records/s: %.0f%%%n",
                            round, threads, N / bare.get(round), COMMIT_SIDE ? String.format("%,.0f records/s", N / committing.get(round)) : "-",
                            N / served.get(round), 100 * bare.get(round) / served.get(round));
                }
                if (COMMIT_SIDE) {
                    System.out.printf("%d thread(s): bare loop committing each poll synchronously %,.0f records/s%n", threads, N / median(committing.subList(1, ROUNDS)));
                }
                double b = N / median(bare.subList(1, ROUNDS));
                double s = N / median(served.subList(1, ROUNDS));
                System.out.printf("%d thread(s): serve %,.0f records/s (best %,.0f), bare poll loop %,.0f records/s (best %,.0f): %.0f%% of the bare loop%n",
                        threads, s, N / best(served.subList(1, ROUNDS)), b, N / best(bare.subList(1, ROUNDS)), 100 * s / b);
            }
        }
    }

    /** Seconds from the first record polled to the {@code n}th, with {@code threads} bare consumers. */
    private static double bareLoop(String topic, String group, int threads, int n) throws Exception {
        return bareLoop(topic, group, threads, n, false);
    }

    /** As above; with {@code commit}, each poll's offsets are committed synchronously (what at-least-once costs at the least). */
    private static double bareLoop(String topic, String group, int threads, int n, boolean commit) throws Exception {
        CountDownLatch done = reset(n);
        List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProperties(topic, group, i));
            consumers.add(c);
            running.add(new Thread(() -> {
                try {
                    c.subscribe(List.of(topic));
                    while (true) {
                        ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                        if (records.isEmpty()) {
                            continue;
                        }
                        FIRST.compareAndSet(0, System.nanoTime());
                        long now = sampling ? System.nanoTime() : 0;
                        for (ConsumerRecord<String, String> r : records) {
                            if (now != 0) {
                                sample(now, r.value());
                            }
                        }
                        if (commit) {
                            c.commitSync();
                        }
                        if (DONE.addAndGet(records.count()) >= n) {
                            done.countDown();
                        }
                    }
                } catch (WakeupException e) {
                    // stopped
                } finally {
                    c.close();
                }
            }, "bare-" + i));
        }
        running.forEach(Thread::start);
        return awaitAndStop(done, n, () -> consumers.forEach(KafkaConsumer::wakeup), running);
    }

    /** Seconds from the first record seen by the flow to the {@code n}th row reaching its fifth function. */
    private static double serve(Engine engine, String topic, String group, int threads, int n) throws Exception {
        CountDownLatch done = reset(n);
        ServeSettings settings = new ServeSettings(EngineBenchFlows.FLOW, kafka.bootstrapServers(), topic, group, threads,
                BATCH, ServeSettings.DEFAULT_BATCH_WAIT, false, null);
        // the per-batch lines go where a log collector would read them; here they are not what is measured
        FlowService service = FlowService.start(engine, settings, new PrintStream(OutputStream.nullOutputStream()));
        return awaitAndStop(done, n, service::stop, List.of());
    }

    private static volatile long target;
    private static volatile CountDownLatch finished;

    /** C1..C5 commit each input row unchanged; C1 notes the first row's time, C5 counts (and samples latency). */
    private static KisPlugin passThrough() {
        return pool -> {
            for (String f : EngineBenchFlows.FUNCTIONS) {
                boolean first = f.equals("C1");
                boolean last = f.equals("C5");
                pool.faas(f, flow -> {
                    List<Object> in = flow.input();
                    if (first) {
                        FIRST.compareAndSet(0, System.nanoTime());
                    }
                    for (Object row : in) {
                        flow.commitRow(row);
                    }
                    if (last) {
                        if (sampling) {
                            long now = System.nanoTime();
                            for (Object row : in) {
                                sample(now, (String) row);
                            }
                        }
                        if (DONE.addAndGet(in.size()) >= target) {
                            finished.countDown();
                        }
                    }
                });
            }
        };
    }

    private static double awaitAndStop(CountDownLatch done, int n, Runnable stop, List<Thread> threads) throws Exception {
        try {
            if (!done.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + DONE.get() + " of " + n + " records arrived within 300 s");
            }
            return (System.nanoTime() - FIRST.get()) / 1e9;
        } finally {
            stop.run();
            for (Thread t : threads) {
                t.join(10_000);
            }
            Thread.sleep(200); // the serve threads commit and close
        }
    }

    /** A new measurement: counters at zero, and the latch that opens when {@code n} records are through (or the latency part ends). */
    private static CountDownLatch reset(long n) {
        DONE.set(0);
        FIRST.set(0);
        target = n;
        CountDownLatch l = new CountDownLatch(1);
        finished = l;
        return l;
    }

    // ---------------------------------------------------------------- latency

    private static void latency() throws Exception {
        // a topic per side: the second side does not first read the first side's records
        createTopic("latency-bare");
        createTopic("latency-serve");
        try (Engine engine = Engine.builder().configs(EngineBenchFlows.fiveCalculates()).plugin(passThrough()).metrics(false).build()) {
            long[] bare = latencyOf("latency-bare", consumerSide -> bareLoop("latency-bare", "bare-latency", 1, Integer.MAX_VALUE), "bare");
            long[] served = latencyOf("latency-serve", consumerSide -> serve(engine, "latency-serve", "serve-latency", 1, Integer.MAX_VALUE), "serve");
            System.out.printf("latency at %,d records/s, produce to sink, 1 thread: serve median %.2f ms, p99 %.2f ms (%,d records); "
                            + "bare poll loop median %.2f ms, p99 %.2f ms (%,d records)%n", LATENCY_RATE,
                    pct(served, 50), pct(served, 99), served.length, pct(bare, 50), pct(bare, 99), bare.length);
        }
    }

    private interface Side {
        double run(Object unused) throws Exception;
    }

    /**
     * Starts a side (it runs until stopped: its target is never reached), produces at a steady rate
     * for warm-up plus measurement, keeps the samples of the measured seconds.
     */
    private static long[] latencyOf(String topic, Side side, String name) throws Exception {
        samples = new long[LATENCY_RATE * (LATENCY_MEASURE_S + 2)];
        SAMPLED.set(0);
        sampling = false;
        sampleFrom = Long.MAX_VALUE;
        Thread consumer = new Thread(() -> {
            try {
                side.run(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "latency-" + name);
        consumer.start();
        Thread.sleep(JOIN_WAIT_MS + 2000); // joined and assigned before the first record
        try (KafkaProducer<String, String> p = producer(5)) { // the client's default linger
            long start = System.nanoTime();
            long periodNs = 1_000_000; // 10 records each millisecond
            int perTick = LATENCY_RATE / 1000;
            int ticks = (LATENCY_WARMUP_S + LATENCY_MEASURE_S) * 1000;
            for (int tick = 0; tick < ticks; tick++) {
                long due = start + tick * periodNs;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait); // no spinning: the broker shares the cores
                }
                if (tick == LATENCY_WARMUP_S * 1000) {
                    sampleFrom = System.nanoTime();
                    sampling = true;
                }
                for (int i = 0; i < perTick; i++) {
                    p.send(new ProducerRecord<>(topic, (tick * perTick + i) % PARTITIONS, null, Long.toString(System.nanoTime())));
                }
            }
            p.flush();
        }
        Thread.sleep(1000);
        sampling = false;
        finished.countDown(); // the side's target is never reached: this ends it
        consumer.join(15_000);
        return Arrays.copyOf(samples, Math.min(SAMPLED.get(), samples.length));
    }

    /** Records sent before this (System.nanoTime()) are warm-up: not sampled even when they arrive late. */
    private static volatile long sampleFrom = Long.MAX_VALUE;

    private static void sample(long now, String value) {
        long[] s = samples;
        long sent = Long.parseLong(value);
        if (s == null || sent < sampleFrom) {
            return;
        }
        int i = SAMPLED.getAndIncrement();
        if (i < s.length) {
            s[i] = (now - sent) / 1000;
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The consumer settings FlowService gives its consumers (FlowService.consumerProperties), for the bare loop. */
    private static Properties consumerProperties(String topic, String group, int thread) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bare-" + topic + "-" + thread);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) ServeSettings.DEFAULT_BATCH_WAIT.toMillis());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private static KafkaProducer<String, String> producer(int lingerMs) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static double best(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double pct(long[] micros, int p) {
        long[] s = micros.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1000.0;
    }
}
