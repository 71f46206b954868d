package io.kisflow.bench;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.engine.KisFlowRun;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 11, section 6: Save of 1,000,000 rows through a built-in connector (a flow whose only
 * function is a Save with no code), side by side with a bare client on the same server in the same
 * run. Redis: the baseline is redis-benchmark's pipelined RPUSH (one value per command, 1000
 * commands in flight), written as a bare Lettuce loop because no redis-benchmark binary comes with
 * embedded-redis. SQL: the baseline is a plain JDBC batch-insert loop (batches of 1000, one
 * transaction) on the same database and URL. Each side runs 4 times, alternating; the best 3 are
 * kept. Bar: the connector reaches at least half the baseline's rows per second.
 * Run: see docs/PERFORMANCE.md, section Connectors.
 */
public final class ConnectorSaveBench {
    private static final int N = 1_000_000;
    private static final int ROUNDS = 4;

    public static void main(String[] args) throws Exception {
        List<Object> rows = new ArrayList<>(N);
        List<String> texts = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stu_id", i);
            row.put("avg_score", i / 2.0);
            rows.add(row);
            texts.add("{\"stu_id\":" + i + ",\"avg_score\":" + (i / 2.0) + "}");
        }
        Path tmp = Files.createTempDirectory("kisflow-bench");
        redis(rows, texts, tmp.resolve("redis"));
        postgres(rows, tmp.resolve("pg"));
        sqlite(rows, tmp.resolve("sqlite"));
    }

    private static void redis(List<Object> rows, List<String> texts, Path conf) throws Exception {
        int port = freePort();
        RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").setting("appendonly no").build();
        server.start();
        RedisClient bare = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> c = bare.connect();
             Engine engine = engine(conf, "redis", "127.0.0.1:" + port, "bench", Map.of())) {
            List<Double> connector = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                c.sync().del("bench");
                connector.add(timeSave(engine, rows));
                check(c.sync().llen("bench"), "redis list after the connector's Save");
                c.sync().del("bench");
                baseline.add(time(() -> pipelinedRpush(c, texts)));
                check(c.sync().llen("bench"), "redis list after the baseline");
            }
            report("Redis Save (RPUSH)", connector, "bare Lettuce, pipelined RPUSH of one value each (redis-benchmark -t rpush -P 1000 style)", baseline);
        } finally {
            bare.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            server.stop();
        }
    }

    /** redis-benchmark's RPUSH test, pipelined: one value per command, commands written without waiting, answers awaited per 1000. */
    private static void pipelinedRpush(StatefulRedisConnection<String, String> c, List<String> texts) throws Exception {
        RedisAsyncCommands<String, String> async = c.async();
        c.setAutoFlushCommands(false);
        try {
            List<RedisFuture<Long>> inFlight = new ArrayList<>(1000);
            for (String t : texts) {
                inFlight.add(async.rpush("bench", t));
                if (inFlight.size() == 1000) {
                    c.flushCommands();
                    for (RedisFuture<Long> f : inFlight) {
                        f.get(60, TimeUnit.SECONDS);
                    }
                    inFlight.clear();
                }
            }
            c.flushCommands();
            for (RedisFuture<Long> f : inFlight) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            c.setAutoFlushCommands(true);
        }
    }

    private static void postgres(List<Object> rows, Path conf) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?reWriteBatchedInserts=true";
            sql("PostgreSQL", rows, conf, "postgres", "127.0.0.1:" + pg.getPort(), Map.of("database", "postgres", "user", "postgres"),
                    () -> DriverManager.getConnection(url, "postgres", ""), "TRUNCATE scores", url);
        }
    }

    private static void sqlite(List<Object> rows, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path db = dir.resolve("bench.db");
        String url = "jdbc:sqlite:" + db.toAbsolutePath();
        sql("SQLite", rows, dir.resolve("conf"), "sqlite", db.toString(), Map.of(), () -> DriverManager.getConnection(url), "DELETE FROM scores", url);
    }

    interface Connect {
        Connection open() throws Exception;
    }

    private static void sql(String name, List<Object> rows, Path conf, String type, String addrs, Map<String, String> params,
                            Connect bare, String empty, String url) throws Exception {
        try (Connection c = bare.open(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE scores (stu_id INTEGER, avg_score DOUBLE PRECISION)");
        }
        try (Engine engine = engine(conf, type, addrs, "scores", params)) {
            List<Double> connector = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                exec(bare, empty);
                connector.add(timeSave(engine, rows));
                check(count(bare), name + " rows after the connector's Save");
                exec(bare, empty);
                baseline.add(time(() -> jdbcBatchInsert(bare, rows)));
                check(count(bare), name + " rows after the baseline");
            }
            report(name + " Save (INSERT)", connector, "plain JDBC batch-insert loop, batches of 1000, one transaction (" + url + ")", baseline);
        }
    }

    /** The plain loop a developer writes: typed setters, addBatch, executeBatch per 1000, one commit. */
    private static void jdbcBatchInsert(Connect bare, List<Object> rows) throws Exception {
        try (Connection c = bare.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scores (stu_id, avg_score) VALUES (?, ?)")) {
                int n = 0;
                for (Object r : rows) {
                    Map<?, ?> m = (Map<?, ?>) r;
                    ps.setInt(1, (Integer) m.get("stu_id"));
                    ps.setDouble(2, (Double) m.get("avg_score"));
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static Engine engine(Path conf, String type, String addrs, String key, Map<String, String> params) throws Exception {
        Files.createDirectories(conf);
        StringBuilder conn = new StringBuilder("kistype: conn\ncname: Store\naddrs: '" + addrs + "'\ntype: " + type + "\nkey: " + key + "\n");
        if (!params.isEmpty()) {
            conn.append("params:\n");
            params.forEach((k, v) -> conn.append("  ").append(k).append(": '").append(v).append("'\n"));
        }
        Files.writeString(conf.resolve("conn-Store.yml"), conn);
        Files.writeString(conf.resolve("func-Save.yml"), "kistype: func\nfname: Save\nfmode: Save\noption:\n  cname: Store\n");
        Files.writeString(conf.resolve("flow-SaveRows.yml"), "kistype: flow\nstatus: 1\nflow_name: SaveRows\nflows:\n  - fname: Save\n");
        LoadResult loaded = ConfigLoader.load(conf);
        return Engine.builder().configs(loaded.configs()).metrics(false).build();
    }

    /** Seconds for one run of flow SaveRows over the rows (committing them is not timed). */
    private static double timeSave(Engine engine, List<Object> rows) throws Exception {
        KisFlowRun flow = engine.flow("SaveRows");
        flow.commitRowBatch(rows);
        long t0 = System.nanoTime();
        flow.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    interface Body {
        void run() throws Exception;
    }

    private static double time(Body body) throws Exception {
        long t0 = System.nanoTime();
        body.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void exec(Connect bare, String sql) throws Exception {
        try (Connection c = bare.open(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connect bare) throws Exception {
        try (Connection c = bare.open(); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM scores")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void check(long n, String what) {
        if (n != N) {
            throw new IllegalStateException(what + ": " + n + " rows, expected " + N);
        }
    }

    /** Drops the first (warm-up) round of each side and prints the best and median of the rest, in rows per second. */
    private static void report(String name, List<Double> connector, String baselineName, List<Double> baseline) {
        List<Double> c = new ArrayList<>(connector.subList(1, connector.size()));
        List<Double> b = new ArrayList<>(baseline.subList(1, baseline.size()));
        c.sort(null);
        b.sort(null);
        double cRate = N / c.get(c.size() / 2);
        double bRate = N / b.get(b.size() / 2);
        System.out.printf("%s: built-in connector %,.0f rows/s (best %,.0f), baseline %,.0f rows/s (best %,.0f): %.2fx the baseline%n"
                        + "    baseline: %s%n", name, cRate, N / c.get(0), bRate, N / b.get(0), cRate / bRate, baselineName);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
