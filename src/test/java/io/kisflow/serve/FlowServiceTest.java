package io.kisflow.serve;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FlowService} against a real KRaft broker in this JVM (Kafka's test kit). The flow is
 * Check (test code: fails on a row "poison", waits on a latch when asked) then Save into a
 * {@code type: file} connector, so the file holds exactly the rows that were processed (a string row is stored as it is).
 */
class FlowServiceTest {
    private static KafkaClusterTestKit kafka;
    private static int topics;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** Set by a test to hold the Check function at its first call until released. */
    private static volatile CountDownLatch started;
    private static volatile CountDownLatch release;
    /** The kafka.records metadata the Check function saw at its last call. */
    private static volatile Object lastRecords;

    private Engine engine(Path dir) throws Exception {
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        Files.writeString(dir.resolve("conn-Store.yml"), "kistype: conn\ncname: Store\naddrs: '" + store + "'\ntype: file\nkey: rows.jsonl\n");
        Files.writeString(dir.resolve("func-Check.yml"), "kistype: func\nfname: Check\nfmode: Calculate\nsource:\n  name: rows\n");
        Files.writeString(dir.resolve("func-Save.yml"), "kistype: func\nfname: Save\nfmode: Save\nsource:\n  name: rows\noption:\n  cname: Store\n");
        Files.writeString(dir.resolve("flow-Ingest.yml"), "kistype: flow\nstatus: 1\nflow_name: Ingest\nflows:\n  - fname: Check\n  - fname: Save\n");
        LoadResult loaded = ConfigLoader.load(dir);
        assertTrue(!loaded.hasErrors(), loaded.errors().toString());
        return Engine.builder().configs(loaded.configs()).metrics(false).plugin(pool -> pool.faas("Check", flow -> {
            lastRecords = flow.getMetaData("kafka.records");
            CountDownLatch s = started;
            if (s != null && s.getCount() > 0) {
                s.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            for (Object row : flow.input()) {
                if ("poison".equals(row)) {
                    throw new IllegalArgumentException("poison row");
                }
                flow.commitRow(row);
            }
        })).build();
    }

    private static String topic(int partitions) throws Exception {
        String name = "in-" + (++topics);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
        return name;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void produce(String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (String v : values) {
                p.send(new ProducerRecord<>(topic, 0, null, v)).get();
            }
        }
    }

    /** The group's committed offsets, partition number to next offset. */
    private static Map<Integer, Long> committed(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> out = new HashMap<>();
            m.forEach((tp, o) -> {
                if (o != null) {
                    out.put(tp.partition(), o.offset());
                }
            });
            return out;
        }
    }

    private static List<String> stored(Path dir) throws Exception {
        Path f = dir.resolve("store/rows.jsonl");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static BooleanSupplier quietly(java.util.concurrent.Callable<Boolean> c) {
        return () -> {
            try {
                return c.call();
            } catch (Exception e) {
                return false;
            }
        };
    }

    private static ServeSettings settings(String topic, String group, int threads, String deadLetter) {
        return new ServeSettings("Ingest", kafka.bootstrapServers(), topic, group, threads, 50, Duration.ofMillis(100), false, deadLetter);
    }

    @Test
    void everyRecordIsSavedOnceAndTheOffsetsAreCommitted(@TempDir Path dir) throws Exception {
        String topic = topic(3);
        List<String> values = new ArrayList<>();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < 300; i++) {
                values.add("r" + i);
                p.send(new ProducerRecord<>(topic, i % 3, null, "r" + i)).get();
            }
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = engine(dir)) {
            FlowService service = FlowService.start(engine, settings(topic, "g-once", 2, null), new PrintStream(log, true, StandardCharsets.UTF_8));
            await(quietly(() -> committed("g-once").equals(Map.of(0, 100L, 1, 100L, 2, 100L))), "offsets 100 on each partition");
            service.stop();
            assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
        }
        List<String> rows = stored(dir);
        assertEquals(values.stream().sorted().toList(), rows.stream().sorted().toList(), "every record once");
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*serve: flow=Ingest partition=" + topic + "-\\d offsets=\\d+\\.\\.\\d+ rows=\\d+ ms=\\d+ ok.*"), text);
    }

    @Test
    void aFailingBatchGoesToTheDeadLetterWithItsErrorAndIsCommitted(@TempDir Path dir) throws Exception {
        String topic = topic(1);
        String dead = topic + "-dead";
        topicNamed(dead);
        produce(topic, List.of("a", "poison", "b"));
        try (Engine engine = engine(dir)) {
            FlowService service = FlowService.start(engine, settings(topic, "g-dead", 1, dead), System.err);
            await(quietly(() -> committed("g-dead").equals(Map.of(0, 3L))), "the failed batch committed");
            produce(topic, List.of("c"));
            await(quietly(() -> committed("g-dead").equals(Map.of(0, 4L))), "the next batch goes on");
            service.stop();
            assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
        }
        assertEquals(List.of("c"), stored(dir), "the failed batch wrote nothing; the next one did");
        List<ConsumerRecord<String, String>> letters = readAll(dead);
        assertEquals(List.of("a", "poison", "b"), letters.stream().map(ConsumerRecord::value).toList());
        ConsumerRecord<String, String> r = letters.get(1);
        assertEquals("Ingest", header(r, DeadLetter.FLOW));
        assertEquals("Check", header(r, DeadLetter.FUNCTION));
        assertTrue(header(r, DeadLetter.ERROR).contains("poison row"), header(r, DeadLetter.ERROR));
        assertEquals(topic + "-0@1", header(r, DeadLetter.SOURCE));
    }

    @Test
    void withoutDeadLetterTheFailedPartitionIsPausedAndNotCommittedPastTheFailure(@TempDir Path dir) throws Exception {
        String topic = topic(1);
        produce(topic, List.of("a", "b"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = engine(dir)) {
            FlowService service = FlowService.start(engine, settings(topic, "g-pause", 1, null), new PrintStream(log, true, StandardCharsets.UTF_8));
            await(quietly(() -> committed("g-pause").equals(Map.of(0, 2L))), "the good batch committed");
            produce(topic, List.of("poison", "c"));
            await(() -> !service.pausedPartitions().isEmpty(), "the partition paused");
            produce(topic, List.of("d"));
            Thread.sleep(1000); // polls go on; the paused partition must not move
            assertEquals(Map.of(0, 2L), committed("g-pause"), "never committed past the failure");
            service.stop();
            assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
            assertEquals(Map.of(0, 2L), committed("g-pause"));
        }
        assertEquals(List.of("a", "b"), stored(dir));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("partition=" + topic + "-0 PAUSED at offset 2 (no --dead-letter topic)"), text);
    }

    @Test
    void stopFinishesTheBatchInFlightAndCommitsIt(@TempDir Path dir) throws Exception {
        String topic = topic(1);
        started = new CountDownLatch(1);
        release = new CountDownLatch(1);
        try (Engine engine = engine(dir)) {
            produce(topic, List.of("x", "y", "z"));
            FlowService service = FlowService.start(engine, settings(topic, "g-stop", 1, null), System.err);
            assertTrue(started.await(30, TimeUnit.SECONDS), "the batch started");
            service.stop(); // as SIGTERM does, while the run is in flight
            Thread.sleep(300);
            assertTrue(service.isRunning(), "the batch in flight is not abandoned");
            release.countDown();
            assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
        } finally {
            started = null;
        }
        assertEquals(List.of("x", "y", "z"), stored(dir));
        assertEquals(Map.of(0, 3L), committed("g-stop"));
        List<?> meta = (List<?>) lastRecords;
        assertEquals(List.of(0L, 1L, 2L), meta.stream().map(m -> ((Map<?, ?>) m).get("offset")).toList(), "each row's record, in row order");
        assertEquals(Map.of(), ((Map<?, ?>) meta.get(0)).get("headers"));
    }

    @Test
    void anUndecodableJsonRecordGoesToTheDeadLetterAndTheRestOfItsBatchRuns(@TempDir Path dir) throws Exception {
        String topic = topic(1);
        String dead = topic + "-dead";
        topicNamed(dead);
        produce(topic, List.of("{\"n\":1}", "{not json", "{\"n\":2}"));
        try (Engine engine = engine(dir)) {
            FlowService service = FlowService.start(engine, new ServeSettings("Ingest", kafka.bootstrapServers(), topic, "g-json", 1, 50,
                    Duration.ofMillis(100), true, dead), System.err);
            await(quietly(() -> committed("g-json").equals(Map.of(0, 3L))), "the batch committed");
            service.stop();
            assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
        }
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), stored(dir), "parsed rows, stored as JSON");
        List<ConsumerRecord<String, String>> letters = readAll(dead);
        assertEquals(List.of("{not json"), letters.stream().map(ConsumerRecord::value).toList());
        assertTrue(header(letters.get(0), DeadLetter.ERROR).startsWith("not a JSON value"), header(letters.get(0), DeadLetter.ERROR));
        assertEquals(topic + "-0@1", header(letters.get(0), DeadLetter.SOURCE));
    }

    private static void topicNamed(String name) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    private static String header(ConsumerRecord<String, String> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = List.of(new TopicPartition(topic, 0));
            c.assign(parts);
            c.seekToBeginning(parts);
            long end = c.endOffsets(parts).get(parts.get(0));
            while (c.position(parts.get(0)) < end) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
