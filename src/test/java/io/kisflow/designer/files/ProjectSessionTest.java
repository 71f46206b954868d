package io.kisflow.designer.files;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Problem;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.FunctionEdits;
import io.kisflow.designer.edit.StepEdits;
import io.kisflow.designer.project.FileChange;
import io.kisflow.designer.project.Recovered;
import io.kisflow.designer.project.SavePlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectSessionTest {
    @TempDir
    Path tmp;
    Path project;
    Path state;
    ProjectDocument doc;
    ProjectSession session;

    @BeforeEach
    void copySamples() throws IOException {
        project = tmp.resolve("project");
        state = tmp.resolve("state");
        copyTree(Path.of("conf-samples"), project);
        doc = new ProjectDocument();
        session = new ProjectSession(doc, state, doc::state);
    }

    @Test
    void aDirectoryWithBrokenFilesOpensWhatIsValidAndChangesNothing() throws IOException {
        Files.writeString(project.resolve("broken.yaml"), "kistype: flow\nflow_name: [unclosed\n");
        Files.writeString(project.resolve("student-score/flow-Orphan.yml"), "kistype: flow\nstatus: 1\nflow_name: Orphan\nflows:\n  - fname: NoSuchFunction\n");
        Map<Path, String> before = readAll(project);
        session.open(project);
        assertTrue(doc.state().configs().flows().containsKey("StuScore"), "valid objects open");
        assertTrue(doc.state().configs().flows().containsKey("Orphan"));
        List<Problem> problems = session.loadProblems();
        assertTrue(problems.stream().anyMatch(p -> p.file() != null && p.file().endsWith("broken.yaml") && p.isError()), problems.toString());
        assertEquals(before, readAll(project), "opening writes nothing");
        assertFalse(doc.isDirty());
    }

    @Test
    void saveWritesOnlyWhatChangedAndBecomesTheBaseline() throws IOException {
        session.open(project);
        Map<Path, String> before = readAll(project);
        doc.perform(StepEdits.move("StuScore", 2, "StuScore", 0));
        assertTrue(doc.isDirty());
        assertTrue(doc.titleProperty().get().startsWith("*project"));
        SavePlan plan = session.planSave();
        assertEquals(List.of(project.resolve("student-score/flow-StuScore.yml")), plan.changes().stream().map(FileChange::path).toList());
        session.applySave(plan);
        assertFalse(doc.isDirty());
        assertFalse(doc.titleProperty().get().startsWith("*"));
        Map<Path, String> after = readAll(project);
        after.keySet().forEach(p -> {
            if (!p.endsWith("flow-StuScore.yml")) {
                assertEquals(before.get(p), after.get(p), p + " must stay byte-identical");
            }
        });
        assertTrue(after.get(project.resolve("student-score/flow-StuScore.yml")).startsWith("# Quick start"), "comments are kept");
        assertTrue(session.planSave().isEmpty(), "after a save there is nothing left to save");
    }

    @Test
    void aRenamedFunctionKeepsItsFile() throws IOException {
        session.open(project);
        doc.perform(FunctionEdits.rename("AvgStuScore", "Average"));
        doc.perform(FunctionEdits.setMode("Average", "Verify"));
        session.applySave(session.planSave());
        assertTrue(Files.readString(project.resolve("student-score/func-AvgStuScore.yml")).contains("fname: Average"));
        try (Stream<Path> files = Files.walk(project)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains("func-Average")));
        }
        ConfigSet reread = ConfigLoader.load(project).configs();
        assertEquals("Verify", reread.func("Average").fmode());
        assertEquals("Average", reread.flow("SaveScores").flows().get(1).fname());
    }

    @Test
    void theYamlAsSavedKeepsTheFilesComments() throws IOException {
        session.open(project);
        assertEquals(Files.readString(project.resolve("storage/conn-ScoreStore.yml")), session.savedTextOf(ObjectRef.conn("ScoreStore")),
                "an unchanged object shows its file as it is");
        doc.perform(io.kisflow.designer.edit.ConnectorEdits.update("ScoreStore", "key", c -> c.withKey("avg_")));
        String saved = session.savedTextOf(ObjectRef.conn("ScoreStore"));
        assertTrue(saved.startsWith("# A built-in connector: type file keeps rows"), saved);
        assertTrue(saved.contains("key: avg_"), saved);
        assertNull(session.savedTextOf(ObjectRef.func("Nope")));
    }

    @Test
    void exportWritesTheCanonicalYamlElsewhereWithoutTheSidecar() throws IOException {
        session.open(project);
        doc.perform(StepEdits.remove("StuScore", 2));
        Path out = tmp.resolve("export");
        SavePlan plan = session.planExport(out);
        assertTrue(plan.created().size() >= 14, plan.summary());
        session.applyExport(plan);
        assertEquals(doc.state().configs().flow("StuScore"), ConfigLoader.load(out).configs().flow("StuScore"));
        assertFalse(Files.exists(out.resolve(".kisflow-studio.json")));
        assertTrue(doc.isDirty(), "an export does not save the project");
        assertThrows(IOException.class, () -> session.planExport(project));
    }

    @Test
    void unsavedWorkIsRecoveredAfterACrashAndDiscardedAfterASave() throws IOException {
        session.open(project);
        doc.perform(StepEdits.remove("LoadScores", 1));
        assertTrue(session.autosave(doc.state(), doc.isDirty()));
        assertFalse(session.autosave(doc.state(), doc.isDirty()), "the same state is not written twice");

        ProjectDocument restarted = new ProjectDocument();
        ProjectSession again = new ProjectSession(restarted, state, restarted::state);
        Optional<Recovered> offer = again.open(project);
        assertTrue(offer.isPresent());
        again.restore(offer.get());
        assertEquals("Restored the copy of " + LocalTimes.describe(offer.get().savedAt())
                        + ". Save to keep it. Undo starts from here: the steps before the copy were not kept.",
                restarted.status().text(), "a local time people read, and why Undo is empty");
        assertFalse(restarted.status().text().matches(".*\\d{4}-\\d\\d-\\d\\dT.*"), "no ISO timestamp");
        assertEquals(List.of("LoadAvgScore"), restarted.state().configs().flow("LoadScores").flows().stream().map(s -> s.fname()).toList());
        assertTrue(restarted.isDirty());
        again.applySave(again.planSave());

        ProjectDocument third = new ProjectDocument();
        assertTrue(new ProjectSession(third, state, third::state).open(project).isEmpty(), "a save discards the recovery copy");
    }

    @Test
    void undoingBackToTheSavedStateDropsTheRecoveryCopy() throws IOException {
        session.open(project);
        doc.perform(io.kisflow.designer.edit.FlowEdits.add("Undone", 0));
        assertTrue(session.autosave(doc.state(), doc.isDirty()));
        assertTrue(offeredAtNextStart().isPresent(), "unsaved work has a recovery copy");
        long takenBeforeUndo = session.settledCount();
        var stateBeforeUndo = doc.state();

        doc.undo();
        assertFalse(doc.isDirty());
        assertTrue(offeredAtNextStart().isEmpty(), "the document equals the files again: no copy");
        assertFalse(session.autosave(stateBeforeUndo, true, takenBeforeUndo),
                "an autosave prepared before the undo (on the autosave thread) writes nothing");
        assertTrue(offeredAtNextStart().isEmpty());
        assertTrue(isEmptyDir(state.resolve("recovery")), "the copy file itself is gone");

        doc.redo();
        assertTrue(session.autosave(doc.state(), doc.isDirty()), "redone work is unsaved again and gets its copy");
        assertTrue(offeredAtNextStart().isPresent());
    }

    @Test
    void aCopyThatEqualsTheFilesIsNotOfferedAndIsRemoved() throws IOException {
        session.open(project);
        new io.kisflow.designer.project.RecoveryStore(state).save(project, doc.state().configs(), doc.state().layout());
        ProjectDocument next = new ProjectDocument();
        assertTrue(new ProjectSession(next, state, next::state).open(project).isEmpty());
        assertTrue(isEmptyDir(state.resolve("recovery")), "nothing in it the files do not hold: removed");
    }

    private Optional<Recovered> offeredAtNextStart() throws IOException {
        return new io.kisflow.designer.project.RecoveryStore(state).find(project);
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.noneMatch(f -> f.toString().endsWith(".json"));
        }
    }

    @Test
    void closingWithoutSavingDiscardsTheRecoveryCopy() throws IOException {
        session.open(project);
        doc.perform(StepEdits.remove("LoadScores", 1));
        session.autosave(doc.state(), true);
        session.closeWithoutSaving();
        ProjectDocument again = new ProjectDocument();
        assertTrue(new ProjectSession(again, state, again::state).open(project).isEmpty());
    }

    @Test
    void recentProjectsListTheLastOpenedFirst() throws IOException {
        Path other = tmp.resolve("other");
        copyTree(Path.of("conf-samples"), other);
        session.open(project);
        session.open(other);
        assertEquals(List.of(other, project), session.recentProjects());
        assertThrows(IOException.class, () -> session.open(tmp.resolve("missing")));
    }

    static Map<Path, String> readAll(Path dir) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(p, Files.readString(p));
            }
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
