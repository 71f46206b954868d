package io.kisflow.connect;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One real KRaft broker (Kafka's test kit: a combined controller and broker on loopback) for every
 * test class of this JVM that needs Kafka: started at the first use (about 10 s), stopped when the
 * JVM ends. Classes share it with names of their own (topics, groups), so the suite pays the
 * start once. Settings a single-broker cluster needs: replication factor 1 for the internal topics
 * (or consumers hang finding their coordinator) and no initial rebalance delay.
 *
 * <pre>{@code KafkaTestBroker kafka = KafkaTestBroker.shared(); kafka.createTopic("in", 6);}</pre>
 */
public final class KafkaTestBroker implements AutoCloseable {
    private static KafkaTestBroker shared;

    private final KafkaClusterTestKit kit;
    /** Kept from the start: a stopped broker has no bound port to ask, and it comes back on this one. */
    private final String bootstrap;
    private final int port;

    private KafkaTestBroker(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.bootstrap = kit.bootstrapServers();
        this.port = broker().boundPort(kit.nodes().brokerListenerName());
    }

    /** The broker of this JVM, started at the first call. */
    public static synchronized KafkaTestBroker shared() throws Exception {
        if (shared == null) {
            KafkaClusterTestKit kit = started();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    kit.close();
                } catch (Exception e) {
                    // the JVM is ending; its temporary directories go with it
                }
            }, "kafka-test-broker-stop"));
            shared = new KafkaTestBroker(kit);
        }
        return shared;
    }

    /**
     * A broker of the caller's own, for a test that stops and starts it ({@link #stopBroker()}):
     * the shared one serves the other classes of the JVM. The caller closes it.
     */
    public static KafkaTestBroker startOwn() throws Exception {
        return new KafkaTestBroker(started());
    }

    private static KafkaClusterTestKit started() throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("num.partitions", "1")
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        }
        return kit;
    }

    private BrokerServer broker() {
        return kit.brokers().values().iterator().next();
    }

    /** The port clients connect to; the same after {@link #startBroker()}. */
    public int port() {
        return port;
    }

    /**
     * Shuts the broker down as a restart does: its client port is closed, its logs are flushed and
     * closed, the group coordinator with it; the log directories (records, committed offsets) are
     * kept. The KRaft controller of the combined node stays up, as Kafka's own tests do it
     * ({@code ClusterInstance.shutdownBroker}); clients see what they see of any broker restart.
     */
    public void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    /** Starts the broker again on the same port with the same log directories; returns once it serves. */
    public void startBroker() throws Exception {
        broker().startup();
        kit.waitForReadyBrokers();
    }

    /** Stops a broker of {@link #startOwn()} and deletes its directories; the shared one is left to the JVM's end. */
    @Override
    public void close() throws Exception {
        if (this != shared) {
            kit.close();
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            // the call returns before every partition has its leader; a producer that sends in that
            // gap can wedge a partition's batches until they expire (seen: 105 records of in-3-0, 120 s)
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (true) {
                var d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                if (d.partitions().size() == partitions && d.partitions().stream().allMatch(pi -> pi.leader() != null && !pi.leader().isEmpty())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + name + " has partitions without a leader after 30 s: " + d);
                }
                Thread.sleep(50);
            }
        }
    }

    public KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "5",
                // tests check every send; the idempotent producer's sequence state can hold a partition's
                // batches back after a leader change on this one-broker cluster until they expire
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false"));
    }

    /** A group's committed offsets, partition number to next offset. */
    public Map<Integer, Long> committed(String group) throws Exception {
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

    /** Every record of a topic, from the beginning to the end as it is now. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
