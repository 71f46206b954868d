package io.kisflow.designer.debug.input;

import io.kisflow.designer.debug.QueuedExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Big input rows never go through the UI thread as one text (issue 8, item 4: loading a 6 MB file
 * froze the window for 25 s): a big file is referred to and read in the background with progress and
 * cancel; big typed text is parsed in the background.
 */
class BigInputTest {
    @TempDir
    Path project;

    private Path bigFile(String name, int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            lines.add("{\"stu_id\": " + i + ", \"score_1\": 90, \"score_2\": 85, \"score_3\": 77}");
        }
        Path f = project.resolve("data").resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, lines);
        return f;
    }

    @Test
    void aBigFileIsReferredToAndReadInTheBackgroundWithProgress() throws IOException {
        Path file = bigFile("big.jsonl", 20_000);
        QueuedExecutor ui = new QueuedExecutor();
        QueuedExecutor background = new QueuedExecutor();
        InputEditor e = new InputEditor("StuScore");
        e.attach(project, ui, background);
        e.modeProperty().set(InputMode.JSON);
        e.textProperty().set("{\"stu_id\": 1}");

        e.loadFile(file);
        // loadFile returned without reading: the UI thread did no parsing
        assertEquals("data/big.jsonl", e.fileProperty().get(), "kept relative to the project");
        assertTrue(e.loadingProperty().get());
        assertFalse(e.isValid(), "a run is refused until the rows are read");
        assertEquals(List.of(), e.stored(), "nothing of the file goes into the sidecar's rows");
        assertEquals(1, background.pending());

        background.runAll();
        assertTrue(ui.pending() > 1, "progress and the result come back to the UI thread: " + ui.pending());
        ui.runAll();
        assertFalse(e.loadingProperty().get());
        assertEquals(1.0, e.progressProperty().get());
        assertTrue(e.isValid(), e.errorProperty().get());
        assertEquals(20_000, e.rowCountProperty().get());
        assertEquals(Map.of("stu_id", 20_000, "score_1", 90, "score_2", 85, "score_3", 77), e.parsed().rows().get(19_999));
        assertEquals(project.resolve("data/big.jsonl"), e.resolvedFile());

        // back to the typed rows
        e.setFile("");
        assertEquals(1, e.rowCountProperty().get());
    }

    @Test
    void readingCanBeCancelledAndRunsAreRefusedUntilReloaded() throws IOException {
        bigFile("big.txt", 5_000);
        QueuedExecutor ui = new QueuedExecutor();
        QueuedExecutor background = new QueuedExecutor();
        InputEditor e = new InputEditor("LogReport");
        e.attach(project, ui, background);
        e.setFile("data/big.txt");
        assertTrue(e.loadingProperty().get());
        e.cancelLoading();
        background.runAll();
        ui.runAll();
        assertFalse(e.loadingProperty().get());
        assertFalse(e.isValid());
        assertEquals("input of flow LogReport, reading the rows was cancelled: reload them to run the flow", e.errorProperty().get());

        e.reload();
        background.runAll();
        ui.runAll();
        assertTrue(e.isValid());
        assertEquals(5_000, e.rowCountProperty().get());
        assertTrue(((String) e.parsed().rows().get(0)).startsWith("{\"stu_id\": 1,"), "text mode: one string per line");
    }

    @Test
    void aMissingOrBrokenFileIsAnErrorNamingIt() throws IOException {
        InputEditor e = new InputEditor("StuScore");
        e.attach(project, Runnable::run, Runnable::run);
        e.setFile("gone.jsonl");
        assertTrue(e.errorProperty().get().startsWith("input of flow StuScore, file gone.jsonl does not exist"), e.errorProperty().get());

        Path bad = project.resolve("bad.jsonl");
        Files.writeString(bad, "{\"a\": 1}\n{\"a\": 2,}\n");
        e.modeProperty().set(InputMode.JSON);
        e.setFile("bad.jsonl");
        assertTrue(e.errorProperty().get().startsWith("input of flow StuScore, file bad.jsonl, line 2, column 9: row 2 is not valid JSON"),
                e.errorProperty().get());
        assertEquals(2, e.parsed().errorLine());
    }

    @Test
    void aSmallFileIsStillCopiedIntoTheRows() throws IOException {
        Path small = bigFile("small.jsonl", 3);
        InputEditor e = new InputEditor("StuScore");
        e.attach(project, Runnable::run, Runnable::run);
        e.loadFile(small);
        assertEquals("", e.fileProperty().get());
        assertEquals(3, e.stored().size());
    }

    @Test
    void bigTypedRowsAreParsedInTheBackground() {
        QueuedExecutor background = new QueuedExecutor();
        InputEditor e = new InputEditor("LogReport");
        e.attach(project, Runnable::run, background);
        String big = "x".repeat(100) + "\n";
        e.textProperty().set(big.repeat(2_000));   // 202,000 characters, as restored from an old recovery copy
        assertTrue(e.loadingProperty().get());
        assertEquals(2_000, e.stored().size(), "the sidecar still gets the typed rows");
        background.runAll();
        assertFalse(e.loadingProperty().get());
        assertEquals(2_000, e.rowCountProperty().get());
    }
}
