package io.kisflow.cli;

import io.kisflow.connect.KafkaTestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve} as a command: its usage and deployment-file errors in process, and in a child JVM
 * against a real KRaft broker, a SIGTERM while records keep coming: exit status 0, and the
 * committed offsets are exactly the end of what was saved.
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
    void deploymentFileErrorsNameFileAndLineAndOneInsideTheConfigDirectoryIsRefused(@TempDir Path dir) throws Exception {
        ServedProject p = ServedProject.write(dir);
        Path inside = p.conf.resolve("serve.yml");
        Files.writeString(inside, "flows:\n  - flow: Ingest\n    kafka: 127.0.0.1:1\n    topic: t\n    group: g\n");
        CliRunner refused = CliRunner.run("serve", "--deploy", inside.toString(), "--conf", p.conf.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("error: " + inside + ": a deployment file must not be inside the KisFlow config directory"), refused.err());
        Files.delete(inside); // as the message says: Go's loader (and ours) would read it as a config file

        Path typo = dir.resolve("serve.yml");
        Files.writeString(typo, "conf: conf\nflows:\n  - flow: Ingest\n    kafka: 127.0.0.1:1\n    topic: t\n    group: g\n    treads: 2\n");
        CliRunner bad = CliRunner.run("serve", "--deploy", typo.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("error: " + typo + ":7: unknown key 'treads' in a flow of 'flows'; known keys: "), bad.err());

        CliRunner both = CliRunner.run("serve", "--deploy", typo.toString(), "--flow", "Ingest");
        assertEquals(2, both.exit());
        assertEquals("error: --flow belongs in the deployment file when --deploy is given (each flow there has its own) (see 'help')\n", both.err());

        Files.writeString(typo, "conf: conf\nflows:\n  - flow: Nope\n    kafka: 127.0.0.1:1\n    topic: t\n    group: g\n");
        CliRunner noFlow = CliRunner.run("serve", "--deploy", typo.toString());
        assertTrue(noFlow.err().startsWith("error: no flow named 'Nope' in " + p.conf + "; flows there: Ingest"), noFlow.err());
    }

    @Test
    void sigtermWhileRecordsKeepComingExitsZeroWithCommittedOffsetsAtTheEndOfWhatWasSaved(@TempDir Path dir) throws Exception {
        KafkaTestBroker kafka = KafkaTestBroker.shared();
        kafka.createTopic("events", 2);
        ServedProject p = ServedProject.write(dir);
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> {
            try (KafkaProducer<String, String> out = kafka.producer()) {
                for (int n = 0; producing.get(); n++) {
                    for (int part = 0; part < 2; part++) {
                        out.send(new ProducerRecord<>("events", part, null, part + "-" + n));
                    }
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "events-producer");
        producer.start();
        try {
            p.start("--conf", p.conf.toString(), "--flow", "Ingest", "--kafka", kafka.bootstrap(), "--topic", "events", "--group", "svc",
                    "--threads", "2", "--batch-wait", "100", "--batch-size", "50");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (committedTotal(kafka, "svc") < 200) {
                assertTrue(System.nanoTime() < deadline && p.process().isAlive(), "not 200 committed: " + p.log());
                Thread.sleep(100);
            }
            p.process().destroy(); // SIGTERM, while records keep coming
            assertTrue(p.process().waitFor(30, TimeUnit.SECONDS), "the service ended after SIGTERM");
        } finally {
            producing.set(false);
            producer.join();
            p.kill();
        }
        String log = p.log();
        assertEquals(0, p.process().exitValue(), log);
        assertTrue(log.contains("level=info event=stopped note=\"every finished batch is committed\""), log);
        assertTrue(log.contains("level=info event=batch flow=Ingest topic=events partition="), log);
        Map<Integer, Long> committed = kafka.committed("svc");
        Map<Integer, List<Integer>> saved = p.savedByPartition();
        for (int part = 0; part < 2; part++) {
            long end = committed.getOrDefault(part, 0L);
            assertEquals(IntStream.range(0, (int) end).boxed().toList(), saved.getOrDefault(part, List.of()),
                    "partition " + part + ": saved exactly the offsets below the committed " + end + ", once each, in order");
        }
    }

    private static long committedTotal(KafkaTestBroker kafka, String group) throws Exception {
        return kafka.committed(group).values().stream().mapToLong(Long::longValue).sum();
    }
}
