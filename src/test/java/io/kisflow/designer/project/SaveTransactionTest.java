package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveTransactionTest {
    @TempDir
    Path dir;

    /** Fails the n-th rename (1-based), as a full disk or a locked file would. */
    static final class FailingMove extends AtomicFiles {
        private final int failAt;
        private int moves;

        FailingMove(int failAt) {
            this.failAt = failAt;
        }

        @Override
        void move(Path from, Path to) throws IOException {
            if (++moves == failAt) {
                throw new IOException("simulated failure renaming onto " + to.getFileName());
            }
            super.move(from, to);
        }
    }

    private SavePlan plan() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("b.yaml"), "b: 1\n");
        Files.writeString(dir.resolve("gone.yaml"), "g: 1\n");
        return new SavePlan(dir, List.of(
                new FileChange(dir.resolve("a.yaml"), FileChange.Kind.CHANGE, "a: 1\n", "a: 2\n"),
                new FileChange(dir.resolve("sub/new.yaml"), FileChange.Kind.CREATE, null, "n: 1\n"),
                new FileChange(dir.resolve("b.yaml"), FileChange.Kind.CHANGE, "b: 1\n", "b: 2\n"),
                new FileChange(dir.resolve("gone.yaml"), FileChange.Kind.DELETE, "g: 1\n", null)));
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void appliesEveryChangeAndLeavesNoTemporaryFile() throws Exception {
        SavePlan plan = plan();
        new SaveTransaction(new AtomicFiles()).apply(plan);
        assertEquals(Map.of("a.yaml", "a: 2\n", "b.yaml", "b: 2\n", "sub/new.yaml", "n: 1\n"), snapshot());
    }

    @Test
    void failureMidWayRestoresEveryOriginal() throws Exception {
        SavePlan plan = plan();
        Map<String, String> before = snapshot();
        for (int failAt = 1; failAt <= 4; failAt++) {
            SaveTransaction tx = new SaveTransaction(new FailingMove(failAt));
            IOException e = assertThrows(IOException.class, () -> tx.apply(plan));
            assertTrue(e.getMessage().contains("every file is as it was before the save"), e.getMessage());
            assertEquals(before, snapshot(), "after a failure at rename " + failAt);
            assertFalse(Files.exists(dir.resolve("sub")), "a folder created for the save is removed again");
        }
    }

    @Test
    void fileChangedSinceThePlanIsNeverOverwritten() throws Exception {
        SavePlan plan = plan();
        Files.writeString(dir.resolve("b.yaml"), "b: edited elsewhere\n");
        Map<String, String> before = snapshot();
        IOException e = assertThrows(IOException.class, () -> new SaveTransaction(new AtomicFiles()).apply(plan));
        assertTrue(e.getMessage().contains("b.yaml was changed on disk after the save was planned"), e.getMessage());
        assertEquals(before, snapshot());

        Files.writeString(dir.resolve("b.yaml"), "b: 1\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/new.yaml"), "someone else's\n");
        e = assertThrows(IOException.class, () -> new SaveTransaction(new AtomicFiles()).apply(plan));
        assertTrue(e.getMessage().contains("new.yaml was created by someone else"), e.getMessage());
        assertEquals("someone else's\n", Files.readString(dir.resolve("sub/new.yaml")));
    }
}
