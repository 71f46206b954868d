package io.kisflow.designer.project;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a {@link SavePlan} all or nothing. First every file is checked to still be as the
 * plan saw it (so a file edited elsewhere in the meantime is never overwritten) and every new text
 * is written to a temporary file; only then are the temporary files renamed over their targets and
 * deleted files renamed aside. If any step fails, the steps already done are undone from the
 * original bytes kept in memory, and no temporary file is left behind.
 */
final class SaveTransaction {
    private final AtomicFiles disk;

    SaveTransaction(AtomicFiles disk) {
        this.disk = disk;
    }

    private static final class Step {
        final FileChange change;
        Path target;       // where the bytes go: a linked config file is written through its link
        byte[] original;   // the target's bytes before, for CHANGE and DELETE
        Path temp;         // new text (CREATE/CHANGE) or the deleted file moved aside (DELETE)
        boolean done;

        Step(FileChange change) {
            this.change = change;
        }
    }

    void apply(SavePlan plan) throws IOException {
        List<Step> steps = new ArrayList<>();
        for (FileChange c : plan.changes()) {
            steps.add(new Step(c));
        }
        List<Path> createdDirs = new ArrayList<>();
        try {
            for (Step s : steps) {
                checkUnchanged(s);
            }
            for (Step s : steps) {
                if (s.change.kind() != FileChange.Kind.DELETE) {
                    createDirs(s.target.toAbsolutePath().getParent(), createdDirs);
                    s.temp = disk.writeTemp(s.target, TextFiles.encodeLike(s.original, s.change.newText()));
                }
            }
            for (Step s : steps) {
                commit(s);
            }
        } catch (IOException | RuntimeException e) {
            String undoFailures = rollBack(steps, createdDirs);
            throw new IOException(failureMessage(e, undoFailures), e);
        }
        for (Step s : steps) {
            if (s.temp != null) {
                Files.deleteIfExists(s.temp); // the moved-aside copy of a deleted file
            }
        }
    }

    private static void checkUnchanged(Step s) throws IOException {
        Path p = s.change.path();
        s.target = s.change.kind() == FileChange.Kind.CHANGE && Files.isSymbolicLink(p) ? p.toRealPath() : p;
        if (s.change.kind() == FileChange.Kind.CREATE) {
            if (Files.exists(p)) {
                throw new IOException(p + " was created by someone else after the save was planned; nothing was written. Plan the save again.");
            }
            return;
        }
        if (!Files.isRegularFile(p)) {
            throw new IOException(p + " is gone or is no longer a file since the save was planned; nothing was written. Plan the save again.");
        }
        s.original = Files.readAllBytes(p);
        if (!s.change.oldText().equals(decodeOrNull(s.original))) {
            throw new IOException(p + " was changed on disk after the save was planned; nothing was written. Plan the save again"
                    + " to see and keep those changes.");
        }
    }

    private static String decodeOrNull(byte[] bytes) {
        try {
            return TextFiles.decode(bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void createDirs(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
            missing.add(0, d);
        }
        for (Path d : missing) {
            Files.createDirectory(d);
            created.add(d);
        }
    }

    private void commit(Step s) throws IOException {
        Path target = s.target;
        if (s.change.kind() == FileChange.Kind.DELETE) {
            Path aside = disk.writeTemp(target, new byte[0]);
            s.temp = aside;
            disk.move(target, aside);
        } else {
            disk.move(s.temp, target);
            s.temp = null;
        }
        s.done = true;
    }

    /** Undoes the committed steps in reverse; returns what could not be undone ("" when all was). */
    private String rollBack(List<Step> steps, List<Path> createdDirs) {
        StringBuilder failures = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            Path target = s.target == null ? s.change.path() : s.target;
            try {
                if (s.done) {
                    switch (s.change.kind()) {
                        case CREATE -> Files.deleteIfExists(target);
                        case CHANGE -> restore(target, s.original);
                        case DELETE -> {
                            disk.move(s.temp, target);
                            s.temp = null;
                        }
                    }
                }
                if (s.temp != null) {
                    Files.deleteIfExists(s.temp);
                }
            } catch (IOException | RuntimeException e) {
                failures.append(failures.length() == 0 ? "" : "; ").append(target).append(": ").append(e.getMessage());
            }
        }
        for (int i = createdDirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdDirs.get(i));
            } catch (IOException e) {
                // not empty or not ours to remove: leaving an empty folder loses nothing
            }
        }
        return failures.toString();
    }

    private void restore(Path target, byte[] original) throws IOException {
        Path tmp = disk.writeTemp(target, original);
        try {
            disk.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String failureMessage(Exception e, String undoFailures) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IOException && why.contains("Plan the save again")) {
            return why;
        }
        String what = "Saving failed (" + e.getClass().getSimpleName() + ": " + why + ")";
        return undoFailures.isEmpty()
                ? what + "; every file is as it was before the save."
                : what + "; restoring failed for " + undoFailures + ". Check those files.";
    }
}
