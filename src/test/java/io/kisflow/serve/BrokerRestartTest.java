package io.kisflow.serve;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.LoadResult;
import io.kisflow.connect.KafkaTestBroker;
import io.kisflow.engine.Engine;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker that restarts in the middle of the stream, with a real KRaft broker of this class's own
 * (Kafka's test kit; the shared one serves other classes): the broker is shut down (its port
 * closed), kept down longer than the consumers' session and request timeouts, and started again on
 * the same port with the same log directory. The service keeps running, says so in its log and on
 * {@code /ready}, loses no record, repeats at most the batches in flight ({@code commit-interval 0}),
 * and ends with the group's offsets at the ends of the partitions.
 */
class BrokerRestartTest {
    private static final int PARTITIONS = 4;
    private static final int THREADS = 2;
    private static final int BATCH = 50;
    private static final int RECORDS = 6000;
    /** Longer than the session (6 s) and request (3 s) timeouts set below. */
    private static final Duration DOWN = Duration.ofSeconds(8);
    /** Short client timeouts, as an operator sets them in {@code properties} to notice a failure in seconds. */
    private static final Map<String, String> CLIENT = Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000", "request.timeout.ms", "3000");

    private static KafkaTestBroker kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = KafkaTestBroker.startOwn();
    }

    @AfterAll
    static void closeBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aBrokerRestartMidStreamStopsNothingLosesNothingAndIsReported(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newHttpClient();
        try (Engine engine = engine(dir, 20)) {
            kafka.createTopic("orders", PARTITIONS);
            ServeMetrics metrics = new ServeMetrics(new io.prometheus.metrics.model.registry.PrometheusRegistry());
            ServeSettings settings = new ServeSettings("Ingest", kafka.bootstrap(), "orders", "restart", THREADS, BATCH, Duration.ofMillis(100),
                    false, null, CLIENT, Duration.ZERO);
            FlowService service = FlowService.start(engine, settings, new ServeLog(logStream), metrics);
            try (ServeHttp http = ServeHttp.start("127.0.0.1:0", List.of(service), metrics)) {
                String base = "http://127.0.0.1:" + http.address().getPort();
                await(() -> get(client, base + "/ready").statusCode() == 200, "ready before the records", logBytes);
                produce("orders", 0, RECORDS / 2);
                await(() -> stored(dir).size() >= 300, "records reaching the sink", logBytes);

                kafka.stopBroker();
                brokerDown = true;
                int savedAtStop = stored(dir).size();
                assertThrows(ConnectException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", kafka.port()), 1000);
                    }
                }, "the broker's port is closed");
                List<Integer> readyWhileDown = new ArrayList<>();
                List<Integer> healthWhileDown = new ArrayList<>();
                String downBody = null;
                String downMetrics = null;
                long end = System.nanoTime() + DOWN.toNanos();
                while (System.nanoTime() < end) {
                    HttpResponse<String> ready = get(client, base + "/ready");
                    readyWhileDown.add(ready.statusCode());
                    if (ready.statusCode() == 503 && downBody == null) {
                        downBody = ready.body();
                        downMetrics = get(client, base + "/metrics").body();
                    }
                    healthWhileDown.add(get(client, base + "/health").statusCode());
                    Thread.sleep(250);
                }
                System.out.println("BrokerRestartTest: " + savedAtStop + " saved at the stop, " + stored(dir).size() + " after " + DOWN.toSeconds()
                        + " s down; /ready " + readyWhileDown + "; /health " + healthWhileDown + "; " + downBody);
                assertTrue(service.isRunning(), "the service runs through the outage");
                assertTrue(healthWhileDown.stream().allMatch(code -> code == 200), "live all along (a restart of the process would not help): " + healthWhileDown);
                assertTrue(downBody != null, "/ready says 503 while the broker is down: " + readyWhileDown);
                assertTrue(downBody.matches("\\{\"ready\":false,\"flows\":\\[\\{\"flow\":\"Ingest\".*\"brokers\":\"unreachable for \\d+ s: .+\"}]}\n"), downBody);
                assertTrue(downMetrics.matches("(?s).*\nkisflow_serve_broker_unreachable\\{flow_name=\"Ingest\"} [12]\\.0\n.*"), downMetrics);
                String said = logBytes.toString(StandardCharsets.UTF_8);
                assertTrue(said.matches("(?s).*level=warn event=broker_unreachable flow=Ingest thread=serve-Ingest-\\d brokers=" + kafka.bootstrap()
                        + " reason=\"[^\"]+\" action=\"the client reconnects by itself; batches run are committed once a broker answers; /ready is 503 until then\"\n.*"), said);

                kafka.startBroker();
                brokerDown = false;
                produce("orders", RECORDS / 2, RECORDS);
                Map<Integer, Long> ends = new HashMap<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    ends.put(p, (long) RECORDS / PARTITIONS);
                }
                await(() -> kafka.committed("restart").equals(ends), "every partition committed to its end " + ends, logBytes);
                await(() -> get(client, base + "/ready").statusCode() == 200, "ready again after the restart", logBytes);
                assertEquals(200, get(client, base + "/health").statusCode());
                assertTrue(service.isRunning() && service.isReady());
                assertEquals(PARTITIONS, service.assignedPartitions().size(), "every partition assigned again");

                String log = logBytes.toString(StandardCharsets.UTF_8);
                assertTrue(log.matches("(?s).*level=info event=broker_back flow=Ingest thread=serve-Ingest-\\d brokers=" + kafka.bootstrap()
                        + " unreachable_ms=\\d+\n.*"), log);
                assertTrue(get(client, base + "/metrics").body().contains("\nkisflow_serve_broker_unreachable{flow_name=\"Ingest\"} 0.0\n"));
                assertTrue(get(client, base + "/ready").body().contains("\"brokers\":\"reachable\""));
                List<String> rows = stored(dir);
                Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                for (int i = 0; i < RECORDS; i++) {
                    assertTrue(counts.containsKey("r" + i), "r" + i + " reached the sink");
                }
                assertEquals(RECORDS, counts.size(), "nothing but the records");
                int duplicates = rows.size() - RECORDS;
                System.out.println("BrokerRestartTest: " + duplicates + " duplicates; log:\n" + log.lines().filter(l -> !l.contains("event=batch "))
                        .collect(Collectors.joining("\n")));
                assertTrue(duplicates <= THREADS * BATCH, duplicates + " duplicates; at most one poll's batches per thread: " + THREADS * BATCH);
                service.stop();
                assertTrue(service.awaitStopped(Duration.ofSeconds(30)));
            } finally {
                service.stop();
                service.awaitStopped(Duration.ofSeconds(30));
            }
        } finally {
            startAgainIfDown();
        }
    }

    @Test
    void aStopWhileTheBrokerIsDownEndsInTimeAndTheNextStartRunsWhatWasNotCommitted(@TempDir Path dir) throws Exception {
        // two services through one outage: an idle one (nothing to commit: only its heartbeats can tell the
        // broker is gone) and a busy one whose finished batches wait for their commit (interval 30 s)
        ByteArrayOutputStream idleLog = new ByteArrayOutputStream();
        ByteArrayOutputStream busyLog = new ByteArrayOutputStream();
        kafka.createTopic("idle", PARTITIONS);
        kafka.createTopic("busy", PARTITIONS);
        int records = 2000;
        ByteArrayOutputStream lateLog = new ByteArrayOutputStream();
        FlowService late = null;
        try (Engine idleEngine = engine(dir.resolve("idle"), 0); Engine busyEngine = engine(dir.resolve("busy"), 20);
             Engine lateEngine = engine(dir.resolve("late"), 0)) {
            FlowService idle = FlowService.start(idleEngine, new ServeSettings("Ingest", kafka.bootstrap(), "idle", "idle", THREADS, BATCH,
                    Duration.ofMillis(100), false, null, CLIENT, Duration.ZERO), new PrintStream(idleLog, true, StandardCharsets.UTF_8));
            FlowService busy = FlowService.start(busyEngine, new ServeSettings("Ingest", kafka.bootstrap(), "busy", "busy", THREADS, 20,
                    Duration.ofMillis(100), false, null, CLIENT, Duration.ofSeconds(30)), new PrintStream(busyLog, true, StandardCharsets.UTF_8));
            try {
                await(() -> idle.isReady() && busy.isReady(), "both ready", busyLog);
                produce("busy", 0, records);
                await(() -> stored(dir.resolve("busy")).size() >= 300, "the busy service saving", busyLog);
                kafka.stopBroker();
                brokerDown = true;
                // and a third started while the broker is down: it never joins, and says why
                late = FlowService.start(lateEngine, new ServeSettings("Ingest", kafka.bootstrap(), "idle", "late", 1, BATCH,
                        Duration.ofMillis(100), false, null, CLIENT, Duration.ZERO), new PrintStream(lateLog, true, StandardCharsets.UTF_8));
                await(() -> !idle.isReady() && !busy.isReady(), "neither ready while the broker is down (the idle service's log below)", idleLog);
                FlowService started = late;
                await(() -> started.brokerProblem() != null, "the service started while the broker is down says it", lateLog);
                assertTrue(lateLog.toString(StandardCharsets.UTF_8).contains("level=warn event=broker_unreachable flow=Ingest thread=serve-Ingest-0"));
                String said = idleLog.toString(StandardCharsets.UTF_8);
                assertTrue(said.matches("(?s).*level=warn event=broker_unreachable flow=Ingest thread=serve-Ingest-\\d brokers=" + kafka.bootstrap()
                        + " reason=\"nothing heard from the group coordinator for \\d+ s \\(heartbeats, commits\\) and no answer within 2 s: [^\"]+\" action=.*"), said);
                assertTrue(idle.brokerProblem().startsWith("unreachable for "), idle.brokerProblem());
                long t0 = System.nanoTime();
                idle.stop(); // SIGTERM while the broker is down
                busy.stop();
                late.stop();
                // the exit promise is the batch time plus 10 s; a commit waited for Kafka's default.api.timeout.ms (60 s), twice
                assertTrue(idle.awaitStopped(Duration.ofSeconds(12)) && busy.awaitStopped(Duration.ofSeconds(12))
                        && late.awaitStopped(Duration.ofSeconds(12)), "stopped while the broker is down: "
                        + busyLog.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains("event=batch ")).collect(Collectors.joining("\n")));
                System.out.println("BrokerRestartTest: the three stopped " + (System.nanoTime() - t0) / 1_000_000 + " ms after the stop request, the broker down");
            } finally {
                for (FlowService s : java.util.Arrays.asList(idle, busy, late)) {
                    if (s != null) {
                        s.stop();
                        s.awaitStopped(Duration.ofSeconds(30));
                    }
                }
            }
        } finally {
            startAgainIfDown();
        }
        int savedBefore = stored(dir.resolve("busy")).size();
        long committedBefore = kafka.committed("busy").values().stream().mapToLong(Long::longValue).sum();
        String text = busyLog.toString(StandardCharsets.UTF_8);
        assertTrue(savedBefore == committedBefore || text.contains("level=warn event=commit_refused"), "what could not be committed is said: " + text);
        try (Engine again = engine(dir.resolve("busy"), 0)) {
            FlowService busy = FlowService.start(again, new ServeSettings("Ingest", kafka.bootstrap(), "busy", "busy", THREADS, 20,
                    Duration.ofMillis(100), false, null, CLIENT, Duration.ZERO), new PrintStream(busyLog, true, StandardCharsets.UTF_8));
            try {
                Map<Integer, Long> ends = new HashMap<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    ends.put(p, (long) records / PARTITIONS);
                }
                await(() -> kafka.committed("busy").equals(ends), "the next start commits every partition to its end", busyLog);
            } finally {
                busy.stop();
                assertTrue(busy.awaitStopped(Duration.ofSeconds(30)));
            }
        }
        List<String> rows = stored(dir.resolve("busy"));
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (int i = 0; i < records; i++) {
            assertTrue(counts.containsKey("r" + i), "r" + i + " reached the sink");
        }
        System.out.println("BrokerRestartTest: " + savedBefore + " saved before the stop, " + committedBefore + " committed; " + (rows.size() - records) + " duplicates");
        assertEquals(savedBefore - committedBefore, rows.size() - records, "the duplicates are exactly what was saved but not committed");
        assertEquals(0, stored(dir.resolve("idle")).size());
    }

    private static volatile boolean brokerDown;

    /** A test that failed while the broker was down leaves it running for the next. */
    private static void startAgainIfDown() throws Exception {
        if (brokerDown) {
            kafka.startBroker();
            brokerDown = false;
        }
    }

    /** Check (slow: {@code sleepMs} per batch, so the stream is mid-flight when the broker stops) then Save into a file. */
    private static Engine engine(Path dir, int sleepMs) throws Exception {
        return Engine.builder().configs(IngestProject.write(dir)).plugin(pool -> pool.faas("Check", flow -> {
            Thread.sleep(sleepMs);
            for (Object row : flow.input()) {
                flow.commitRow(row);
            }
        })).build();
    }

    private static void produce(String topic, int from, int to) throws Exception {
        try (KafkaProducer<String, String> p = kafka.producer()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = from; i < to; i++) {
                sent.add(p.send(new ProducerRecord<>(topic, i % PARTITIONS, null, "r" + i)));
            }
            p.flush();
            for (Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> stored(Path dir) throws Exception {
        Path f = dir.resolve("store/rows.jsonl");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(Callable<Boolean> done, String what, ByteArrayOutputStream log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (true) {
            try {
                if (done.call()) {
                    return;
                }
            } catch (Exception e) {
                // the broker or the sink file not there yet: ask again
            }
            if (System.nanoTime() > deadline) {
                String text = log.toString(StandardCharsets.UTF_8);
                throw new AssertionError("not within 40 s: " + what + "; log ends: " + text.substring(Math.max(0, text.length() - 6000)));
            }
            Thread.sleep(100);
        }
    }
}
