package io.kisflow.connect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** {@code type: h2}: an embedded H2 database file in the test's folder. */
class H2ConnectorTest extends SqlContract {
    @Override
    String type() {
        return "h2";
    }

    @Override
    String addrs(Path tmp) {
        return tmp.resolve("db").toString();
    }

    @Override
    Map<String, String> params() {
        return Map.of();
    }

    @Override
    Connection bare(Path tmp) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath());
    }

    @Override
    String columnsOfFit() {
        return "STU_ID"; // H2 upper-cases unquoted names
    }
}
