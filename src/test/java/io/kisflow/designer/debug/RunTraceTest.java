package io.kisflow.designer.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.cli.Cli;
import io.kisflow.designer.debug.data.RowJson;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.project.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 §3: traces written by {@code run --trace} imported into the debugger, and any designer run exported as one. */
class RunTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("conf-samples");
    private static final Path INPUT = SAMPLES.resolve("student-score/input.jsonl");

    @TempDir
    Path tmp;

    private Path cliTrace() throws IOException {
        Path trace = tmp.resolve("server-trace.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(new String[] {"run", "--conf", SAMPLES.toString(), "--flow", "StuScore", "--json",
                "--input", INPUT.toString(), "--trace", trace.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return trace;
    }

    private static SessionDriver samples() throws IOException {
        DebugSession s = DebugSession.forProject(ProjectFiles.open(SAMPLES), DebugOptions.defaults().withMetrics(false),
                Runnable::run, Runnable::run);
        s.flow("StuScore").input().modeProperty().set(InputMode.JSON);
        s.flow("StuScore").input().textProperty().set(Files.readString(INPUT));
        return SessionDriver.wrap(s);
    }

    @Test
    void aTraceFromRunTraceReadsAsARunAndWritesBackTheSameTrace() throws IOException {
        Path trace = cliTrace();
        RunRecord r = RunTrace.read(trace, 7);
        assertEquals("StuScore", r.flowName());
        assertEquals(7, r.number());
        assertEquals(RunOutcome.FINISHED, r.outcome());
        assertEquals(List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore"), r.chain());
        assertEquals(List.of(0, 1, 2), r.calls().stream().map(CallRecord::position).toList());
        assertEquals(Files.readAllLines(INPUT).size(), r.source().size());
        assertEquals(r.committedRows(1).size(), r.level(1).size());
        assertEquals("100", r.calls().get(0).params().get("max_score"));
        assertTrue(r.label().contains("(trace server-trace.json)"), r.label());

        JsonNode written = JSON.readTree(trace.toFile());
        assertEquals(written, JSON.valueToTree(RunTrace.toJson(r)), "read and written again, the trace says the same");
        Path again = tmp.resolve("again.json");
        RunTrace.write(r, again);
        assertEquals(written, JSON.readTree(again.toFile()));
    }

    @Test
    void aDesignerRunExportedIsTheTraceRunTraceWritesForTheSameRowsAndRoundTrips() throws IOException {
        Path trace = cliTrace();
        try (SessionDriver d = samples()) {
            assertTrue(d.session.run("StuScore"), d.session.messageProperty().get());
            d.await(SessionState.FINISHED, SessionState.FAILED);
            RunRecord run = d.session.flow("StuScore").lastRunProperty().get();
            Path exported = tmp.resolve("designer.json");
            RunTrace.write(run, exported);
            assertEquals(JSON.readTree(trace.toFile()), JSON.readTree(exported.toFile()));
            assertEquals(JSON.readTree(exported.toFile()), JSON.valueToTree(RunTrace.toJson(RunTrace.read(exported, 1))));
        }
    }

    @Test
    void anImportedTraceIsShownOnTheCardsKeptInTheHistoryAndAMalformedOneIsRefusedWithItsLine() throws IOException {
        Path trace = cliTrace();
        Path bad = tmp.resolve("broken.json");
        Files.writeString(bad, "{\n  \"schema\": \"kisflow-go-trace/1\",\n  \"calls\": [ }\n");
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"rows\": []}");
        try (SessionDriver d = samples()) {
            StoredRuns stored = d.session.keepRuns(tmp.resolve("runs"), RunStoreLimits.defaults());
            stored.importTrace(trace);
            FlowDebugState f = d.session.flow("StuScore");
            RunRecord shown = f.shownRunProperty().get();
            assertEquals("Imported server-trace.json as run #1 of StuScore", stored.messageProperty().get());
            assertEquals(1, shown.number());
            assertEquals(shown, f.history().runs().get(0));
            assertEquals(List.of(CardStatus.DONE, CardStatus.DONE, CardStatus.DONE), f.cards().stream().map(c -> c.statusProperty().get()).toList());
            assertEquals(RowJson.compact(shown.level(1).rows().get(0)), RowJson.compact(f.card(1).outputProperty().get().rows().get(0)));
            assertEquals(1, stored.runs().size(), "kept on disk like a run made here");
            assertNull(f.lastRunProperty().get(), "an imported run is not the latest run made here");

            stored.importTrace(bad);
            assertTrue(stored.messageProperty().get().startsWith("Could not import " + bad + ": broken.json is not a run trace: it is not JSON (line 3"),
                    stored.messageProperty().get());
            stored.importTrace(other);
            assertTrue(stored.messageProperty().get().contains("other.json is not a run trace written by run --trace"), stored.messageProperty().get());
            assertEquals(1, f.history().runs().size());
        }
    }
}
