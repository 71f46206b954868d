package io.kisflow.designer.files;

import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.project.FileProgress;
import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.designer.project.SavePlan;
import io.kisflow.designer.status.StatusModel;
import io.kisflow.designer.ui.LongWork;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Opening, saving and exporting off the UI thread, shown in the status bar ({@link StatusModel}: what,
 * files done of total, Cancel). One at a time: while one runs the next is refused with a message.
 * Each method is called on the UI thread and returns a future that completes there, after the
 * document was updated (a save's state is the saved baseline, an opened project is shown).
 *
 * <p>What Cancel leaves: a cancelled open shows nothing new (the project open before stays open);
 * a cancelled save or export writes nothing (the save's own all-or-nothing steps undo what was
 * prepared); once a save has decided to replace the files, Cancel is no longer offered. A save
 * writes the state taken when it was planned, so editing while it runs changes nothing it writes.
 *
 * <pre>{@code work.save(plan, state).whenComplete((p, error) -> ...);  // CancellationException when cancelled}</pre>
 */
public final class ProjectWork {
    private final ProjectSession session;
    private final StatusModel status;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long startedNanos;
    private long lastNanos;

    /**
     * @param background where the files are read and written (a worker thread; {@code Runnable::run} in tests that want it done at once)
     * @param ui         the UI thread ({@code Platform::runLater})
     */
    public ProjectWork(ProjectSession session, StatusModel status, Executor background, Executor ui) {
        this.session = session;
        this.status = status;
        this.background = background;
        this.ui = ui;
    }

    /**
     * Reads a project folder ("Opening NAME": each file read of all); the future gives the files,
     * which the caller opens with {@link ProjectSession#open(ProjectFiles)} (it may ask questions first).
     */
    public CompletableFuture<ProjectFiles> read(Path dir) {
        return start("Opening " + name(dir), p -> ProjectSession.read(dir, fileProgress(p)), files -> files);
    }

    /**
     * Writes a save planned from {@code state} ({@link ProjectSession#stateToSave()} then
     * {@link ProjectSession#planSave(DesignState)}); when done, {@code state} is the saved baseline.
     */
    public CompletableFuture<SavePlan> save(SavePlan plan, DesignState state) {
        return start("Saving " + files(plan), p -> {
            p.uninterruptible(); // an interrupt would close a file being written; Cancel is checked between files
            session.writeSave(plan, fileProgress(p));
            return plan;
        }, done -> {
            session.saved(done, state);
            return done;
        });
    }

    /** Writes an export plan ({@link ProjectSession#planExport(Path, DesignState)}) into its folder. */
    public CompletableFuture<SavePlan> export(SavePlan plan) {
        return start("Exporting " + files(plan) + " to " + name(plan.targetDir()), p -> {
            p.uninterruptible();
            session.writeExport(plan, fileProgress(p));
            return plan;
        }, done -> {
            session.exported(done);
            return done;
        });
    }

    /** True from the start of a piece of file work until its future completed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How long the last piece of file work took, start to end (a long one gets a notice). */
    public long lastNanos() {
        return lastNanos;
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Runs {@code job} in the background, then {@code after} on the UI thread; busy until both are done. */
    private <T> CompletableFuture<T> start(String title, LongWork.Job<T> job, java.util.function.UnaryOperator<T> after) {
        if (busy.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Other file work is still running (see the status bar): wait for it to end, or cancel it, then try again."));
        }
        busy.set(true);
        startedNanos = System.nanoTime();
        LongWork<T> work = status.follow(LongWork.start(title, job, background, ui));
        return work.result().thenApply(after).whenComplete((v, e) -> {
            lastNanos = System.nanoTime() - startedNanos;
            busy.set(false);
        });
    }

    /** The runner's progress as the project package reports it: files done of total, Cancel checked at each. */
    private static FileProgress fileProgress(LongWork.Progress p) {
        return new FileProgress() {
            @Override
            public void step(long done, long total, String what) {
                p.checkCancelled();
                p.step(done, total, what + (total > 0 ? " (" + done + " of " + total + ")" : ""));
            }

            @Override
            public boolean decide() {
                return p.decide();
            }
        };
    }

    private static String files(SavePlan plan) {
        int n = plan.changes().size();
        return n + (n == 1 ? " file" : " files");
    }

    private static String name(Path dir) {
        Path n = dir.toAbsolutePath().normalize().getFileName();
        return n == null ? dir.toString() : n.toString();
    }

    /** True when {@code error} (from one of the futures) is a cancel, also when wrapped. */
    public static boolean isCancel(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    /** The words of a failure from one of the futures, without the wrapping. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
