package io.kisflow.engine;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A step controller for a debugger: {@link #pause()} makes the run stop before the next function,
 * {@link #step()} lets exactly one function run and stops again, {@link #resume()} lets the run go
 * on, {@link #abort()} ends it with "aborted by user". A breakpoint predicate pauses before matching
 * functions while running. All methods may be called from any thread; the run blocks on its own thread.
 *
 * <pre>{@code Stepper stepper = new Stepper();
 * stepper.pause();                       // stop before the first function
 * flow.setStepController(stepper);
 * new Thread(() -> runQuietly(flow)).start();
 * stepper.awaitPaused(Duration.ofSeconds(5));
 * System.out.println(flow.levels());     // inspect while paused
 * stepper.step();}</pre>
 */
public final class Stepper implements StepController {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean pauseRequested;
    private boolean aborted;
    private FunctionStart pausedAt;
    private long releases;
    private Predicate<FunctionStart> breakpoint = e -> false;
    private Consumer<FunctionStart> onPause = e -> {
    };

    /** Pause before the next function (the run in progress, or the next run). */
    public void pause() {
        lock.lock();
        try {
            pauseRequested = true;
        } finally {
            lock.unlock();
        }
    }

    /** When paused: run the paused function, then pause again before the following one. */
    public void step() {
        lock.lock();
        try {
            pauseRequested = true;
            release();
        } finally {
            lock.unlock();
        }
    }

    /** Run on without pausing (breakpoints still pause). */
    public void resume() {
        lock.lock();
        try {
            pauseRequested = false;
            release();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the current run before its next function with "aborted by user"; the next run starts normally. */
    public void abort() {
        lock.lock();
        try {
            aborted = true;
            release();
        } finally {
            lock.unlock();
        }
    }

    /** Functions for which this predicate is true pause the run even while it is resumed. */
    public void setBreakpoint(Predicate<FunctionStart> breakpoint) {
        lock.lock();
        try {
            this.breakpoint = breakpoint == null ? e -> false : breakpoint;
        } finally {
            lock.unlock();
        }
    }

    /** Called on the running thread each time the run pauses (for example to refresh a view). */
    public void setOnPause(Consumer<FunctionStart> onPause) {
        lock.lock();
        try {
            this.onPause = onPause == null ? e -> {
            } : onPause;
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        return pausedAt() != null;
    }

    /** The function the run is paused before, or null when it is not paused. */
    public FunctionStart pausedAt() {
        lock.lock();
        try {
            return pausedAt;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the run is paused; false when the timeout passed first. */
    public boolean awaitPaused(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (pausedAt == null) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void runStarted(RunStart e) {
        lock.lock();
        try {
            aborted = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void runEnded(RunEnd e) {
        lock.lock();
        try {
            pausedAt = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void beforeFunction(FunctionStart e) throws InterruptedException {
        Consumer<FunctionStart> listener;
        long generation;
        lock.lock();
        try {
            if (aborted) {
                throw new RunAbortedException();
            }
            if (!pauseRequested && !breakpoint.test(e)) {
                return;
            }
            pausedAt = e;
            generation = releases;
            listener = onPause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        listener.accept(e);
        lock.lock();
        try {
            while (releases == generation && !aborted) {
                changed.await();
            }
            if (aborted) {
                throw new RunAbortedException();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the paused run; it is no longer paused from the callers' point of view. */
    private void release() {
        releases++;
        pausedAt = null;
        changed.signalAll();
    }
}
