package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.UnfinishedSave;
import io.kisflow.reliability.CrashProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save stopped dead at every single disk step, as a {@code kill -9} would stop it (an Error
 * thrown past every catch, nothing cleaned up), then the project opened again: it is always
 * entirely the old or entirely the new version, and nothing temporary is left. The kill -9 of a real
 * process is in {@link io.kisflow.reliability.KillDuringSaveTest}.
 */
class SaveCrashTest {
    private static final int FUNCTIONS = 3;

    @TempDir
    Path tmp;

    /** Stands for the process dying: no catch in the save handles it. */
    static final class Crash extends Error {
        Crash() {
            super("simulated kill", null, false, false);
        }
    }

    /** Dies at the n-th disk step (1-based); counts them all. */
    static final class DyingDisk extends AtomicFiles {
        private final int dieAt;
        int steps;

        DyingDisk(int dieAt) {
            this.dieAt = dieAt;
        }

        private void step() {
            if (++steps == dieAt) {
                throw new Crash();
            }
        }

        /** A killed process loses nothing the kernel already holds: flushing to the platter only guards against power cuts. */
        @Override
        void flush(java.nio.channels.FileChannel ch) {
        }

        @Override
        void write(Path target, String text) throws IOException {
            step();
            super.write(target, text);
        }

        @Override
        void writeNamed(Path file, byte[] bytes, Set<java.nio.file.attribute.PosixFilePermission> p) throws IOException {
            step();
            super.writeNamed(file, bytes, p);
        }

        @Override
        void keepCopy(Path file, Path copy, byte[] bytes) throws IOException {
            step();
            super.keepCopy(file, copy, bytes);
        }

        @Override
        void move(Path from, Path to) throws IOException {
            step();
            super.move(from, to);
            step(); // dying right after a rename, before the next line runs
        }
    }

    private Path template;

    private Path projectAt(int version) throws IOException {
        if (template == null) {
            template = tmp.resolve("template");
            ConfigExporter.export(CrashProjects.version(version, FUNCTIONS), template);
        }
        Path dir = Files.createTempDirectory(tmp, "p");
        ProjectFilesTest.copyTree(template, dir);
        return dir;
    }

    /** Opens version 0 and saves version 1 into it (every function changed, a file deleted and one created, the sidecar written). */
    private static void save(Path dir, AtomicFiles disk) throws IOException {
        ProjectFiles files = ProjectFiles.open(dir, disk);
        SavePlan plan = files.planSave(CrashProjects.version(1, FUNCTIONS), ProjectLayout.EMPTY.withZoom(2), dir, CrashProjects.renames(0));
        assertTrue(plan.changed().size() > FUNCTIONS && plan.created().size() == 2 && plan.deleted().size() == 1, plan.summary());
        files.apply(plan);
    }

    @Test
    void aSaveKilledAtAnyStepIsEntirelyOldOrEntirelyNewOnTheNextOpen() throws IOException {
        DyingDisk counting = new DyingDisk(-1);
        save(projectAt(0), counting);
        int total = counting.steps;
        assertTrue(total > 3 * FUNCTIONS, "steps of one save: " + total);

        List<Integer> versions = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            Path dir = projectAt(0);
            int at = n;
            assertThrows(Crash.class, () -> save(dir, new DyingDisk(at)));

            ProjectFiles reopened = ProjectFiles.open(dir);
            int version = CrashProjects.which(reopened.configs(), FUNCTIONS);
            assertNotEquals(-1, version, "killed at step " + n + " of " + total + ": the project is mixed");
            assertEquals(version == 1 ? 2.0 : 1.0, reopened.layout().zoom(), "the sidecar belongs to the same version, step " + n);
            assertEquals(List.of(), CrashProjects.leftovers(dir), "killed at step " + n + ": left behind");
            assertFalse(UnfinishedSave.in(dir).isPresent());
            versions.add(version);
        }
        assertTrue(versions.contains(0) && versions.contains(1), "kills land before and after the save is decided: " + versions);
        assertEquals(0, versions.get(0));
        assertEquals(1, versions.get(versions.size() - 1));
    }

    @Test
    void openingSaysWhatItFinishedAndSweepsOldTemporaries() throws IOException {
        Path dir = projectAt(0);
        DyingDisk counting = new DyingDisk(-1);
        save(projectAt(0), counting);
        // die at the last rename of the save, after the journal decided it
        assertThrows(Crash.class, () -> save(dir, new DyingDisk(counting.steps - 6)));
        assertTrue(Files.exists(dir.resolve(UnfinishedSave.JOURNAL)));
        Files.writeString(dir.resolve(".flow-Flow0.yaml.123.kisflow-tmp"), "left by a version without the journal");

        ProjectFiles reopened = ProjectFiles.open(dir);
        String note = reopened.recoveryNote().orElseThrow();
        assertTrue(note.contains("was finished on opening"), note);
        assertTrue(note.contains("Removed 1 temporary file"), note);
        assertEquals(1, CrashProjects.which(reopened.configs(), FUNCTIONS));
        assertEquals(List.of(), CrashProjects.leftovers(dir));
    }

    @Test
    void aSaveNeverStartsOverAnUnfinishedOne() throws IOException {
        Path dir = projectAt(0);
        ProjectFiles files = ProjectFiles.open(dir);
        Files.writeString(dir.resolve(UnfinishedSave.JOURNAL), "{}");
        SavePlan plan = files.planSave(CrashProjects.version(1, FUNCTIONS), ProjectLayout.EMPTY, dir, CrashProjects.renames(0));
        IOException e = assertThrows(IOException.class, () -> files.apply(plan));
        assertTrue(e.getMessage().contains("An earlier save into " + dir + " is unfinished"), e.getMessage());
        assertEquals("{}", Files.readString(dir.resolve(UnfinishedSave.JOURNAL)));

        IOException open = assertThrows(IOException.class, () -> ProjectFiles.open(dir));
        assertTrue(open.getMessage().contains("records an unfinished save in a form this version does not know"), open.getMessage());
        assertEquals(0, CrashProjects.which(io.kisflow.config.ConfigLoader.load(dir).configs(), FUNCTIONS), "nothing was touched");
    }
}
