package io.kisflow.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kisflow.engine.ConnectorClient;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A HikariCP pool on the connector's database, shared by every thread. Save maps each row's fields
 * to the table's columns (by name, ignoring case; the columns are read once from the database's
 * metadata), checks every row before writing, and inserts in batches of {@value #BATCH} in one
 * transaction: all rows or none.
 */
final class SqlConnector implements ConnectorClient {
    static final int BATCH = 1000;
    private final ConnectorSettings settings;
    private final HikariDataSource pool;
    private final String table;
    /** The table's columns by lower-case name, as the database spells them; read on first Save. */
    private volatile Map<String, String> columns;

    private SqlConnector(ConnectorSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.table = settings.key().strip();
    }

    static SqlConnector open(ConnectorSettings s) throws Exception {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url(s));
        c.setDriverClassName(driver(s.type()));
        String user = s.param("user", null);
        if (user != null) {
            c.setUsername(user);
        }
        String password = s.param("password", null);
        if (password != null) {
            c.setPassword(password);
        }
        c.setPoolName("kisflow-" + s.name());
        c.setConnectionTimeout(Math.max(250, s.connectTimeout().toMillis()));
        c.setValidationTimeout(Math.max(250, Math.min(s.connectTimeout().toMillis(), c.getConnectionTimeout())));
        // SQLite lets one writer in at a time: one connection, so threads queue instead of failing with SQLITE_BUSY
        int size = "sqlite".equals(s.type()) ? 1 : 4;
        try {
            size = Integer.parseInt(s.param("pool_size", String.valueOf(size)).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.where() + ": params.pool_size must be a number, not '" + s.param("pool_size", "") + "'");
        }
        c.setMaximumPoolSize(Math.max(1, size));
        c.setMinimumIdle(1);
        // connect once now: a wrong address or password fails here, within the connect timeout
        c.setInitializationFailTimeout(1);
        try {
            return new SqlConnector(s, new HikariDataSource(c));
        } catch (RuntimeException e) {
            throw Failures.connect(s, e);
        }
    }

    /** The JDBC URL for the connector's addrs: a JDBC URL as written, else one built for the type. */
    static String url(ConnectorSettings s) {
        String a = s.firstAddress();
        if (s.addrs().strip().startsWith("jdbc:")) {
            String u = s.addrs().strip();
            // one driver serves both: MariaDB's, which reads MySQL servers too
            return u.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + u.substring("jdbc:mysql:".length()) : u;
        }
        if (a.isBlank()) {
            throw new IllegalArgumentException(s.where() + ": addrs is empty; write host:port, a JDBC URL"
                    + ("sqlite".equals(s.type()) || "h2".equals(s.type()) ? " or a file path" : ""));
        }
        String db = s.param("database", "");
        return switch (s.type()) {
            case "postgres" -> "jdbc:postgresql://" + a + "/" + (db.isEmpty() ? "postgres" : db) + "?reWriteBatchedInserts=true";
            case "mysql", "mariadb" -> "jdbc:mariadb://" + a + "/" + db + "?connectTimeout=" + s.connectTimeout().toMillis();
            case "sqlite" -> "jdbc:sqlite:" + Path.of(a).toAbsolutePath();
            case "h2" -> a.startsWith("mem:") ? "jdbc:h2:" + a + ";DB_CLOSE_DELAY=-1"
                    : "jdbc:h2:file:" + Path.of(a.endsWith(".mv.db") ? a.substring(0, a.length() - 6) : a).toAbsolutePath();
            default -> throw new IllegalArgumentException(s.where() + ": no SQL driver for type " + s.type());
        };
    }

    private static String driver(String type) {
        return switch (type) {
            case "postgres" -> "org.postgresql.Driver";
            case "mysql", "mariadb" -> "org.mariadb.jdbc.Driver";
            case "sqlite" -> "org.sqlite.JDBC";
            case "h2" -> "org.h2.Driver";
            default -> throw new IllegalArgumentException("no SQL driver for type " + type);
        };
    }

    @Override
    public void save(List<?> rows) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        if (table.isEmpty()) {
            throw new IllegalArgumentException(settings.where() + ": key is empty; set it to the table the rows go to");
        }
        Map<String, String> cols = columns();
        // every row is checked before anything is written, so a misfit row writes nothing
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> o = Rows.object(rows.get(i));
            if (o == null) {
                throw new IllegalArgumentException(settings.where() + ": row " + (i + 1) + " does not fit table " + table
                        + ": it is not a JSON object (" + Rows.shown(rows.get(i)) + "); rows stored in a table are objects, field to column");
            }
            for (String field : o.keySet()) {
                if (!cols.containsKey(field.toLowerCase(Locale.ROOT))) {
                    columns = null; // the table may have changed since it was read
                    throw new IllegalArgumentException(settings.where() + ": row " + (i + 1) + " does not fit table " + table
                            + ": field '" + field + "' has no column (its columns: " + String.join(", ", cols.values()) + ")");
                }
            }
            objects.add(o);
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, objects, cols);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (RefusedRows e) {
            columns = null;
            throw new Exception(settings.where() + ": INSERT INTO " + table + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            columns = null;
            throw Failures.call(settings, "INSERT INTO " + table, e);
        }
    }

    private void insert(Connection c, List<Map<String, Object>> rows, Map<String, String> cols) throws SQLException {
        String quote = quote(c);
        PreparedStatement ps = null;
        List<String> shape = null;
        int batchStart = 0;
        int inBatch = 0;
        try {
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                if (shape == null || !sameFields(shape, row)) {
                    if (inBatch > 0) {
                        execute(c, ps, rows, batchStart, i);
                        inBatch = 0;
                    }
                    if (ps != null) {
                        ps.close();
                    }
                    shape = new ArrayList<>(row.keySet());
                    ps = c.prepareStatement(insertSql(shape, cols, quote));
                    ps.setQueryTimeout(timeoutSeconds());
                }
                if (inBatch == 0) {
                    batchStart = i;
                }
                int k = 1;
                for (Object v : row.values()) {
                    ps.setObject(k++, sqlValue(v));
                }
                ps.addBatch();
                if (++inBatch == BATCH) {
                    execute(c, ps, rows, batchStart, i + 1);
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                execute(c, ps, rows, batchStart, rows.size());
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }

    private static boolean sameFields(List<String> shape, Map<String, Object> row) {
        if (shape.size() != row.size()) {
            return false;
        }
        int i = 0;
        for (String k : row.keySet()) {
            if (!k.equals(shape.get(i++))) {
                return false;
            }
        }
        return true;
    }

    private void execute(Connection c, PreparedStatement ps, List<Map<String, Object>> rows, int from, int to) throws SQLException {
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            throw new RefusedRows("rows " + (from + 1) + "-" + to + " (the batch that failed; the first is "
                    + Rows.shown(rows.get(from)) + ") were refused: " + Failures.reason(e.getNextException() != null ? e.getNextException() : e)
                    + "; nothing was written", e);
        }
    }

    /** A batch the database refused, with the rows it held; its message is the whole story. */
    private static final class RefusedRows extends SQLException {
        RefusedRows(String message, SQLException cause) {
            super(message, cause.getSQLState(), cause);
        }
    }

    private String insertSql(List<String> fields, Map<String, String> cols, String quote) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sql.append(", ");
                marks.append(", ");
            }
            sql.append(quote).append(cols.get(fields.get(i).toLowerCase(Locale.ROOT))).append(quote);
            marks.append('?');
        }
        return sql.append(") VALUES (").append(marks).append(')').toString();
    }

    private static String quote(Connection c) throws SQLException {
        String q = c.getMetaData().getIdentifierQuoteString();
        return q == null || q.isBlank() ? "" : q.strip();
    }

    /** Nested objects and lists go into a column as their JSON text. */
    private static Object sqlValue(Object v) throws SQLException {
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            try {
                return Rows.JSON.writeValueAsString(v);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("a field cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
        }
        return v;
    }

    private Map<String, String> columns() throws Exception {
        Map<String, String> cols = columns;
        if (cols != null) {
            return cols;
        }
        try (Connection c = pool.getConnection()) {
            cols = readColumns(c);
        } catch (SQLException e) {
            throw Failures.call(settings, "reading the columns of table " + table, e);
        }
        if (cols.isEmpty()) {
            throw new IllegalArgumentException(settings.where() + ": table " + table + " does not exist"
                    + (settings.param("database", null) == null ? "" : " in database " + settings.param("database", ""))
                    + "; create it (a column for each field of the rows) or set key to an existing table");
        }
        columns = cols;
        return cols;
    }

    private Map<String, String> readColumns(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = null;
        String name = table;
        int dot = table.lastIndexOf('.');
        if (dot > 0) {
            schema = table.substring(0, dot);
            name = table.substring(dot + 1);
        }
        String catalog = "mysql".equals(settings.type()) || "mariadb".equals(settings.type()) ? c.getCatalog() : null;
        if (schema == null && catalog == null) {
            try {
                schema = c.getSchema();
            } catch (SQLException | AbstractMethodError e) {
                schema = null;
            }
        }
        String escape = md.getSearchStringEscape();
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : new String[]{name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)}) {
            String s = schema;
            for (String schemaTry : schema == null ? new String[]{null} : new String[]{s, s.toLowerCase(Locale.ROOT), s.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = md.getColumns(catalog, pattern(schemaTry, escape), pattern(n, escape), null)) {
                    while (rs.next()) {
                        String col = rs.getString("COLUMN_NAME");
                        out.putIfAbsent(col.toLowerCase(Locale.ROOT), col);
                    }
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
        }
        return out;
    }

    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    @Override
    public List<Object> load() throws Exception {
        String query = settings.param("query", null);
        String sql = query != null ? query : "SELECT * FROM " + table;
        if (query == null && table.isEmpty()) {
            throw new IllegalArgumentException(settings.where() + ": key is empty; set it to the table to read, or set params.query");
        }
        List<Object> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(timeoutSeconds());
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                String[] labels = new String[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = md.getColumnLabel(i + 1);
                }
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>(n * 2);
                    for (int i = 0; i < n; i++) {
                        row.put(labels[i], rowValue(rs.getObject(i + 1)));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw Failures.call(settings, query != null ? "params.query (" + query + ")" : sql, e);
        }
        return rows;
    }

    /** Values as JSON knows them: numbers, strings, booleans, null; dates and driver types as their text. */
    private static Object rowValue(Object v) throws SQLException {
        if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime().toString();
        }
        if (v instanceof Clob c) {
            return c.getSubString(1, (int) Math.min(Integer.MAX_VALUE, c.length()));
        }
        if (v instanceof byte[] b) {
            return b;
        }
        return v.toString();
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.callTimeout().toSeconds()));
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the first failure is what the user needs; a broken connection is dropped by the pool
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(pool) ? type.cast(pool) : null;
    }

    @Override
    public List<Class<?>> unwrapsTo() {
        return List.of(DataSource.class, HikariDataSource.class);
    }

    @Override
    public void close() {
        pool.close();
    }
}
