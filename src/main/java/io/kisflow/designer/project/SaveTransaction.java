package io.kisflow.designer.project;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Carries out a {@link SavePlan} all or nothing, also when the process is killed at any moment.
 * First every file is checked to still be as the plan saw it (so a file edited elsewhere in the
 * meantime is never overwritten). Then a {@link SaveJournal} is written into the target folder, and
 * beside each file its new text and a second name of its old content; the journal is then marked
 * APPLY, which decides the save; only then are the files put in place, each by one rename. If a
 * step fails, every file is put back from its old content. The journal is removed last, then the
 * temporary files. A crash leaves the journal, and {@link SaveJournal#recover} (run when the folder
 * is opened) finishes the save if it was decided and discards it otherwise.
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

        Step(FileChange change) {
            this.change = change;
        }
    }

    void apply(SavePlan plan) throws IOException {
        apply(plan, FileProgress.NONE);
    }

    /**
     * {@link #apply(SavePlan)} reporting each file checked and prepared; a cancel before the save is
     * decided removes what was prepared and throws {@link CancellationException}: every file as before.
     */
    void apply(SavePlan plan, FileProgress progress) throws IOException {
        if (plan.isEmpty()) {
            return;
        }
        Path root = plan.targetDir().toAbsolutePath().normalize();
        if (Files.exists(SaveJournal.file(root))) {
            throw new IOException("An earlier save into " + root + " is unfinished (" + SaveJournal.file(root)
                    + "); nothing was written. Open the project again to finish or undo it, then save.");
        }
        List<Step> steps = new ArrayList<>();
        for (FileChange c : plan.changes()) {
            steps.add(new Step(c));
        }
        int total = steps.size();
        for (Step s : steps) {
            progress.step(0, total, "Checking " + plan.relative(s.change) + " on disk");
            checkUnchanged(s);
        }
        List<Path> createdDirs = new ArrayList<>();
        for (Step s : steps) {
            if (s.change.kind() != FileChange.Kind.DELETE) {
                missingDirs(s.target.toAbsolutePath().getParent(), createdDirs);
            }
        }
        SaveJournal journal = SaveJournal.plan(root, steps.stream().map(s -> s.change.kind()).toList(),
                steps.stream().map(s -> s.target).toList(), createdDirs);
        try {
            journal.write(SaveJournal.State.PREPARE, disk);
            for (Path d : createdDirs) {
                if (!Files.isDirectory(d)) { // the journal's own folder was made with the journal
                    Files.createDirectory(d);
                }
            }
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                progress.step(i, total, "Writing " + plan.relative(steps.get(i).change));
                prepare(steps.get(i), journal.entries().get(i), written);
            }
            disk.flushAll(written);
            if (!progress.decide()) {
                throw new CancellationException("cancelled before the files were replaced");
            }
            journal.write(SaveJournal.State.APPLY, disk);
        } catch (CancellationException e) {
            String left = discard(journal);
            throw new CancellationException(left.isEmpty() ? "Cancelled; every file is as it was before."
                    : "Cancelled; every file is as it was before, but removing the prepared copies failed for " + left + ".");
        } catch (IOException | RuntimeException e) {
            String left = discard(journal);
            throw new IOException(failureMessage(e, left), e);
        }
        progress.step(total, total, "Replacing the files");
        try {
            journal.redo(disk);
        } catch (IOException | RuntimeException e) {
            throw new IOException(failureMessage(e, rollBack(journal)), e);
        }
        journal.finish(false);
    }

    /** The new text and a second name of the old content, beside the target. */
    private void prepare(Step s, SaveJournal.Entry e, List<Path> written) throws IOException {
        if (e.backup() != null) {
            disk.keepCopy(s.target, e.backup(), s.original);
        }
        if (e.image() != null) {
            disk.writeNamed(e.image(), TextFiles.encodeLike(s.original, s.change.newText()), disk.permissionsFor(s.target));
            written.add(e.image());
        }
    }

    /** Before the save was decided: removes what was prepared; returns what could not be removed. */
    private static String discard(SaveJournal journal) {
        try {
            journal.finish(true);
            return "";
        } catch (IOException | RuntimeException e) {
            return journal.file() + ": " + e.getMessage();
        }
    }

    /** After the save was decided but a step failed: puts every old content back; returns what could not be. */
    private String rollBack(SaveJournal journal) {
        try {
            journal.write(SaveJournal.State.ROLLBACK, disk);
        } catch (IOException | RuntimeException e) {
            // the undo below still runs; should the process die during it, the next open finishes the save instead
            System.getLogger(SaveTransaction.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not mark the save journal as rolling back; undoing anyway", e);
        }
        String failures = journal.undo(disk);
        if (failures.isEmpty()) {
            try {
                journal.finish(true);
            } catch (IOException | RuntimeException e) {
                return "the save journal: " + e.getMessage();
            }
        }
        return failures;
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

    private static void missingDirs(Path dir, List<Path> missing) {
        List<Path> add = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d) && !missing.contains(d); d = d.getParent()) {
            add.add(0, d);
        }
        missing.addAll(add);
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
