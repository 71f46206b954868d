package io.kisflow.connect;

import io.kisflow.engine.FlowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every SQL type does, against a real database the subclass provides: Save inserts the rows
 * (checked with a bare JDBC connection), Load returns the table or params.query, and a missing table
 * or a row that does not fit is a clear error that writes nothing.
 */
abstract class SqlContract {
    /** The connector type. */
    abstract String type();

    /** The connector's addrs for the database. */
    abstract String addrs(Path tmp);

    /** Params the connector needs (database, user, password). */
    abstract Map<String, String> params();

    /** A bare connection to the same database, to prepare tables and check rows. */
    abstract Connection bare(Path tmp) throws SQLException;

    StoreProject project(Path tmp, String table, Map<String, String> extra) throws Exception {
        Map<String, String> p = new LinkedHashMap<>(params());
        p.putAll(extra);
        return StoreProject.write(tmp.resolve("conf"), type(), addrs(tmp), table, p);
    }

    void exec(Path tmp, String... sql) throws SQLException {
        try (Connection c = bare(tmp); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    List<Map<String, Object>> select(Path tmp, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = bare(tmp); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    static Map<String, Object> lowerKeys(Object row) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) row).forEach((k, v) -> out.put(k.toString().toLowerCase(Locale.ROOT), v instanceof Number n && !(v instanceof Double) ? n.intValue() : v));
        return out;
    }

    @Test
    void saveInsertsTheRowsAndLoadSelectsThemBack(@TempDir Path tmp) throws Exception {
        exec(tmp, "DROP TABLE IF EXISTS scores", "CREATE TABLE scores (stu_id INTEGER, avg_score DOUBLE PRECISION, name VARCHAR(40))");
        List<Object> rows = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            rows.add(Map.of("stu_id", i, "avg_score", i / 2.0));
        }
        rows.add("{\"stu_id\": 9001, \"NAME\": \"json text\"}");
        try (StoreProject p = project(tmp, "scores", Map.of())) {
            assertEquals(rows, p.save(rows), "Save passes its input rows on as its level");
            List<Map<String, Object>> stored = select(tmp, "SELECT stu_id, avg_score, name FROM scores ORDER BY stu_id");
            assertEquals(2501, stored.size(), "three batches of up to 1000 rows, then a row of another shape");
            assertEquals(Map.of("stu_id", 1, "avg_score", 0.5), withoutNulls(lowerKeys(stored.get(0))));
            assertEquals(Map.of("stu_id", 9001, "name", "json text"), withoutNulls(lowerKeys(stored.get(2500))));

            List<Object> loaded = p.load();
            assertEquals(2501, loaded.size());
            assertTrue(loaded.stream().map(SqlContract::lowerKeys).anyMatch(r -> r.get("stu_id").equals(2500) && r.get("avg_score").equals(1250.0)), loaded.get(0).toString());
            assertEquals(Map.of("Save", "built-in · INSERT INTO scores", "Load", "built-in · SELECT * FROM scores"), p.engine.builtInFunctions());
        }
    }

    @Test
    void loadRunsParamsQueryWhenSet(@TempDir Path tmp) throws Exception {
        exec(tmp, "DROP TABLE IF EXISTS q", "CREATE TABLE q (id INTEGER, label VARCHAR(10))", "INSERT INTO q VALUES (1, 'a')", "INSERT INTO q VALUES (2, 'b')");
        try (StoreProject p = project(tmp, "q", Map.of("query", "SELECT label FROM q WHERE id > 1"))) {
            assertEquals(List.of(Map.of("label", "b")), p.load().stream().map(SqlContract::lowerKeys).toList());
            assertEquals("built-in · params.query", p.engine.builtInFunctions().get("Load"));
        }
    }

    @Test
    void aMissingTableIsAClearErrorNamingConnectorAddressAndTable(@TempDir Path tmp) throws Exception {
        exec(tmp, "DROP TABLE IF EXISTS nowhere");
        try (StoreProject p = project(tmp, "nowhere", Map.of())) {
            FlowException save = assertThrows(FlowException.class, () -> p.save(List.of(Map.of("a", 1))));
            assertTrue(save.getMessage().contains("connector Store (" + type() + " at " + addrs(tmp) + "): table nowhere does not exist"), save.getMessage());
            assertTrue(save.getMessage().contains("create it (a column for each field of the rows) or set key to an existing table"), save.getMessage());
            FlowException load = assertThrows(FlowException.class, () -> p.load());
            assertTrue(load.getMessage().contains("connector Store (" + type() + " at " + addrs(tmp) + "): SELECT * FROM nowhere failed: "), load.getMessage());
            assertTrue(load.getMessage().toLowerCase(Locale.ROOT).contains("nowhere"), load.getMessage());
        }
    }

    @Test
    void aRowThatDoesNotFitWritesNothingAndIsNamed(@TempDir Path tmp) throws Exception {
        exec(tmp, "DROP TABLE IF EXISTS fit", "CREATE TABLE fit (stu_id INTEGER)");
        try (StoreProject p = project(tmp, "fit", Map.of())) {
            FlowException e = assertThrows(FlowException.class, () -> p.save(List.of(Map.of("stu_id", 1), Map.of("stu_id", 2, "grade", "A"))));
            assertTrue(e.getMessage().endsWith("connector Store (" + type() + " at " + addrs(tmp) + "): row 2 does not fit table fit: field 'grade' has no column"
                    + " (its columns: " + columnsOfFit() + ")"), e.getMessage());
            FlowException notObject = assertThrows(FlowException.class, () -> p.save(List.of("just text")));
            assertTrue(notObject.getMessage().contains("row 1 does not fit table fit: it is not a JSON object (just text)"), notObject.getMessage());
            assertEquals(List.of(), select(tmp, "SELECT * FROM fit"), "nothing was written");
        }
    }

    /** How the database spells column stu_id of table fit. */
    String columnsOfFit() {
        return "stu_id";
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
