package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {
    @TempDir
    Path tmp;

    private final ConfigSet edited = ConfigSet.EMPTY.withFunc(FuncConfig.of("f", "Calculate"))
            .withFlow(new FlowConfig(1, "x", List.of(new FlowStep("f", Map.of("k", "v"))), Map.of("custom", 3L)));
    private final ProjectLayout layout = ProjectLayout.EMPTY.withZoom(2).withLaneOrder(List.of("x"));

    @Test
    void savedWorkIsFoundForItsProjectOnlyAndDiscarded() throws Exception {
        Path state = tmp.resolve("state");
        Path project = Files.createDirectories(tmp.resolve("proj"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        RecoveryStore store = new RecoveryStore(state);
        assertTrue(store.find(project).isEmpty());

        Instant before = Instant.now();
        store.save(project, edited, layout);
        Recovered r = new RecoveryStore(state).find(project.resolve("../proj")).orElseThrow(); // a new store: as after a restart
        assertEquals(edited, r.configs());
        assertEquals(layout, r.layout());
        assertFalse(r.savedAt().isBefore(before.minusSeconds(1)));
        assertTrue(store.find(other).isEmpty());
        assertEquals(List.of(project.toAbsolutePath().normalize()), store.pending());

        try (Stream<Path> s = Files.list(project)) {
            assertEquals(0, s.count(), "the project folder is never written");
        }
        try (Stream<Path> s = Files.list(state.resolve(RecoveryStore.FOLDER))) {
            assertEquals(1, s.count(), "one file per project, no temporary files");
        }

        store.save(project, edited.withoutFlow("x"), ProjectLayout.EMPTY);
        assertEquals(edited.withoutFlow("x"), store.find(project).orElseThrow().configs());

        store.discard(project);
        assertTrue(store.find(project).isEmpty());
        assertEquals(List.of(), store.pending());
        store.discard(project); // discarding twice is fine
    }

    @Test
    void damagedCopyIsNotOfferedButKept() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("proj"));
        RecoveryStore store = new RecoveryStore(tmp);
        store.save(project, edited, layout);
        Path file;
        try (Stream<Path> s = Files.list(tmp.resolve(RecoveryStore.FOLDER))) {
            file = s.findFirst().orElseThrow();
        }
        Files.writeString(file, "{ not json");
        assertTrue(store.find(project).isEmpty());
        assertTrue(Files.exists(file));
    }

    @Test
    void aTemporaryFileLeftByAKilledAutosaveIsRemovedWhenTheProjectIsOpenedAgain() throws Exception {
        Path state = tmp.resolve("state");
        Path project = Files.createDirectories(tmp.resolve("proj"));
        RecoveryStore store = new RecoveryStore(state);
        store.save(project, edited, layout);
        Path copy;
        try (Stream<Path> s = Files.list(state.resolve(RecoveryStore.FOLDER))) {
            copy = s.findFirst().orElseThrow();
        }
        Path left = copy.resolveSibling("." + copy.getFileName() + ".123." + "kisflow-tmp");
        Path writing = copy.resolveSibling("." + copy.getFileName() + ".456." + "kisflow-tmp");
        Files.writeString(left, "{\"half\": ");
        Files.setLastModifiedTime(left, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(120)));
        Files.writeString(writing, "{\"being written");

        assertTrue(store.find(project).isPresent());
        assertFalse(Files.exists(left), "left by a crash two minutes ago");
        assertTrue(Files.exists(writing), "may belong to a write in progress in another designer");
    }

    @Test
    void aProjectFileWrittenAfterTheCopyIsFoundNotTheDesignersOwnFolders() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("proj"));
        Path flow = Files.writeString(project.resolve("flow.yml"), "kistype: flow\n");
        Path code = Files.createDirectories(project.resolve("functions")).resolve("F.java");
        Files.writeString(code, "class F {}");
        Instant savedAt = Instant.now();
        Files.setLastModifiedTime(flow, java.nio.file.attribute.FileTime.from(savedAt.minusSeconds(60)));
        Files.setLastModifiedTime(code, java.nio.file.attribute.FileTime.from(savedAt.minusSeconds(60)));
        // the designer's own folder (run history) changes during designer runs: not a change to the project
        Path run = Files.createDirectories(project.resolve(".kisflow-studio/runs")).resolve("r.yml");
        Files.writeString(run, "x: 1\n");
        Files.setLastModifiedTime(run, java.nio.file.attribute.FileTime.from(savedAt.plusSeconds(30)));
        assertTrue(RecoveryStore.changedAfter(project, savedAt).isEmpty(), "nothing of the project changed after the copy");

        Files.setLastModifiedTime(flow, java.nio.file.attribute.FileTime.from(savedAt.plusSeconds(10)));
        Files.setLastModifiedTime(code, java.nio.file.attribute.FileTime.from(savedAt.plusSeconds(20)));
        RecoveryStore.FileChange c = RecoveryStore.changedAfter(project, savedAt).orElseThrow();
        assertEquals(code, c.file(), "the newest change is named");
        assertEquals(savedAt.plusSeconds(20).getEpochSecond(), c.at().getEpochSecond());
    }
}
