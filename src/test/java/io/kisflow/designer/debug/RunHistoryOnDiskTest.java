package io.kisflow.designer.debug;

import io.kisflow.designer.debug.data.RowJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 §3: the run history on disk: kept, bounded, read back after a restart, compared, deleted, kill-safe. */
class RunHistoryOnDiskTest {
    @TempDir
    Path project;

    private Path runsDir() {
        return project.resolve(RunStore.DIR);
    }

    private static void runToEnd(SessionDriver d, String flow) {
        assertTrue(d.session.run(flow), d.session.messageProperty().get());
        d.await(SessionState.FINISHED, SessionState.FAILED, SessionState.STOPPED);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(runsDir())) {
            return s.sorted().toList();
        }
    }

    @Test
    void finishedRunsAreKeptOnDiskAsJsonLinesWithinTheCountAndOpenAgainAfterARestartWithTheirRows() throws IOException {
        MemoryFunctions fns = new MemoryFunctions();
        RunRecord first;
        try (SessionDriver d = fns.driver()) {
            d.session.keepRuns(runsDir(), new RunStoreLimits(3, RunStoreLimits.DEFAULT_BYTES));
            for (int i = 0; i < 4; i++) {
                runToEnd(d, "Scores");
            }
            first = d.session.flow("Scores").lastRunProperty().get();
            assertEquals(4, first.number());
            assertEquals(3, d.session.storedRuns().runs().size(), "the oldest run was dropped");
            assertEquals(List.of(4, 3, 2), d.session.storedRuns().runs().stream().map(StoredRun::number).toList());
        }
        List<Path> files = files();
        assertEquals(3, files.size());
        assertTrue(files.stream().allMatch(f -> f.getFileName().toString().endsWith(".run.jsonl")), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")));

        // a new session (the designer restarted) lists them and opens one: the same rows on the cards
        try (SessionDriver d = fns.driver()) {
            StoredRuns stored = d.session.keepRuns(runsDir(), RunStoreLimits.defaults());
            assertEquals(3, stored.runs().size());
            StoredRun newest = stored.runs().get(0);
            assertEquals("Scores", newest.flowName());
            assertTrue(newest.label().startsWith("Run #4 · finished · 3 calls"), newest.label());
            stored.open(newest);
            FlowDebugState f = d.session.flow("Scores");
            RunRecord opened = f.shownRunProperty().get();
            assertNotNull(opened, stored.messageProperty().get());
            assertEquals(4, opened.number());
            assertEquals(List.of("{\"stu_id\":1,\"score\":100}", "{\"stu_id\":2,\"score\":160}", "{\"stu_id\":3,\"score\":140}"),
                    opened.level(1).rows().stream().map(RowJson::compact).toList());
            assertEquals(first.level(2).rows().stream().map(RowJson::compact).toList(),
                    f.card(2).outputProperty().get().rows().stream().map(RowJson::compact).toList());
            assertEquals(3, opened.source().size());
            assertEquals(List.of("Load1", "Score", "Keep"), opened.calls().stream().map(CallRecord::function).toList());
            assertTrue(stored.messageProperty().get().startsWith("Opened run #4 of Scores"), stored.messageProperty().get());

            // the next run is numbered after the stored ones, and compares with the opened one
            runToEnd(d, "Scores");
            RunRecord now = f.lastRunProperty().get();
            assertEquals(5, now.number());
            RunComparison c = f.compare(opened, now);
            assertTrue(c.diff(1, "stu_id").identical());
            assertTrue(c.rows().stream().noneMatch(RunComparison.Row::countsDiffer));

            // delete: the file goes
            StoredRun oldest = stored.runs().get(stored.runs().size() - 1);
            stored.delete(oldest);
            assertFalse(Files.exists(oldest.file()));
            assertTrue(stored.runs().stream().noneMatch(r -> r.file().equals(oldest.file())));
            assertEquals("Deleted run #" + oldest.number() + " of Scores from disk", stored.messageProperty().get());
        }
    }

    @Test
    void aFileCutShortIsSkippedWithAMessageAndOpeningOneSaysWhyWithoutAnException() throws IOException {
        MemoryFunctions fns = new MemoryFunctions();
        try (SessionDriver d = fns.driver()) {
            d.session.keepRuns(runsDir(), RunStoreLimits.defaults());
            runToEnd(d, "Scores");
            runToEnd(d, "Scores");
        }
        List<Path> files = files();
        Path torn = files.get(0);
        byte[] whole = Files.readAllBytes(torn);
        Files.write(torn, java.util.Arrays.copyOf(whole, whole.length / 2));   // a crash halfway through a copy
        Files.writeString(runsDir().resolve("notes.run.jsonl"), "not json at all\n");

        try (SessionDriver d = fns.driver()) {
            StoredRuns stored = d.session.keepRuns(runsDir(), RunStoreLimits.defaults());
            assertEquals(1, stored.runs().size(), "the whole run is listed");
            assertEquals(2, stored.skipped().size(), stored.skipped().toString());
            assertTrue(stored.skipped().stream().anyMatch(s -> s.startsWith(torn.getFileName() + " was cut short")), stored.skipped().toString());
            assertTrue(stored.skipped().stream().anyMatch(s -> s.startsWith("notes.run.jsonl is not a run file")), stored.skipped().toString());
            assertTrue(stored.messageProperty().get().contains("could not be read and were skipped"), stored.messageProperty().get());
        }
        RunFile.Damaged e = assertThrows(RunFile.Damaged.class, () -> RunFile.read(torn));
        assertTrue(e.getMessage().contains("was cut short"), e.getMessage());
    }

    @Test
    void aRunLargerThanTheSizeLimitIsNotKeptAndTheMessageSaysSo() throws IOException {
        MemoryFunctions fns = new MemoryFunctions();
        try (SessionDriver d = fns.driver()) {
            StoredRuns stored = d.session.keepRuns(runsDir(), new RunStoreLimits(10, 100));
            runToEnd(d, "Scores");
            assertEquals(0, stored.runs().size());
            assertTrue(stored.messageProperty().get().startsWith("Run #1 of Scores ("), stored.messageProperty().get());
            assertTrue(stored.messageProperty().get().endsWith("is larger than the run history's limit (0.1 KB): not kept on disk"),
                    stored.messageProperty().get());
        }
        assertEquals(List.of(), files(), "no temporary file is left behind");
    }

    @Test
    void aStoredRunKeepsCallsErrorsAndTheRowsEachCallCommitted() throws IOException {
        MemoryFunctions fns = new MemoryFunctions();
        try (SessionDriver d = fns.driver()) {
            d.session.keepRuns(runsDir(), RunStoreLimits.defaults());
            runToEnd(d, "Checked");
            RunRecord failed = d.session.flow("Checked").lastRunProperty().get();
            RunRecord back = RunFile.read(files().get(0));
            assertEquals(RunOutcome.FAILED, back.outcome());
            assertEquals(2, back.failedPosition());
            assertEquals(failed.error().message(), back.error().message());
            assertTrue(back.calls().get(2).error().message().contains("score over 150 for stu_id 2"), back.calls().get(2).error().message());
            assertEquals(failed.steps(), back.steps());
            assertEquals(3, back.committed().size());
            assertEquals(3, back.committedRows(1).size());
            assertEquals(RunTrace.toJson(failed), RunTrace.toJson(back));
        }
    }
}
