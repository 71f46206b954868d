package io.kisflow.designer.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work that takes long (opening a large project, saving many files, an export, reloading plugins,
 * a long run) off the UI thread, with progress the UI can show and a Cancel it can offer. The job
 * reports steps through {@link Progress}; the properties change on the UI thread only, at most once
 * per UI turn however fast the job reports (a job saving 6,000 files does not post 6,000 updates).
 * Cancel sets a flag the job checks between steps and interrupts it (a blocked read or sleep ends
 * at once); the result then fails with a {@link CancellationException}. The properties are what a
 * status bar binds to; {@link LongWorkDialog} shows them meanwhile.
 *
 * <pre>{@code LongWork<Integer> w = LongWork.start("Saving", p -> { for (...) { p.checkCancelled(); p.step(i, n, "Saving " + f); } return n; },
 *         background, Platform::runLater);
 * w.result().whenComplete((n, error) -> ...);  // on the UI thread}</pre>
 */
public final class LongWork<T> {
    /** The work itself, run off the UI thread. */
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    /** What a job sees: where to report its steps and whether it was cancelled. */
    public static final class Progress {
        private final LongWork<?> work;

        private Progress(LongWork<?> work) {
            this.work = work;
        }

        /** {@code done} of {@code total} steps (total 0 or less: unknown), and what is being done now. */
        public void step(long done, long total, String message) {
            work.latest.set(new Step(total > 0 ? Math.min(1.0, (double) done / total) : -1, message));
            if (work.posted.compareAndSet(false, true)) {
                work.ui.execute(work::publish);
            }
        }

        public boolean isCancelled() {
            return work.cancelled.get();
        }

        /**
         * From now on Cancel only sets the flag the job checks between steps, without interrupting it:
         * for a job writing files, whose channels an interrupt would close half way.
         */
        public void uninterruptible() {
            work.interruptible = false;
        }

        /**
         * The point of no return (a save about to replace the files): false when Cancel was pressed
         * before it, and then the job must undo and stop; true, and Cancel no longer applies.
         */
        public boolean decide() {
            synchronized (work) {
                if (work.cancelled.get()) {
                    return false;
                }
                work.decided = true;
            }
            work.ui.execute(() -> work.cancellable.set(false));
            return true;
        }

        /** Throws {@link CancellationException} once Cancel was pressed: call it between steps. */
        public void checkCancelled() {
            if (work.cancelled.get()) {
                throw new CancellationException(work.title + " was cancelled");
            }
        }
    }

    private record Step(double fraction, String message) {
    }

    private final String title;
    private final Executor ui;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean posted = new AtomicBoolean();
    private final AtomicReference<Step> latest = new AtomicReference<>();
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable", true);
    private volatile boolean interruptible = true;
    /** Set once the job passed its point of no return; guarded by this. */
    private boolean decided;

    private LongWork(String title, Executor ui) {
        this.title = title;
        this.ui = ui;
    }

    /**
     * Starts {@code job} on {@code background}; {@code ui} runs the property changes and completes
     * {@link #result()} ({@code Platform::runLater} in the window).
     */
    public static <T> LongWork<T> start(String title, Job<T> job, Executor background, Executor ui) {
        LongWork<T> work = new LongWork<>(title, ui);
        work.message.set(title + "...");
        background.execute(() -> work.runJob(job));
        return work;
    }

    private void runJob(Job<T> job) {
        worker.set(Thread.currentThread());
        T value = null;
        Throwable failure = null;
        try {
            if (cancelled.get()) {
                throw new CancellationException(title + " was cancelled");
            }
            value = job.run(new Progress(this));
            if (cancelled.get()) {
                failure = new CancellationException(title + " was cancelled");
            }
        } catch (InterruptedException e) {
            failure = cancelled.get() ? new CancellationException(title + " was cancelled") : e;
        } catch (Throwable e) {
            failure = cancelled.get() && !(e instanceof CancellationException) ? new CancellationException(title + " was cancelled") : e;
        } finally {
            worker.set(null);
            Thread.interrupted(); // a cancel's interrupt ends with the job, not in the pool's next task
        }
        T done = value;
        Throwable failed = failure;
        ui.execute(() -> {
            publish();
            running.set(false);
            cancellable.set(false);
            if (failed == null) {
                progress.set(1);
                result.complete(done);
            } else {
                result.completeExceptionally(failed);
            }
        });
    }

    private void publish() {
        posted.set(false);
        Step s = latest.get();
        if (s != null) {
            progress.set(s.fraction());
            message.set(s.message());
        }
    }

    /** Asks the job to stop: the flag it checks between steps, and an interrupt for what it waits on. */
    public void cancel() {
        synchronized (this) {
            if (decided || !cancelled.compareAndSet(false, true)) {
                return; // past the point of no return, or cancelled already
            }
        }
        Thread t = worker.get();
        if (t != null && interruptible) {
            t.interrupt();
        }
    }

    public String title() {
        return title;
    }

    /** Completes on the UI thread: the job's value, its failure, or a {@link CancellationException}. */
    public CompletableFuture<T> result() {
        return result;
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** What is being done now ("Saving flow-StuScore.yml"). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** 0 to 1; -1 while the job has not said how much there is. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True until the job ends or passes its point of no return ({@link Progress#decide()}). */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
