package io.kisflow.connect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** {@code type: sqlite}: a SQLite database file in the test's folder. */
class SqliteConnectorTest extends SqlContract {
    @Override
    String type() {
        return "sqlite";
    }

    @Override
    String addrs(Path tmp) {
        return tmp.resolve("scores.db").toString();
    }

    @Override
    Map<String, String> params() {
        return Map.of();
    }

    @Override
    Connection bare(Path tmp) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("scores.db").toAbsolutePath());
    }
}
