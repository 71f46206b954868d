package io.kisflow.connect;

import io.kisflow.engine.FlowException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code type: kafka} against a real KRaft broker running in this JVM (Kafka's own test kit: one
 * combined controller and broker on loopback). Rows are checked with a bare consumer.
 */
class KafkaConnectorTest {
    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("num.partitions", "1")
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

    private static List<String> consumeAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }

    @Test
    void saveProducesEachRowAndLoadReadsTheTopicFromStartToEnd(@TempDir Path tmp) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("scores", 2, (short) 1))).all().get();
        }
        try (StoreProject p = StoreProject.write(tmp, "kafka", kafka.bootstrapServers(), "scores", Map.of())) {
            List<Object> rows = List.of(Map.of("stu_id", 101), "plain", 7);
            assertEquals(rows, p.save(rows));
            List<String> stored = consumeAll("scores");
            assertEquals(List.of("{\"stu_id\":101}", "plain", "7").stream().sorted().toList(), stored.stream().sorted().toList(),
                    "strings as they are, other rows as compact JSON");
            List<Object> loaded = new ArrayList<>(p.load());
            assertEquals(3, loaded.size());
            assertTrue(loaded.containsAll(rows), loaded.toString());
            assertEquals(Map.of("Save", "built-in · produce to scores", "Load", "built-in · read scores"), p.engine.builtInFunctions());

            // a row produced after the first Load is read by the next one: the end is taken at the time of the call
            @SuppressWarnings("unchecked")
            Producer<String, String> producer = p.engine.flow("SaveRows").functions().get(0).getConnector().client(Producer.class);
            producer.send(new ProducerRecord<>("scores", "late")).get();
            assertTrue(p.load().contains("late"));
        }
    }

    @Test
    void loadOfATopicThatDoesNotExistSaysSo(@TempDir Path tmp) throws Exception {
        try (StoreProject p = StoreProject.write(tmp, "kafka", kafka.bootstrapServers(), "never-written", Map.of())) {
            // the connector opens its producer first; the Load must not create the topic
            FlowException e = assertThrows(FlowException.class, p::load);
            assertTrue(e.getMessage().contains("connector Store (kafka at " + kafka.bootstrapServers() + "): topic never-written does not exist"),
                    e.getMessage());
        }
    }

    @Test
    void anUnreachableBrokerFailsWithinTheConnectTimeout(@TempDir Path tmp) throws Exception {
        String nobody = "127.0.0.1:" + Ports.free();
        try (StoreProject p = StoreProject.write(tmp, "kafka", nobody, "scores", Map.of("connect_timeout", "2s"))) {
            FlowException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(FlowException.class, () -> p.save(List.of("x"))),
                    "a connector that cannot connect must fail, never hang");
            assertTrue(e.getMessage().contains("connector Store (kafka at " + nobody + "): cannot reach a broker"), e.getMessage());
        }
    }

    static Producer<String, String> bareProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
