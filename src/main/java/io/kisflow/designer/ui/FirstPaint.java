package io.kisflow.designer.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Background work that waits for the designer's first paint. Until the window's first frame with its
 * project is on screen, the machine's cores are needed by the JavaFX thread, the render thread and
 * the JIT compilers; loading the plugins (the debugger's engine) and the first compile of the
 * function sources begin afterwards instead of competing with them (docs/PERFORMANCE.md, "Designer
 * cold start"). Open unless the designer's start holds it: tests and view-models without a window
 * never wait. A start that never paints waits at most {@link #LONGEST_WAIT_S} seconds.
 *
 * <pre>{@code FirstPaint.hold(); ... show the window ...; FirstPaint.open();   // at the first paint
 * Executor work = FirstPaint.after(pool);   // tasks start once the window is painted}</pre>
 */
public final class FirstPaint {
    /** The longest a background task waits for the paint (a start under heavy load paints after tens of seconds). */
    static final long LONGEST_WAIT_S = 30;
    private static volatile CountDownLatch held;

    private FirstPaint() {
    }

    /** From now until {@link #open()}, {@link #await()} waits. */
    public static void hold() {
        held = new CountDownLatch(1);
    }

    /** The first frame is painted: waiting work goes on. */
    public static void open() {
        CountDownLatch h = held;
        held = null;
        if (h != null) {
            h.countDown();
        }
    }

    /** True while work waits for the first paint. */
    public static boolean isHeld() {
        return held != null;
    }

    /** Waits for the first paint when the start holds it; never on the JavaFX thread (that would stop the paint). */
    public static void await() {
        CountDownLatch h = held;
        if (h == null || javafx.application.Platform.isFxApplicationThread()) {
            return;
        }
        try {
            h.await(LONGEST_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An executor running each task on {@code to} once the first paint is done. */
    public static Executor after(Executor to) {
        return task -> to.execute(() -> {
            await();
            task.run();
        });
    }
}
