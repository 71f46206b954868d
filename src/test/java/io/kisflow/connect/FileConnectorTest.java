package io.kisflow.connect;

import io.kisflow.engine.FlowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code type: file}: Save appends JSON lines, Load reads them back; no plugin code anywhere. */
class FileConnectorTest {
    @Test
    void saveAppendsJsonLinesAndLoadReadsThemBack(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        try (StoreProject p = StoreProject.write(tmp.resolve("conf"), "file", store.toString(), "rows.jsonl", Map.of())) {
            List<Object> rows = List.of(Map.of("stu_id", 101), "{\"stu_id\":102}", "plain text", "two\nlines");
            assertEquals(rows, p.save(rows), "Save passes its input rows on as its level");
            // checked with a bare reader: strings as they are, other rows as compact JSON, a line break escaped
            assertEquals(List.of("{\"stu_id\":101}", "{\"stu_id\":102}", "plain text", "\"two\\nlines\""),
                    Files.readAllLines(store.resolve("rows.jsonl")));
            p.save(List.of(7));
            assertEquals(List.of(Map.of("stu_id", 101), Map.of("stu_id", 102), "plain text", "two\nlines", 7), p.load());
            assertEquals(Map.of("Save", "built-in · append to rows.jsonl", "Load", "built-in · read rows.jsonl"), p.engine.builtInFunctions());
            assertTrue(p.engine.implementedFunctions().containsAll(List.of("Save", "Load")));
            assertEquals(List.of(), p.engine.missingImplementations());
        }
    }

    @Test
    void aDryRunOfABuiltInSaveWritesNothingAndRecordsTheCall(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        try (StoreProject p = StoreProject.write(tmp.resolve("conf"), "file", store.toString(), "rows.jsonl", Map.of())) {
            io.kisflow.engine.KisFlowRun flow = p.engine.flow("SaveRows");
            io.kisflow.engine.DryRun dry = new io.kisflow.engine.DryRun();
            flow.setConnectorGate(dry);
            flow.commitRow("a");
            flow.commitRow("b");
            flow.run();
            assertEquals(List.of(List.of("a", "b")), dry.calls().stream().map(io.kisflow.engine.DryRun.Call::args).toList());
            assertTrue(!Files.exists(store), "a dry run opens no connector and writes nothing");
        }
    }

    @Test
    void loadBeforeAnySaveHasNoRows(@TempDir Path tmp) throws Exception {
        try (StoreProject p = StoreProject.write(tmp.resolve("conf"), "file", tmp.resolve("none").toString(), "rows.jsonl", Map.of())) {
            assertEquals(List.of(), p.load());
        }
    }

    @Test
    void aSecretPlaceholderWithoutItsVariableIsNamedAndTheConfigKeepsThePlaceholder(@TempDir Path tmp) throws Exception {
        String variable = "KISFLOW_TEST_UNSET_" + System.nanoTime();
        try (StoreProject p = StoreProject.write(tmp.resolve("conf"), "file", tmp.toString(), "rows.jsonl", Map.of("password", "${" + variable + "}"))) {
            FlowException e = assertThrows(FlowException.class, () -> p.save(List.of("x")));
            assertEquals("flow SaveRows, function Save (position 1): connector Store failed to initialise: connector Store: params.password uses ${"
                    + variable + "}, which is not set in the environment; set it before starting (export " + variable + "=...)", e.getMessage());
            assertEquals("${" + variable + "}", p.engine.configs().conn("Store").params().get("password"), "the config keeps the placeholder");
        }
    }

    @Test
    void placeholdersAreReplacedFromTheEnvironment() {
        var conn = io.kisflow.config.ConnConfig.of("C", "postgres", "${HOST}:5432", "t").withParams(Map.of("password", "p-${PW}-x", "user", "u"));
        ConnectorSettings s = ConnectorSettings.of(conn, name -> Map.of("HOST", "db.local", "PW", "s3cret").get(name));
        assertEquals("db.local:5432", s.addrs());
        assertEquals("p-s3cret-x", s.params().get("password"));
        assertEquals("connector C (postgres at ${HOST}:5432)", s.where(), "messages show addrs as written, never a resolved secret");
        assertEquals(ConnectorSettings.DEFAULT_CONNECT_TIMEOUT, s.connectTimeout());
    }
}
