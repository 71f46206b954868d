package io.kisflow.connect;

import io.kisflow.engine.FlowException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code type: kafka} against a real KRaft broker running in this JVM ({@link KafkaTestBroker}). Rows are checked with a bare consumer.
 */
class KafkaConnectorTest {
    private static KafkaTestBroker kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = KafkaTestBroker.shared();
    }

    private static List<String> consumeAll(String topic) {
        return kafka.readAll(topic).stream().map(ConsumerRecord::value).toList();
    }

    @Test
    void saveProducesEachRowAndLoadReadsTheTopicFromStartToEnd(@TempDir Path tmp) throws Exception {
        kafka.createTopic("scores", 2);
        try (StoreProject p = StoreProject.write(tmp, "kafka", kafka.bootstrap(), "scores", Map.of())) {
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
        try (StoreProject p = StoreProject.write(tmp, "kafka", kafka.bootstrap(), "never-written", Map.of())) {
            // the connector opens its producer first; the Load must not create the topic
            FlowException e = assertThrows(FlowException.class, p::load);
            assertTrue(e.getMessage().contains("connector Store (kafka at " + kafka.bootstrap() + "): topic never-written does not exist"),
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
}
