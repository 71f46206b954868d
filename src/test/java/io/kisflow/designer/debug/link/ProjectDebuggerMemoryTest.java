package io.kisflow.designer.debug.link;

import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.RunStore;
import io.kisflow.designer.debug.SessionDriver;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.project.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 §3 through the window's debugger: an open project keeps its runs on disk; the Run menu's new commands. */
class ProjectDebuggerMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void anOpenProjectKeepsItsRunsInItsFolderAndTheRunMenuSetsConditionsAndRunsFromHere() throws IOException {
        Path project = tmp.resolve("project");
        try (Stream<Path> all = Files.walk(Path.of("conf-samples"))) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = project.resolve(Path.of("conf-samples").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        ProjectDocument doc = new ProjectDocument();
        try (ProjectDebugger dbg = new ProjectDebugger(doc, DebugOptions.defaults().withMetrics(false), Runnable::run, Runnable::run)) {
            ProjectFiles files = ProjectFiles.open(project);
            DesignState s = new DesignState(files.configs(), files.layout());
            doc.open(files.directory(), s, s);
            SessionDriver d = SessionDriver.wrap(dbg.session());
            doc.select(Selection.step("StuScore", 2));

            assertEquals("column 11: use == to compare, not =", dbg.setBreakpointCondition("avg_score = 90"));
            assertEquals("", dbg.selectedCard().conditionProperty().get());
            assertNull(dbg.setBreakpointCondition("avg_score > 90"));
            assertEquals("avg_score > 90", dbg.selectedCard().conditionProperty().get());
            assertTrue(dbg.run());
            d.await(SessionState.PAUSED);
            assertEquals(new CardKey("StuScore", 2), dbg.session().pausedAtProperty().get());
            dbg.stop();
            d.await(SessionState.STOPPED);
            dbg.toggleBreakpoint();
            assertTrue(dbg.run());
            d.await(SessionState.FINISHED);

            doc.select(Selection.step("StuScore", 1));
            assertTrue(dbg.runFromHere());
            d.await(SessionState.FINISHED);
            assertTrue(dbg.session().flow("StuScore").lastRunProperty().get().label().startsWith("Run #3 from #2 AvgStuScore"),
                    dbg.session().flow("StuScore").lastRunProperty().get().label());

            assertTrue(dbg.togglePauseOnError());
            assertTrue(dbg.session().pauseOnErrorProperty().get());
            assertEquals(3, dbg.session().storedRuns().runs().size());
        }
        try (Stream<Path> runs = Files.list(project.resolve(RunStore.DIR))) {
            assertEquals(3, runs.filter(p -> p.toString().endsWith(".run.jsonl")).count());
        }
    }
}
