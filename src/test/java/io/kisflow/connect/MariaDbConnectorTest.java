package io.kisflow.connect;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code type: mariadb} (and mysql, which uses the same driver) against Debian's MariaDB server when
 * the machine has one: no Maven Central artifact carries a MariaDB or MySQL server. Without one the
 * class is skipped with one line saying so.
 */
class MariaDbConnectorTest extends SqlContract {
    private static Process server;
    private static Path data;
    private static int port;

    @BeforeAll
    static void startMariaDb() throws Exception {
        String mariadbd = onPath("mariadbd", "mysqld");
        String install = onPath("mariadb-install-db", "mysql_install_db");
        if (mariadbd == null || install == null) {
            String reason = "skipped: no MariaDB or MySQL server on this machine (Debian: apt-get install mariadb-server);"
                    + " types mysql and mariadb are tested where one is installed";
            System.out.println("[kisflow tests] " + reason);
            Assumptions.assumeTrue(false, reason);
        }
        data = Files.createTempDirectory("kisflow-mariadb");
        run(List.of(install, "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db",
                "--user=" + System.getProperty("user.name")), 120);
        port = Ports.free();
        server = new ProcessBuilder(mariadbd, "--no-defaults", "--datadir=" + data, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + data.resolve("mysqld.sock"), "--skip-grant-tables", "--user=" + System.getProperty("user.name"))
                .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
                c.createStatement().execute("CREATE DATABASE IF NOT EXISTS kis");
                break;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new IllegalStateException("MariaDB did not start; see " + data.resolve("server.log"), e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String onPath(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String n : names) {
                for (String d : List.of(dir, "/usr/sbin")) {
                    if (Files.isExecutable(Path.of(d, n))) {
                        return Path.of(d, n).toString();
                    }
                }
            }
        }
        return null;
    }

    private static void run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    @AfterAll
    static void stopMariaDb() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Override
    String type() {
        return "mariadb";
    }

    @Override
    String addrs(Path tmp) {
        return "127.0.0.1:" + port;
    }

    @Override
    Map<String, String> params() {
        return Map.of("database", "kis", "user", "root");
    }

    @Override
    Connection bare(Path tmp) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/kis", "root", "");
    }
}
