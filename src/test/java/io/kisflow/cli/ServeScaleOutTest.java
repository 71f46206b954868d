package io.kisflow.cli;

import io.kisflow.connect.KafkaTestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out by Kafka's group coordinator, with real processes: two {@code serve --deploy} JVMs in
 * one group share a 6-partition topic; one is killed with SIGKILL in the middle of the stream, a
 * third joins and the second half of the records is produced. Every record reaches a sink at least once; the duplicates
 * (batches the killed process saved but had not committed, or whose commit a rebalance refused)
 * are counted and bounded by the batches in flight; at the end the group's offsets are the ends of
 * the partitions and SIGTERM ends the survivors with status 0.
 */
class ServeScaleOutTest {
    private static final int PARTITIONS = 6;
    private static final int PER_PARTITION = 1000;
    private static final int THREADS = 2;
    private static final int BATCH = 100;

    @Test
    void killNineOfOneProcessAndAThirdJoiningLoseNothingAndDuplicateAtMostTheBatchesInFlight(@TempDir Path dir) throws Exception {
        KafkaTestBroker kafka = KafkaTestBroker.shared();
        kafka.createTopic("orders", PARTITIONS);
        // one deployment file for the three processes (each --conf has its own sink file); a short
        // session timeout so the group notices the killed process within seconds, not Kafka's default 45
        Path deploy = dir.resolve("serve.yml");
        Files.writeString(deploy, "flows:\n  - flow: Ingest\n    kafka: " + kafka.bootstrap() + "\n    topic: orders\n    group: scale\n"
                + "    threads: " + THREADS + "\n    batch-size: " + BATCH + "\n    batch-wait: 100\n"
                + "    properties: {session.timeout.ms: \"6000\", heartbeat.interval.ms: \"1000\"}\n");
        List<ServedProject> processes = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            processes.add(ServedProject.write(dir.resolve(name)));
        }
        ServedProject a = processes.get(0);
        ServedProject b = processes.get(1);
        ServedProject c = processes.get(2);
        try {
            a.start("--deploy", deploy.toString(), "--conf", a.conf.toString());
            b.start("--deploy", deploy.toString(), "--conf", b.conf.toString());
            await(() -> joined(a) && joined(b), "both processes in the group", a, b);
            produce(kafka, 0, PER_PARTITION / 2);
            await(() -> a.saved().size() >= 300, "the first process saving", a, b);
            a.process().destroyForcibly(); // SIGKILL mid-stream: no commit, no goodbye to the group
            assertTrue(a.process().waitFor(10, TimeUnit.SECONDS));
            c.start("--deploy", deploy.toString(), "--conf", c.conf.toString());
            await(() -> joined(c), "the third process in the group", b, c);
            produce(kafka, PER_PARTITION / 2, PER_PARTITION);
            Map<Integer, Long> ends = new HashMap<>();
            for (int part = 0; part < PARTITIONS; part++) {
                ends.put(part, (long) PER_PARTITION);
            }
            await(() -> kafka.committed("scale").equals(ends), "every partition committed to its end", b, c);
            b.process().destroy();
            c.process().destroy();
            assertTrue(b.process().waitFor(30, TimeUnit.SECONDS) && c.process().waitFor(30, TimeUnit.SECONDS), "SIGTERM ends both");
            assertEquals(0, b.process().exitValue(), b.log());
            assertEquals(0, c.process().exitValue(), c.log());
            assertEquals(ends, kafka.committed("scale"));
        } finally {
            processes.forEach(ServedProject::kill);
        }
        List<String> all = new ArrayList<>();
        for (ServedProject p : processes) {
            all.addAll(p.saved());
        }
        Set<String> distinct = new HashSet<>(all);
        assertEquals(PARTITIONS * PER_PARTITION, distinct.size(), "every record at least once");
        int duplicates = all.size() - distinct.size();
        // at most one batch per thread of each process is saved-but-uncommitted when it dies or loses its partitions
        int inFlight = processes.size() * THREADS * BATCH;
        System.out.println("ServeScaleOutTest: " + all.size() + " rows saved for " + distinct.size() + " records: " + duplicates
                + " duplicates (bound " + inFlight + "); by process a=" + a.saved().size() + " b=" + b.saved().size() + " c=" + c.saved().size());
        assertTrue(duplicates <= inFlight, duplicates + " duplicates, more than the " + inFlight + " records of the batches in flight");
        assertTrue(c.saved().size() > 0 && b.saved().size() > 0, "the partitions moved to the survivors");
    }

    /** Both consumer threads of the process have had partitions assigned. */
    private static boolean joined(ServedProject p) throws Exception {
        String log = p.log();
        return log.contains("event=assigned") && log.contains("thread=serve-Ingest-0") && log.contains("thread=serve-Ingest-1");
    }

    /** Records "P-N" at offset N of partition P, for N in [from, to), at about 2,000 a second. */
    private static void produce(KafkaTestBroker kafka, int from, int to) throws Exception {
        try (KafkaProducer<String, String> out = kafka.producer()) {
            for (int n = from; n < to; n++) {
                for (int part = 0; part < PARTITIONS; part++) {
                    out.send(new ProducerRecord<>("orders", part, null, part + "-" + n));
                }
                if (n % 10 == 9) {
                    Thread.sleep(30);
                }
            }
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, String what, ServedProject... watched) throws Exception {
        long start = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.ok()) {
            for (ServedProject p : watched) {
                assertTrue(p.process().isAlive(), "a serve process ended while waiting for " + what + ": " + p.log());
            }
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (ServedProject p : watched) {
                    logs.append("\n--- ").append(p.conf).append(":\n").append(p.log());
                }
                throw new AssertionError("not within 60 s: " + what + logs);
            }
            Thread.sleep(100);
        }
        System.out.println("ServeScaleOutTest: " + what + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
