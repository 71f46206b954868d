package io.kisflow.connect;

import io.kisflow.config.ConnConfig;
import io.kisflow.engine.ConnectorClient;
import io.kisflow.engine.ConnectorType;
import io.kisflow.engine.Mode;

import java.util.Set;

/**
 * {@code type: postgres, mysql, mariadb, sqlite, h2}: a pooled JDBC DataSource (HikariCP) with the
 * driver of the type. {@code addrs} is {@code host:port}, a JDBC URL, or for sqlite and h2 a file
 * path; {@code key} is the table. Save inserts the rows (JSON objects, field to column) in batches,
 * in one transaction; Load returns {@code SELECT *} of the table, or of {@code params.query}.
 * {@code params}: database, user, password, query, pool_size.
 */
public final class SqlType implements ConnectorType {
    @Override
    public Set<String> names() {
        return Set.of("postgres", "mysql", "mariadb", "sqlite", "h2");
    }

    @Override
    public ConnectorClient open(ConnConfig config) throws Exception {
        return SqlConnector.open(ConnectorSettings.of(config));
    }

    @Override
    public String describe(ConnConfig config, Mode mode) {
        if (mode == Mode.SAVE) {
            return "INSERT INTO " + config.key();
        }
        String query = config.params().get("query");
        return query == null || query.isBlank() ? "SELECT * FROM " + config.key() : "params.query";
    }
}
