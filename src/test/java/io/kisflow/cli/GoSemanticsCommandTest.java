package io.kisflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --go-semantics} and {@code test --go-semantics} on the LogReport sample, whose
 * KeepErrors commits the error lines and asks for ForceEntryNext: the Java engine passes them on,
 * a Go server empties KeepErrors' level, so Summarize counts none.
 */
class GoSemanticsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runWithGoSemanticsGivesTheLevelsAGoServerProducesAndSaysWhere(@TempDir Path tmp) throws Exception {
        CliRunner java = CliRunner.run("run", "--conf", "conf-samples", "--flow", "LogReport", "--input", "conf-samples/actions/input-log.txt",
                "--trace", tmp.resolve("java.json").toString());
        assertEquals(0, java.exit(), java.err());
        JsonNode levels = JSON.readTree(java.out());
        assertEquals(2, levels.get("KeepErrors").size());
        assertEquals("[\"2 of 4 lines are errors\"]", levels.get("Summarize").toString());
        assertFalse(java.err().contains("go: "), "the notes go to the trace, not to stderr: " + java.err());
        JsonNode trace = JSON.readTree(tmp.resolve("java.json").toFile());
        assertEquals(false, trace.get("go_semantics").asBoolean());
        JsonNode note = trace.get("go_differences").get(0);
        assertEquals("FORCE_ENTRY_NEXT", note.get("kind").asText());
        assertEquals("KeepErrors", note.get("function").asText());
        assertEquals("ForceEntryNext after KeepErrors's level got 2 rows: a Go server empties that level, so Summarize gets no rows;"
                + " here it reads them", note.get("words").asText());

        CliRunner go = CliRunner.run("run", "--conf", "conf-samples", "--flow", "LogReport", "--input", "conf-samples/actions/input-log.txt",
                "--go-semantics");
        assertEquals(0, go.exit(), go.err());
        JsonNode goLevels = JSON.readTree(go.out());
        assertEquals("[]", goLevels.get("KeepErrors").toString(), "Go empties the level after ForceEntryNext");
        assertEquals("[\"0 of 4 lines are errors\"]", goLevels.get("Summarize").toString());
        assertTrue(go.err().contains("go: KeepErrors (call 3): Go semantics: ForceEntryNext emptied KeepErrors's level of 2 rows, as a Go"
                + " server does, so Summarize gets no rows (the Java engine passes them on)\n"), go.err());
    }

    @Test
    void testWithGoSemanticsFailsTheCaseWhoseRowsAGoServerWouldNotProduce() {
        CliRunner java = CliRunner.run("test", "--conf", "conf-samples", "--case", "LogReport");
        assertEquals(0, java.exit(), java.out() + java.err());
        assertTrue(java.out().startsWith("PASS LogReport ("), java.out());

        CliRunner go = CliRunner.run("test", "--conf", "conf-samples", "--case", "LogReport", "--go-semantics");
        assertEquals(1, go.exit(), go.out() + go.err());
        assertTrue(go.out().startsWith("FAIL LogReport ("), go.out());
        assertTrue(go.out().contains("level KeepErrors: expected 2 rows, got 0"), go.out());
    }
}
