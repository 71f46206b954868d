package io.kisflow.connect;

import io.kisflow.SharedMaterial;
import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Level;
import io.kisflow.engine.Mode;
import io.kisflow.samples.SamplesPlugin;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code type: redis} against real Redis servers (embedded-redis's redis-server binary, started here on
 * loopback): one open, one with a password. Rows are checked in the server with a bare Lettuce client.
 */
class RedisConnectorTest {
    private static final String PASSWORD = "s3cret";
    private static RedisServer open;
    private static RedisServer guarded;
    private static int openPort;
    private static int guardedPort;
    private static RedisClient bare;
    private static StatefulRedisConnection<String, String> bareConnection;

    @BeforeAll
    static void startServers() throws Exception {
        openPort = Ports.free();
        open = RedisServer.newRedisServer().bind("127.0.0.1").port(openPort).setting("save \"\"").setting("appendonly no").build();
        open.start();
        guardedPort = Ports.free();
        guarded = RedisServer.newRedisServer().bind("127.0.0.1").port(guardedPort).setting("save \"\"").setting("appendonly no")
                .setting("requirepass " + PASSWORD).build();
        guarded.start();
        bare = RedisClient.create("redis://127.0.0.1:" + openPort);
        bareConnection = bare.connect();
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (bareConnection != null) {
            bareConnection.close();
            bare.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (open != null) {
            open.stop();
        }
        if (guarded != null) {
            guarded.stop();
        }
    }

    private static RedisCommands<String, String> redis() {
        return bareConnection.sync();
    }

    @Test
    void saveRpushesEachRowAndLoadReadsTheListBack(@TempDir Path tmp) throws Exception {
        redis().del("scores");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stu_id", 101);
        row.put("avg_score", 84.0);
        try (StoreProject p = StoreProject.write(tmp, "redis", "127.0.0.1:" + openPort, "scores", Map.of())) {
            assertEquals(List.of(row, "plain"), p.save(List.of(row, "plain")));
            assertEquals(List.of("{\"stu_id\":101,\"avg_score\":84.0}", "plain"), redis().lrange("scores", 0, -1),
                    "strings as they are, other rows as compact JSON");
            redis().rpush("scores", "42", "{not json");
            assertEquals(List.of(row, "plain", 42, "{not json"), p.load(), "each element parsed as JSON when it parses");
            assertEquals(Map.of("Save", "built-in · RPUSH scores", "Load", "built-in · LRANGE scores"), p.engine.builtInFunctions());
        }
    }

    @Test
    void aMillionRowsInOneSaveArriveInOrder(@TempDir Path tmp) throws Exception {
        redis().del("many");
        List<Object> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add("r" + i);
        }
        try (StoreProject p = StoreProject.write(tmp, "redis", "127.0.0.1:" + openPort, "many", Map.of())) {
            p.save(rows);
            assertEquals(2500L, redis().llen("many"), "three pipelined RPUSH commands of up to 1000 values");
            assertEquals(rows, List.copyOf(redis().lrange("many", 0, -1)));
        }
    }

    @Test
    void passwordAndDatabaseComeFromParams(@TempDir Path tmp) throws Exception {
        try (StoreProject p = StoreProject.write(tmp, "redis", "127.0.0.1:" + guardedPort, "k", Map.of("password", PASSWORD, "database", "3"))) {
            p.save(List.of("a"));
            RedisClient c = RedisClient.create("redis://" + PASSWORD + "@127.0.0.1:" + guardedPort + "/3");
            try (StatefulRedisConnection<String, String> conn = c.connect()) {
                assertEquals(List.of("a"), conn.sync().lrange("k", 0, -1));
                conn.sync().del("k");
            } finally {
                c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void aWrongPasswordIsAClearErrorNamingTheConnectorAndAddress(@TempDir Path tmp) throws Exception {
        try (StoreProject p = StoreProject.write(tmp, "redis", "127.0.0.1:" + guardedPort, "k", Map.of("password", "wrong"))) {
            FlowException e = assertThrows(FlowException.class, () -> p.save(List.of("a")));
            assertTrue(e.getMessage().startsWith("flow SaveRows, function Save (position 1): connector Store failed to initialise: "
                    + "connector Store (redis at 127.0.0.1:" + guardedPort + "): cannot connect: "), e.getMessage());
            assertTrue(e.getMessage().contains("WRONGPASS") || e.getMessage().contains("invalid password"), e.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersFailsNamingTheTimeLimit(@TempDir Path tmp) throws Exception {
        // a port that takes the connection and never says a word: only here is the time limit the reason
        try (SilentPort silent = new SilentPort();
             StoreProject p = StoreProject.write(tmp, "redis", "127.0.0.1:" + silent.port(), "k", Map.of("connect_timeout", "2s"))) {
            FlowException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(FlowException.class, () -> p.save(List.of("a"))));
            assertTrue(e.getMessage().contains("connector Store (redis at 127.0.0.1:" + silent.port() + "): cannot connect within 2 s: "
                    + "the server took the connection but did not answer (is it a Redis server?)"), e.getMessage());
        }
    }

    @Test
    void anUnreachableServerFailsWithinTheConnectTimeout(@TempDir Path tmp) throws Exception {
        int nobody = Ports.free();
        try (StoreProject p = StoreProject.write(tmp, "redis", "127.0.0.1:" + nobody, "k", Map.of("connect_timeout", "2s"))) {
            FlowException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(FlowException.class, () -> p.save(List.of("a"))),
                    "a connector that cannot connect must fail, never hang");
            assertTrue(e.getMessage().contains("connector Store (redis at 127.0.0.1:" + nobody + "): cannot connect: "), e.getMessage());
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
            assertTrue(e.getMessage().endsWith("check that the server runs and that addrs and the credentials in params are right"), e.getMessage());
        }
    }

    @Test
    void functionCodeReachesLettuceThroughItsConnectorAndPluginConnectorCodeWins(@TempDir Path tmp) throws Exception {
        redis().del("via-code", "scores-code");
        try (StoreProject written = StoreProject.write(tmp, "redis", "127.0.0.1:" + openPort, "scores-code", Map.of())) {
            ConfigSet configs = written.engine.configs();
            KisPlugin plugin = pool -> {
                // a Save function with code of its own talks to Redis through the connector's client
                pool.faas("Save", flow -> {
                    @SuppressWarnings("unchecked")
                    RedisCommands<String, String> r = flow.getConnector().client(RedisCommands.class);
                    for (Object row : flow.input()) {
                        r.sadd("via-code", row.toString());
                    }
                    flow.commitRowBatch(flow.input());
                });
                // connector code registered for Load wins over the built-in LRANGE
                pool.caas("Store", "Load", Mode.LOAD, (c, f, flow, args) -> List.of("from plugin"));
            };
            try (Engine engine = Engine.builder().configs(configs).plugin(plugin).metrics(false).build()) {
                KisFlowRun save = engine.flow("SaveRows");
                save.commitRow("x");
                save.commitRow("y");
                save.run();
                assertEquals(java.util.Set.of("x", "y"), redis().smembers("via-code"));
                assertEquals(0L, redis().llen("scores-code"), "the function's own code ran, not the built-in RPUSH");
                KisFlowRun load = engine.flow("LoadRows");
                load.run();
                assertEquals(List.of("from plugin"), rows(load, "Load"));
                assertEquals(Map.of("Load", "built-in · calls Store's plugin code"), engine.builtInFunctions());
                IllegalStateException wrong = assertThrows(IllegalStateException.class,
                        () -> engine.flow("SaveRows").functions().get(0).getConnector().client(String.class));
                assertEquals("connector Store (redis) has no client of class java.lang.String; ask for one of: RedisCommands, "
                        + "RedisAsyncCommands, RedisReactiveCommands, StatefulRedisConnection, RedisClient", wrong.getMessage());
            }
        }
    }

    /**
     * Go's kis-flow-usage connector example ({@code 8-connector/conf}: conn Score12Cache, type redis,
     * key stu_score12_avg_) loads unchanged; its addrs (127.0.0.1:6379) is pointed at this test's
     * server in memory only, so the test never touches a Redis the machine may run. Its Calculate
     * functions are Go code: stand-ins are registered here; its Save and Load need none.
     */
    @Test
    void goKisFlowUsagesConnectorExampleRunsAgainstARealRedis() throws Exception {
        LoadResult loaded = ConfigLoader.load(SharedMaterial.kisFlowUsage("8-connector/conf"));
        assertEquals(List.of(), loaded.problems(), "the example loads unchanged, with no problem");
        assertEquals("127.0.0.1:6379", loaded.configs().conn("Score12Cache").addrs());
        ConfigSet configs = loaded.configs().withConn(loaded.configs().conn("Score12Cache").withAddrs("127.0.0.1:" + openPort));
        redis().del("stu_score12_avg_");
        KisPlugin averages = pool -> {
            pool.faas("AvgStuScore12", Map.class, (flow, students) -> {
                for (Map<?, ?> s : students) {
                    double avg = (((Number) s.get("score_1")).intValue() + ((Number) s.get("score_2")).intValue()) / 2.0;
                    flow.commitRow(Map.of("stu_id", s.get("stu_id"), "avg_score", avg));
                }
            });
            pool.faas("AvgStuScore3", flow -> flow.commitRowBatch(flow.input()));
        };
        try (Engine engine = Engine.builder().configs(configs).plugin(new SamplesPlugin()).plugin(averages).metrics(false).build()) {
            assertEquals(Map.of("SaveScoreAvg12", "built-in · RPUSH stu_score12_avg_", "LoadScoreAvg12", "built-in · LRANGE stu_score12_avg_"),
                    engine.builtInFunctions());
            KisFlowRun save = engine.flow("CalStuAvgScore12");
            save.commitRow(new java.util.TreeMap<>(Map.of("stu_id", 101, "score_1", 90, "score_2", 80, "score_3", 70)));
            save.run();
            assertEquals(List.of("stuid: [101], avg score: [85.00]"), rows(save, "PrintStuAvgScore"));
            String stored = redis().lrange("stu_score12_avg_", 0, -1).get(0);
            assertEquals(Map.of("stu_id", 101, "avg_score", 85.0), Rows.JSON.readValue(stored, Map.class));

            KisFlowRun load = engine.flow("CalStuAvgScore3");
            load.commitRow(new java.util.TreeMap<>(Map.of("stu_id", 101, "score_1", 90, "score_2", 80, "score_3", 70)));
            load.run();
            assertEquals(List.of(Map.of("stu_id", 101, "avg_score", 85.0)), rows(load, "LoadScoreAvg12"));
            assertEquals(List.of("stuid: [101], avg score: [85.00]"), rows(load, "PrintStuAvgScore"));
        }
    }

    private static List<Object> rows(KisFlowRun flow, String level) {
        return flow.levels().stream().filter(l -> l.name().equals(level)).findFirst().map(Level::rows).orElse(List.of());
    }
}
