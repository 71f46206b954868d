package io.kisflow.connect;

import io.kisflow.engine.FlowException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code type: postgres} against a real PostgreSQL (zonky's embedded binaries, started here on
 * loopback). The connector logs in as role kis with a password (scram-sha-256), as on a server.
 */
class PostgresConnectorTest extends SqlContract {
    private static final String USER = "kis";
    private static final String PASSWORD = "kis-pw";
    private static EmbeddedPostgres pg;
    private static Path data;

    @BeforeAll
    static void startPostgres() throws Exception {
        data = Files.createTempDirectory("kisflow-pg");
        pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            st.execute("GRANT ALL ON SCHEMA public TO " + USER);
            // the superuser keeps trust for the test's setup; every other role needs its password
            Files.writeString(data.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    """);
            st.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    String type() {
        return "postgres";
    }

    @Override
    String addrs(Path tmp) {
        return "127.0.0.1:" + pg.getPort();
    }

    @Override
    Map<String, String> params() {
        return Map.of("database", "postgres", "user", USER, "password", PASSWORD);
    }

    @Override
    Connection bare(Path tmp) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", USER, PASSWORD);
    }

    @Test
    void aWrongPasswordIsAClearErrorNamingConnectorAndAddress(@TempDir Path tmp) throws Exception {
        try (StoreProject p = project(tmp, "scores", Map.of("password", "wrong"))) {
            FlowException e = assertThrows(FlowException.class, () -> p.load());
            assertTrue(e.getMessage().contains("connector Store failed to initialise: connector Store (postgres at 127.0.0.1:" + pg.getPort()
                    + "): cannot connect: "), e.getMessage());
            assertTrue(e.getMessage().contains("password authentication failed for user \"kis\""), e.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersFailsNamingTheTimeLimit(@TempDir Path tmp) throws Exception {
        try (SilentPort silent = new SilentPort();
             StoreProject p = StoreProject.write(tmp, "postgres", "127.0.0.1:" + silent.port(), "scores", Map.of("connect_timeout", "2s"))) {
            FlowException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(FlowException.class, () -> p.save(List.of(Map.of("a", 1)))),
                    "a server that takes the connection and never answers must fail the connector, never hang it");
            assertTrue(e.getMessage().contains("connector Store (postgres at " + "127.0.0.1:" + silent.port() + "): cannot connect within 2 s: "), e.getMessage());
        }
    }

    @Test
    void anUnreachableServerFailsWithinTheConnectTimeout(@TempDir Path tmp) throws Exception {
        int nobody = Ports.free();
        try (StoreProject p = StoreProject.write(tmp, "postgres", "127.0.0.1:" + nobody, "scores", Map.of("connect_timeout", "2s"))) {
            FlowException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(FlowException.class, () -> p.save(List.of(Map.of("a", 1)))),
                    "a connector that cannot connect must fail, never hang");
            assertTrue(e.getMessage().contains("connector Store (postgres at 127.0.0.1:" + nobody + "): cannot connect: "), e.getMessage());
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
    }
}
