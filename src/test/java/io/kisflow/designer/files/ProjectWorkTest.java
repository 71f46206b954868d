package io.kisflow.designer.files;

import io.kisflow.config.ConfigLoader;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.FunctionEdits;
import io.kisflow.designer.edit.StepEdits;
import io.kisflow.designer.project.SavePlan;
import io.kisflow.designer.status.StatusModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open, Save and Export as long work (issue 10, §3): off the UI thread, files done of total in the
 * status bar, Cancel that leaves the files (or the open project) as they were, errors in words.
 * The test thread plays the UI thread: what the work posts to it is run when the test drains it.
 */
class ProjectWorkTest {
    static final int FLOWS = 30;

    @TempDir
    Path tmp;
    Path project;
    ProjectDocument doc;
    ProjectSession session;
    final BlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();

    /** A project of 30 flows all calling function F: renaming F changes 31 files. */
    @BeforeEach
    void manyFlows() throws IOException {
        project = tmp.resolve("many");
        Files.createDirectories(project);
        Files.writeString(project.resolve("func-F.yml"), "kistype: func\nfname: F\nfmode: Calculate\nsource:\n  name: s\n  must: []\n");
        for (int i = 0; i < FLOWS; i++) {
            Files.writeString(project.resolve("flow-F" + i + ".yml"), "kistype: flow\nstatus: 1\nflow_name: F" + i + "\nflows:\n  - fname: F\n");
        }
        doc = new ProjectDocument();
        session = new ProjectSession(doc, tmp.resolve("state"), doc::state);
        session.open(project);
    }

    /** Background work waiting for {@link #runBackground}: started, then run on the test thread. */
    final List<Runnable> background = new ArrayList<>();

    /** Work run on the calling thread by {@link #runBackground}, its updates at once: every step is seen by the listeners. */
    private ProjectWork inline(StatusModel status) {
        return new ProjectWork(session, status, background::add, Runnable::run);
    }

    private <T> CompletableFuture<T> runBackground(CompletableFuture<T> started) {
        new ArrayList<>(background).forEach(Runnable::run);
        background.clear();
        return started;
    }

    @Test
    void aSaveShowsFilesDoneOfTotalAndNoticesTheWrittenState() throws IOException {
        StatusModel status = new StatusModel(Runnable::run);
        List<String> messages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        status.messageProperty().addListener((o, a, m) -> messages.add(m));
        status.progressProperty().addListener((o, a, p) -> fractions.add(p.doubleValue()));
        doc.perform(FunctionEdits.rename("F", "G"));
        DesignState state = session.stateToSave();
        SavePlan plan = session.planSave(state);
        assertEquals(FLOWS + 1, plan.changes().size());

        CompletableFuture<SavePlan> done = runBackground(inline(status).save(plan, state));

        assertTrue(done.isDone() && !done.isCompletedExceptionally(), String.valueOf(done));
        assertTrue(messages.contains("Writing flow-F7.yml (8 of 31)") || messages.stream().anyMatch(m -> m.matches("Writing .* \\(\\d+ of 31\\)")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.endsWith("(30 of 31)")), "each file is counted: " + messages);
        List<Double> between = fractions.stream().filter(f -> f > 0 && f < 1).toList();
        assertTrue(between.size() >= FLOWS - 1, "progress moves file by file: " + fractions);
        for (int i = 1; i < between.size(); i++) {
            assertTrue(between.get(i) >= between.get(i - 1), "progress never goes back: " + fractions);
        }
        assertEquals("", status.messageProperty().get(), "the status bar is free again");
        assertFalse(status.busyProperty().get());
        assertEquals("G", ConfigLoader.load(project).configs().flow("F12").flows().get(0).fname());
        assertFalse(doc.isDirty());
    }

    @Test
    void aSaveWritesTheStateItWasPlannedFromWhileTheDocumentIsEditedMeanwhile() throws Exception {
        StatusModel status = new StatusModel(uiQueue::add);
        CountDownLatch editDone = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        ProjectWork work = new ProjectWork(session, status, r -> new Thread(() -> {
            ranOn.set(Thread.currentThread());
            try {
                editDone.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.run();
        }, "save-worker").start(), uiQueue::add);
        doc.perform(FunctionEdits.rename("F", "G"));
        DesignState state = session.stateToSave();
        SavePlan plan = session.planSave(state);

        CompletableFuture<SavePlan> done = work.save(plan, state);
        assertTrue(work.isBusy());
        // the user goes on editing while the files are written
        doc.perform(StepEdits.remove("F3", 0));
        editDone.countDown();
        drainUntil(done);

        assertNotEquals(Thread.currentThread(), ranOn.get(), "the files are written off the UI thread");
        var saved = ConfigLoader.load(project).configs();
        assertEquals(List.of("G"), saved.flow("F3").flows().stream().map(s -> s.fname()).toList(),
                "the save wrote the state it planned, not the edit made while it ran");
        assertTrue(doc.isDirty(), "the edit made during the save is still unsaved");
        assertEquals(state.configs(), doc.savedState().configs(), "what was written is the saved baseline");
        assertTrue(session.planSave().changes().stream().anyMatch(c -> c.path().endsWith("flow-F3.yml")), "the next save writes the later edit");
        assertFalse(work.isBusy());
    }

    @Test
    void aCancelledSaveLeavesEveryFileAsItWasAndTheChangesOpen() throws IOException {
        StatusModel status = new StatusModel(Runnable::run);
        status.messageProperty().addListener((o, a, m) -> {
            if (m.equals("Writing flow-F17.yml (10 of 31)") || m.matches("Writing \\S+ \\(10 of 31\\)")) {
                assertTrue(status.cancel(), "Cancel is offered while files are written");
            }
        });
        Map<Path, String> before = ProjectSessionTest.readAll(project);
        doc.perform(FunctionEdits.rename("F", "G"));
        DesignState state = session.stateToSave();

        CompletableFuture<SavePlan> done = runBackground(inline(status).save(session.planSave(state), state));

        assertTrue(done.isCompletedExceptionally());
        Throwable error = done.handle((p, e) -> e).join();
        assertTrue(ProjectWork.isCancel(error), String.valueOf(error));
        assertEquals("Cancelled; every file is as it was before.", ProjectWork.describe(error));
        assertEquals(before, ProjectSessionTest.readAll(project), "no file changed, no journal or temporary file left");
        assertTrue(doc.isDirty(), "the changes are still open");
        assertFalse(status.busyProperty().get());
        assertEquals(FLOWS + 1, session.planSave().changes().size(), "saving again writes them all");
    }

    @Test
    void onceTheSaveReplacesTheFilesCancelIsNoLongerOfferedAndTheSaveEnds() throws IOException {
        StatusModel status = new StatusModel(Runnable::run);
        boolean[] refused = new boolean[1];
        status.messageProperty().addListener((o, a, m) -> {
            if (m.startsWith("Replacing the files")) {
                assertFalse(status.cancellableProperty().get(), "no Cancel button past the point of no return");
                refused[0] = !status.cancel();
            }
        });
        doc.perform(FunctionEdits.rename("F", "G"));
        DesignState state = session.stateToSave();

        CompletableFuture<SavePlan> done = runBackground(inline(status).save(session.planSave(state), state));

        assertTrue(refused[0]);
        assertFalse(done.isCompletedExceptionally());
        assertEquals("G", ConfigLoader.load(project).configs().flow("F0").flows().get(0).fname(), "entirely new");
        assertFalse(doc.isDirty());
    }

    @Test
    void aFailedSaveSaysWhyInWordsAndWritesNothing() throws IOException {
        StatusModel status = new StatusModel(Runnable::run);
        doc.perform(FunctionEdits.rename("F", "G"));
        DesignState state = session.stateToSave();
        SavePlan plan = session.planSave(state);
        Files.writeString(project.resolve("flow-F5.yml"), "# edited elsewhere\n" + Files.readString(project.resolve("flow-F5.yml")));
        Map<Path, String> before = ProjectSessionTest.readAll(project);

        Throwable error = runBackground(inline(status).save(plan, state)).handle((p, e) -> e).join();

        assertFalse(ProjectWork.isCancel(error));
        assertEquals(project.resolve("flow-F5.yml") + " was changed on disk after the save was planned; nothing was written."
                + " Plan the save again to see and keep those changes.", ProjectWork.describe(error));
        assertEquals(before, ProjectSessionTest.readAll(project));
        assertTrue(doc.isDirty());
    }

    @Test
    void aCancelledExportIntoANewFolderLeavesNoFolder() {
        StatusModel status = new StatusModel(Runnable::run);
        status.messageProperty().addListener((o, a, m) -> {
            if (m.contains("(20 of ")) {
                status.cancel();
            }
        });
        Path target = tmp.resolve("out/export");
        SavePlan plan;
        try {
            plan = session.planExport(target, session.stateToSave());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(FLOWS + 1, plan.changes().size());

        Throwable error = runBackground(inline(status).export(plan)).handle((p, e) -> e).join();

        assertTrue(ProjectWork.isCancel(error), String.valueOf(error));
        assertFalse(Files.exists(tmp.resolve("out")), "the folders the export made are gone");
    }

    @Test
    void anExportWritesEveryFile() throws IOException {
        Path target = tmp.resolve("export");
        SavePlan plan = session.planExport(target, session.stateToSave());
        CompletableFuture<SavePlan> done = runBackground(inline(new StatusModel(Runnable::run)).export(plan));
        assertFalse(done.isCompletedExceptionally());
        assertEquals(FLOWS, ConfigLoader.load(target).configs().flows().size());
        assertEquals("Exported: 31 files: 31 created to " + target, doc.statusProperty().get().text());
    }

    @Test
    void aCancelledOpenReadsNothingIntoTheDocumentAndTheProjectOpenBeforeStays() throws IOException {
        Path other = tmp.resolve("other");
        ProjectSessionTest.copyTree(Path.of("conf-samples"), other);
        StatusModel status = new StatusModel(Runnable::run);
        List<String> messages = new ArrayList<>();
        status.messageProperty().addListener((o, a, m) -> {
            messages.add(m);
            if (m.startsWith("Reading ") && m.contains("(3 of ")) {
                status.cancel();
            }
        });
        DesignState before = doc.state();

        CompletableFuture<?> read = runBackground(inline(status).read(other));

        assertTrue(ProjectWork.isCancel(read.handle((f, e) -> e).join()));
        assertTrue(messages.get(0).startsWith("Opening other"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Loading the YAML files of other")), messages.toString());
        assertEquals(project, session.directory());
        assertEquals(before, doc.state());
    }

    @Test
    void aSecondPieceOfFileWorkWhileOneRunsIsRefusedInWords() throws IOException {
        StatusModel status = new StatusModel(uiQueue::add);
        CountDownLatch hold = new CountDownLatch(1);
        ProjectWork work = new ProjectWork(session, status, r -> new Thread(() -> {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.run();
        }).start(), uiQueue::add);
        CompletableFuture<?> first = work.read(project);
        Throwable second = work.read(project).handle((f, e) -> e).join();
        assertEquals("Other file work is still running (see the status bar): wait for it to end, or cancel it, then try again.",
                ProjectWork.describe(second));
        hold.countDown();
        drainUntil(first);
        assertFalse(first.isCompletedExceptionally());
    }

    private void drainUntil(CompletableFuture<?> done) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.isDone()) {
            try {
                Runnable r = uiQueue.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the work did not end");
            }
        }
        uiQueue.forEach(Runnable::run);
    }
}
