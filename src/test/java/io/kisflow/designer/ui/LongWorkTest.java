package io.kisflow.designer.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long work off the UI thread (issue 10, §3): progress the UI can show, coalesced; Cancel that stops it; failures passed on. */
class LongWorkTest {
    /** The UI thread's queue, drained by hand: what the work posted to it is counted. */
    private final Deque<Runnable> uiQueue = new ArrayDeque<>();

    private void drain() {
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
    }

    @Test
    void manyStepsPostOneUpdateAndTheResultArrivesOnTheUiThread() throws Exception {
        LongWork<Integer> work = LongWork.start("Saving", p -> {
            for (int i = 1; i <= 10_000; i++) {
                p.checkCancelled();
                p.step(i, 10_000, "Saving file " + i);
            }
            return 10_000;
        }, Runnable::run, uiQueue::add);
        // 10,000 steps while the UI thread was busy: one progress update waiting, then the end
        assertEquals(2, uiQueue.size());
        assertTrue(work.runningProperty().get());
        assertFalse(work.result().isDone(), "the result arrives on the UI thread");
        drain();
        assertEquals("Saving file 10000", work.messageProperty().get());
        assertEquals(1.0, work.progressProperty().get());
        assertFalse(work.runningProperty().get());
        assertEquals(10_000, work.result().get());
    }

    @Test
    void cancelStopsABlockedJobAndTheResultSaysCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        long[] steps = new long[1];
        LongWork<String> work = LongWork.start("Reloading plugins", p -> {
            p.step(0, 0, "Reading plugin.jar");
            while (true) {
                p.checkCancelled();
                steps[0]++;
                started.countDown();
                Thread.sleep(60_000); // a read that would never end on its own
            }
        }, r -> new Thread(r, "long-work").start(), Runnable::run);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertEquals("Reading plugin.jar", work.messageProperty().get());
        assertEquals(-1.0, work.progressProperty().get(), "no total given: unknown progress");
        work.cancel();
        // a future completed with a CancellationException throws it as such
        CancellationException e = assertThrows(CancellationException.class, () -> work.result().get(10, TimeUnit.SECONDS));
        assertEquals("Reloading plugins was cancelled", e.getMessage());
        assertTrue(work.result().isCancelled());
        assertFalse(work.runningProperty().get());
        assertEquals(1, steps[0]);
    }

    @Test
    void aFailureOfTheJobIsTheResult() {
        LongWork<Void> work = LongWork.start("Export", p -> {
            throw new IOException("disk full");
        }, Runnable::run, Runnable::run);
        ExecutionException e = assertThrows(ExecutionException.class, () -> work.result().get());
        assertEquals("disk full", e.getCause().getMessage());
        assertFalse(work.runningProperty().get());
        assertFalse(work.isCancelled());
    }

    @Test
    void pastItsPointOfNoReturnAJobIsNotCancelledAndEndsWithItsValue() {
        boolean[] interrupted = new boolean[1];
        LongWork<String>[] self = new LongWork[1];
        LongWork<String> work = LongWork.start("Saving", p -> {
            p.uninterruptible();
            assertTrue(p.decide(), "not cancelled before: the job may go on");
            self[0].cancel(); // Cancel pressed while the files are replaced
            interrupted[0] = Thread.currentThread().isInterrupted();
            p.checkCancelled();
            return "saved";
        }, r -> {
            // starts once the test holds the work
            uiQueue.add(r);
        }, Runnable::run);
        self[0] = work;
        drain();
        assertEquals("saved", work.result().join());
        assertFalse(work.isCancelled());
        assertFalse(interrupted[0]);
        assertFalse(work.cancellableProperty().get());
    }

    @Test
    void aCancelBeforeThePointOfNoReturnIsHeardThere() {
        LongWork<String>[] self = new LongWork[1];
        boolean[] decided = new boolean[1];
        LongWork<String> work = LongWork.start("Saving", p -> {
            p.uninterruptible();
            self[0].cancel();
            assertFalse(Thread.currentThread().isInterrupted(), "an uninterruptible job is not interrupted");
            decided[0] = p.decide();
            return "saved";
        }, uiQueue::add, Runnable::run);
        self[0] = work;
        drain();
        assertFalse(decided[0]);
        assertTrue(work.result().isCompletedExceptionally());
        assertTrue(work.isCancelled());
    }
}
