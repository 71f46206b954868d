package io.kisflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --dry-run}: the samples' Save flow writes nothing to its store and lists what it would have written; Load fails clearly. */
class DryRunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The samples, with the ScoreStore connector's store in {@code tmp/store}. */
    private static Path samples(Path tmp) throws Exception {
        Path conf = RunCommandTest.copySamples(tmp);
        Path conn = conf.resolve("storage/conn-ScoreStore.yml");
        Files.writeString(conn, Files.readString(conn).replace("dir: .kisflow-store", "dir: '" + tmp.resolve("store") + "'"));
        return conf;
    }

    @Test
    void aDryRunOfTheSaveFlowWritesNothingAndListsTheRowsItWouldWrite(@TempDir Path tmp) throws Exception {
        Path conf = samples(tmp);
        CliRunner r = CliRunner.run("run", "--conf", conf.toString(), "--flow", "SaveScores", "--json", "--dry-run",
                "--input", "conf-samples/student-score/input.jsonl");
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(tmp.resolve("store")), "nothing was written: " + r.err());
        JsonNode levels = JSON.readTree(r.out());
        assertEquals(3, levels.get("SaveAvgScore").size(), "the flow's levels are printed as in a real run");
        String[] lines = r.err().split("\n");
        assertEquals("dry run: no connector was opened and nothing was written; 3 connector calls recorded:", lines[0], r.err());
        assertEquals("  SaveAvgScore (Save) -> ScoreStore (redis embedded key stu_avg_score): 1 row: {\"stu_id\":101,\"avg_score\":84.0}",
                lines[1]);
        assertEquals(4, lines.length, r.err());

        CliRunner real = CliRunner.run("run", "--conf", conf.toString(), "--flow", "SaveScores", "--json",
                "--input", "conf-samples/student-score/input.jsonl");
        assertEquals(0, real.exit(), real.err());
        assertTrue(Files.exists(tmp.resolve("store")), "without --dry-run the same command writes");
        assertFalse(real.err().contains("dry run"), real.err());
    }

    @Test
    void aDryRunOfTheLoadFlowFailsSayingToRunWithoutDryRun(@TempDir Path tmp) throws Exception {
        Path conf = samples(tmp);
        CliRunner r = CliRunner.runWithStdin("all\n", "run", "--conf", conf.toString(), "--flow", "LoadScores", "--dry-run", "--input", "-");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("error: flow LoadScores, function LoadAvgScore (position 1): Load function LoadAvgScore reads"
                + " connector ScoreStore; in a dry run run it without --dry-run (the command line has no pinned rows)"), r.err());
        assertTrue(r.err().startsWith("dry run: no connector was opened and nothing was written; 0 connector calls recorded\n"), r.err());
        assertFalse(Files.exists(tmp.resolve("store")));
    }
}
