package io.kisflow.serve;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.LoadResult;
import io.kisflow.connect.KafkaTestBroker;
import io.kisflow.engine.Engine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FlowService} against a real KRaft broker in this JVM (Kafka's test kit). The flow is
 * Check (test code: fails on a row "poison", waits on a latch when asked) then Save into a
 * {@code type: file} connector, so the file holds exactly the rows that were processed (a string row is stored as it is).
 */
class FlowServiceTest {
    private static KafkaTestBroker kafka;
    private static int topics;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = KafkaTestBroker.shared();
    }

    /** Set by a test to hold the Check function at its first call until released. */
    private static volatile CountDownLatch started;
    private static volatile CountDownLatch release;
    /** Set by a test: the Check function fails this many more times as if a server were down. */
    private static final AtomicInteger downFor = new AtomicInteger();
    /** The kafka.records metadata the Check function saw at its last call. */
    private static volatile Object lastRecords;

    private Engine engine(Path dir) throws Exception {
        return engine(dir, false);
    }

    private Engine engine(Path dir, boolean metrics) throws Exception {
        return Engine.builder().configs(IngestProject.write(dir)).metrics(metrics).plugin(pool -> pool.faas("Check", flow -> {
            lastRecords = flow.getMetaData("kafka.records");
            CountDownLatch s = started;
            if (s != null && s.getCount() > 0) {
                s.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            if (downFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new java.net.ConnectException("Connection refused (the sink is down)");
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
        kafka.createTopic(name, partitions);
        return name;
    }

    private static void produce(String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> p = kafka.producer()) {
            for (String v : values) {
                p.send(new ProducerRecord<>(topic, 0, null, v)).get();
            }
        }
    }

    private static Map<Integer, Long> committed(String group) throws Exception {
        return kafka.committed(group);
    }

    /** Where each serve thread is: a stall names its place. */
    private static String serveThreads() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("serve-")) {
                b.append("\n").append(t.getName()).append(" ").append(t.getState());
                for (int i = 0; i < Math.min(25, stack.length); i++) {
                    b.append("\n    at ").append(stack[i]);
                }
            }
        });
        return b.toString();
    }

    private static List<String> stored(Path dir) throws Exception {
        Path f = dir.resolve("store/rows.jsonl");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
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
        return new ServeSettings("Ingest", kafka.bootstrap(), topic, group, threads, 50, Duration.ofMillis(100), false, deadLetter);
    }

    @Test
    void everyRecordIsSavedOnceAndTheOffsetsAreCommitted(@TempDir Path dir) throws Exception {
        String topic = topic(3);
        List<String> values = new ArrayList<>();
        try (KafkaProducer<String, String> p = kafka.producer()) {
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
        assertTrue(text.matches("(?s).*level=info event=batch flow=Ingest topic=" + topic + " partition=\\d offsets=\\d+\\.\\.\\d+ rows=\\d+ ms=\\d+ outcome=ok\n.*"), text);
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
        assertTrue(text.contains("level=error event=paused flow=Ingest topic=" + topic + " partition=0 offset=2 reason=\"no dead-letter topic\""), text);
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

    /**
     * The consumer polls the next records while a batch runs (one poll ahead: a serve thread that
     * polled only between runs reached a quarter of a bare poll loop, docs/PERFORMANCE.md, Serve), and
     * nothing is committed past a batch whose run has not ended. One record per poll: the first
     * batch's run is held; meanwhile the second record is polled (the lag says 1 of the 3 records is
     * left), not run, not committed.
     */
    @Test
    void theNextRecordsArePolledWhileABatchRunsAndCommittedOnlyAfterTheirRun(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ConsumerLoop.overlap(1), "one serve thread polls ahead only with a core for each side");
        String topic = topic(1);
        produce(topic, List.of("x", "y", "z"));
        started = new CountDownLatch(1);
        release = new CountDownLatch(1);
        ServeMetrics metrics = new ServeMetrics(new io.prometheus.metrics.model.registry.PrometheusRegistry());
        String lag = "kisflow_serve_partition_lag{flow_name=\"Ingest\",partition=\"0\",topic=\"" + topic + "\"} ";
        try (Engine engine = engine(dir)) {
            FlowService service = FlowService.start(engine, new ServeSettings("Ingest", kafka.bootstrap(), topic, "g-ahead", 1, 1,
                    Duration.ofMillis(100), false, null), new ServeLog(System.err), metrics);
            try {
                assertTrue(started.await(30, TimeUnit.SECONDS), "the first batch started");
                await(quietly(() -> scrape(metrics).contains(lag + "1.0")), "the second record polled while the first batch runs" + serveThreads());
                assertEquals(List.of(), stored(dir), "the held run has saved nothing");
                assertEquals(Map.of(), committed("g-ahead"), "nothing committed before the first run ends");
            } finally {
                release.countDown();
            }
            await(quietly(() -> committed("g-ahead").equals(Map.of(0, 3L))), "all three committed after their runs");
            service.stop();
            assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
        } finally {
            started = null;
        }
        assertEquals(List.of("x", "y", "z"), stored(dir), "each record run once, in order");
    }

    @Test
    void anUndecodableJsonRecordGoesToTheDeadLetterAndTheRestOfItsBatchRuns(@TempDir Path dir) throws Exception {
        String topic = topic(1);
        String dead = topic + "-dead";
        topicNamed(dead);
        produce(topic, List.of("{\"n\":1}", "{not json", "{\"n\":2}"));
        try (Engine engine = engine(dir)) {
            FlowService service = FlowService.start(engine, new ServeSettings("Ingest", kafka.bootstrap(), topic, "g-json", 1, 50,
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

    @Test
    void threeThreadsOverSixPartitionsSaveTenThousandRecordsExactlyOnceAndCommitTheEnds(@TempDir Path dir) throws Exception {
        String topic = topic(6);
        List<String> values = new ArrayList<>();
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, String> p = kafka.producer()) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                values.add("r" + i);
                sent.add(p.send(new ProducerRecord<>(topic, i % 6, null, "r" + i)));
            }
            p.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(); // a record the broker refused fails here, not as a stall of the service
            }
        }
        System.out.println("FlowServiceTest: 10,000 records produced in " + (System.nanoTime() - produceStart) / 1_000_000 + " ms");
        ServeMetrics metrics = new ServeMetrics(new io.prometheus.metrics.model.registry.PrometheusRegistry());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<Integer, Long> ends = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            ends.put(i, 10_000L / 6 + (i < 10_000 % 6 ? 1 : 0));
        }
        try (Engine engine = engine(dir)) {
            FlowService service = FlowService.start(engine, new ServeSettings("Ingest", kafka.bootstrap(), topic, "g-10k", 3, 500,
                    Duration.ofMillis(100), false, null), new ServeLog(new PrintStream(log, true, StandardCharsets.UTF_8)), metrics);
            long t0 = System.nanoTime();
            try {
                await(quietly(() -> committed("g-10k").equals(ends)), "every partition committed to its end " + ends);
            } catch (AssertionError e) {
                String text = log.toString(StandardCharsets.UTF_8);
                throw new AssertionError(e.getMessage() + "; committed " + committed("g-10k") + "; log ends: " + text.substring(Math.max(0, text.length() - 4000))
                        + "; serve threads: " + serveThreads(), e);
            }
            System.out.println("FlowServiceTest: 10,000 records committed " + (System.nanoTime() - t0) / 1_000_000 + " ms after the start");
            assertEquals(6, service.assignedPartitions().size(), "the 3 threads hold the 6 partitions between them");
            service.stop();
            assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
        }
        List<String> rows = stored(dir);
        assertEquals(10_000, rows.size(), "no duplicate, none lost");
        assertEquals(values.stream().sorted().toList(), rows.stream().sorted().toList());
        assertEquals(ends, committed("g-10k"));
        String text = scrape(metrics);
        assertTrue(text.contains("kisflow_serve_records_total{flow_name=\"Ingest\",outcome=\"ok\"} 10000.0"), text);
        assertTrue(text.contains("kisflow_serve_batch_duration_count{flow_name=\"Ingest\"}"), text);
    }

    @Test
    void aSinkThatIsDownIsRetriedWithBackoffThenTheBatchGoesOn(@TempDir Path dir) throws Exception {
        String topic = topic(1);
        produce(topic, List.of("a", "b"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        downFor.set(2);
        try (Engine engine = engine(dir)) {
            FlowService service = FlowService.start(engine, settings(topic, "g-down", 1, null), new PrintStream(log, true, StandardCharsets.UTF_8));
            await(quietly(() -> committed("g-down").equals(Map.of(0, 2L))), "the batch committed once the sink is back");
            service.stop();
            assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
        } finally {
            downFor.set(0);
        }
        assertEquals(List.of("a", "b"), stored(dir), "saved once, after the retries");
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("event=retry flow=Ingest topic=" + topic + " partition=0 offsets=0..1 attempt=1/5 in_ms=500 function=Check"), text);
        assertTrue(text.contains("attempt=2/5 in_ms=1000"), text);
        assertTrue(!text.contains("event=paused"), text);
    }

    @Test
    void httpSaysHealthReadinessWithPartitionsAndServesGoAndServeMetrics(@TempDir Path dir) throws Exception {
        String topic = topic(2);
        produce(topic, List.of("a", "b", "c"));
        HttpClient client = HttpClient.newHttpClient();
        try (Engine engine = engine(dir, true)) {
            ServeMetrics metrics = new ServeMetrics(engine.metricsRegistry().orElseThrow());
            FlowService service = FlowService.start(engine, settings(topic, "g-http", 1, null), new ServeLog(System.err), metrics);
            try (ServeHttp http = ServeHttp.start("127.0.0.1:0", List.of(service), metrics)) {
                String base = "http://127.0.0.1:" + http.address().getPort();
                assertEquals(200, get(client, base + "/health").statusCode());
                await(quietly(() -> get(client, base + "/ready").statusCode() == 200), "ready once the group is joined");
                assertEquals("{\"ready\":true,\"flows\":[{\"flow\":\"Ingest\",\"topic\":\"" + topic + "\",\"group\":\"g-http\",\"ready\":true,"
                        + "\"assigned\":[0,1],\"paused\":[],\"failures\":[],\"brokers\":\"reachable\"}]}\n", get(client, base + "/ready").body());
                await(quietly(() -> committed("g-http").equals(Map.of(0, 3L))), "the records processed");
                await(quietly(() -> get(client, base + "/metrics").body().contains("kisflow_serve_partition_lag{flow_name=\"Ingest\",partition=\"0\",topic=\"" + topic + "\"} 0.0")),
                        "lag 0 once the partition is consumed");
                String text = get(client, base + "/metrics").body();
                assertTrue(text.contains("flow_run_duration_count{flow_name=\"Ingest\"}"), "Go's metrics beside the service's: " + text);
                assertTrue(text.contains("kisflow_data_total 3.0"), text);
                assertTrue(text.contains("kisflow_serve_batch_duration_bucket{flow_name=\"Ingest\",le=\"+Inf\"}"), text);
                service.stop();
                assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
                assertEquals(503, get(client, base + "/health").statusCode(), "no consumer runs any more");
                assertEquals(503, get(client, base + "/ready").statusCode());
                assertEquals(404, get(client, base + "/nope").statusCode());
            }
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scrape(ServeMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter(false).write(out, metrics.registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void topicNamed(String name) throws Exception {
        kafka.createTopic(name, 1);
    }

    private static String header(ConsumerRecord<String, String> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        return kafka.readAll(topic);
    }
}
