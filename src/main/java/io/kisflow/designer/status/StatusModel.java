package io.kisflow.designer.status;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import io.kisflow.designer.ui.LongWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The long work the window's status bar shows: what is being done ("Saving 120 files"), how far it
 * is (0 to 1, or {@link #INDETERMINATE}), and a Cancel button while the work can be cancelled. Any
 * part of the designer that starts long work (opening a large project, saving many files, export,
 * plugin reload, reading a big input, a long run) calls {@link #begin} and reports on the handle it
 * gets, from any thread: updates reach the properties on the UI thread. Several works at once show
 * the latest begun; when it ends, the one before it shows again. No work: an empty message and no bar.
 *
 * <pre>{@code try (StatusModel.Work w = vm.status.begin("Saving 120 files", task::cancel)) {
 *     for (int i = 0; i < files.size(); i++) { write(files.get(i)); w.progress(i + 1, files.size()); }
 * }}</pre>
 */
public final class StatusModel {
    /** {@link #progressProperty()} of work whose end cannot be told (shown as a moving bar). */
    public static final double INDETERMINATE = -1;

    private final Executor ui;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable", false);
    /** Works begun and not ended, oldest first; touched on the UI thread only. */
    private final List<Work> works = new ArrayList<>();

    /** @param ui runs property updates on the UI thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public StatusModel(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /**
     * Starts showing a piece of long work, indeterminate until it reports progress.
     *
     * @param what   what is being done, as the status bar says it ("Reading rows.jsonl")
     * @param cancel what the Cancel button does; null when the work cannot be cancelled
     */
    public Work begin(String what, Runnable cancel) {
        Work w = new Work(what, cancel);
        ui.execute(() -> {
            works.add(w);
            show();
        });
        return w;
    }

    /**
     * Shows a {@link LongWork} until it ends: its message, its progress, and Cancel until it ends or
     * passes its point of no return. Call on the UI thread (the work's updates arrive there).
     */
    public <T> LongWork<T> follow(LongWork<T> work) {
        Work w = begin(work.messageProperty().get(), work::cancel);
        work.messageProperty().addListener((o, a, now) -> w.message(now));
        work.progressProperty().addListener((o, a, now) -> w.fraction(now.doubleValue()));
        work.cancellableProperty().addListener((o, was, now) -> {
            if (!now) {
                w.uncancellable();
            }
        });
        work.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                w.close();
            }
        });
        if (!work.runningProperty().get()) {
            w.close();
        }
        return work;
    }

    private void show() {
        Work top = null;
        for (int i = works.size() - 1; i >= 0 && top == null; i--) {
            top = works.get(i);
        }
        busy.set(top != null);
        message.set(top == null ? "" : top.message);
        progress.set(top == null ? 0 : top.fraction);
        cancellable.set(top != null && top.cancel != null && !top.cancelled && !top.decided);
    }

    /** Cancels the work shown (the status bar's Cancel button); false when it cannot be cancelled. */
    public boolean cancel() {
        Work top = works.isEmpty() ? null : works.get(works.size() - 1);
        if (top == null || top.cancel == null || top.cancelled || top.decided) {
            return false;
        }
        top.cancelled = true;
        top.message = top.message + " (cancelling…)";
        show();
        top.cancel.run();
        return true;
    }

    /** What the shown work is doing; "" when none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** 0 to 1, or {@link #INDETERMINATE}; 0 when no work is shown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while any work is shown. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the shown work can be cancelled. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    /** One piece of long work; report on it from any thread, close it when done (also on failure). */
    public final class Work implements AutoCloseable {
        private final Runnable cancel;
        private String message;
        private double fraction = INDETERMINATE;
        private boolean cancelled;
        /** Past its point of no return: Cancel no longer applies. */
        private boolean decided;

        private Work(String what, Runnable cancel) {
            this.message = what;
            this.cancel = cancel;
        }

        /** {@code done} of {@code total} steps (files, rows, bytes); a total of 0 or less is indeterminate. */
        public void progress(long done, long total) {
            double f = total <= 0 ? INDETERMINATE : Math.max(0, Math.min(1, (double) done / total));
            ui.execute(() -> {
                fraction = f;
                show();
            });
        }

        private void fraction(double f) {
            ui.execute(() -> {
                fraction = f < 0 ? INDETERMINATE : Math.min(1, f);
                show();
            });
        }

        /** The work passed its point of no return (a save replacing the files): Cancel is no longer offered. */
        public void uncancellable() {
            ui.execute(() -> {
                decided = true;
                show();
            });
        }

        /** Changes what the status bar says about this work ("Saving 37 of 120 files"). */
        public void message(String text) {
            ui.execute(() -> {
                message = cancelled ? text + " (cancelling…)" : text;
                show();
            });
        }

        /** The work ended (done, failed or cancelled): the status bar stops showing it. */
        @Override
        public void close() {
            ui.execute(() -> {
                works.remove(this);
                show();
            });
        }
    }
}
