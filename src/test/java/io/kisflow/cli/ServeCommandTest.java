package io.kisflow.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve} as a command: its usage errors in process, and in a child JVM against a real KRaft
 * broker, the whole life of a service: records saved by a {@code type: file} connector, then a real
 * SIGTERM, exit status 0, offsets committed to the end.
 */
class ServeCommandTest {
    @Test
    void badNumbersAndUnknownFlowsAreClearErrors() {
        CliRunner zero = CliRunner.run("serve", "--conf", "conf-samples", "--flow", "StuScore", "--kafka", "127.0.0.1:1",
                "--topic", "t", "--group", "g", "--threads", "0");
        assertEquals(2, zero.exit());
        assertEquals("error: --threads needs a positive whole number, not '0' (see 'help')\n", zero.err());
        CliRunner missing = CliRunner.run("serve", "--conf", "conf-samples", "--flow", "StuScore", "--kafka", "127.0.0.1:1", "--topic", "t");
        assertEquals("error: 'serve' needs --group (see 'help')\n", missing.err());
        CliRunner unknown = CliRunner.run("serve", "--conf", "conf-samples", "--flow", "Nope", "--kafka", "127.0.0.1:1",
                "--topic", "t", "--group", "g");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("error: no flow named 'Nope' in conf-samples; flows there: "), unknown.err());
    }

    @Test
    void sigtermFinishesCommitsAndExitsZero(@TempDir Path dir) throws Exception {
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            Path conf = dir.resolve("conf");
            Path store = dir.resolve("store");
            Files.createDirectories(conf);
            Files.createDirectories(store);
            Files.writeString(conf.resolve("conn-Store.yml"), "kistype: conn\ncname: Store\naddrs: '" + store + "'\ntype: file\nkey: rows.jsonl\n");
            Files.writeString(conf.resolve("func-Save.yml"), "kistype: func\nfname: Save\nfmode: Save\nsource:\n  name: rows\noption:\n  cname: Store\n");
            Files.writeString(conf.resolve("flow-Ingest.yml"), "kistype: flow\nstatus: 1\nflow_name: Ingest\nflows:\n  - fname: Save\n");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("events", 2, (short) 1))).all().get();
                try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                    for (int i = 0; i < 20; i++) {
                        p.send(new ProducerRecord<>("events", i % 2, null, "{\"n\":" + i + "}")).get();
                    }
                }
                Path err = dir.resolve("err");
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), "io.kisflow.Launcher", "serve", "--conf", conf.toString(),
                        "--flow", "Ingest", "--kafka", kafka.bootstrapServers(), "--topic", "events", "--group", "svc",
                        "--threads", "2", "--json", "--batch-wait", "100"));
                Process child = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(dir.resolve("out").toFile()).start();
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
                    while (committed(admin) < 20) {
                        assertTrue(System.nanoTime() < deadline && child.isAlive(), "not all 20 committed: " + Files.readString(err));
                        Thread.sleep(200);
                    }
                    child.destroy(); // SIGTERM
                    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the service ended after SIGTERM");
                } finally {
                    child.destroyForcibly();
                }
                String log = Files.readString(err, StandardCharsets.UTF_8);
                assertEquals(0, child.exitValue(), log);
                assertTrue(log.contains("serve: stopped; every finished batch is committed"), log);
                assertTrue(log.contains("serve: flow=Ingest partition=events-"), log);
                assertEquals(20, committed(admin));
            }
            List<String> rows = Files.readAllLines(store.resolve("rows.jsonl"));
            assertEquals(20, rows.size(), rows.toString());
            for (int i = 0; i < 20; i++) {
                assertTrue(rows.contains("{\"n\":" + i + "}"), rows.toString());
            }
        }
    }

    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets("svc").partitionsToOffsetAndMetadata().get();
        return m.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }
}
