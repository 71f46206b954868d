package io.kisflow.designer.status;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusModelTest {
    private final StatusModel status = new StatusModel(Runnable::run);

    @Test
    void workShowsWhatHowFarAndEndsClean() {
        assertFalse(status.busyProperty().get());
        assertEquals("", status.messageProperty().get());
        try (StatusModel.Work w = status.begin("Saving 120 files", null)) {
            assertTrue(status.busyProperty().get());
            assertEquals("Saving 120 files", status.messageProperty().get());
            assertEquals(StatusModel.INDETERMINATE, status.progressProperty().get(), "indeterminate until it reports");
            assertFalse(status.cancellableProperty().get());
            w.progress(30, 120);
            assertEquals(0.25, status.progressProperty().get(), 1e-9);
            w.message("Saving 31 of 120 files");
            assertEquals("Saving 31 of 120 files", status.messageProperty().get());
        }
        assertFalse(status.busyProperty().get());
        assertEquals(0, status.progressProperty().get());
        assertEquals("", status.messageProperty().get());
    }

    @Test
    void theLatestWorkShowsAndTheEarlierComesBackWhenItEnds() {
        AtomicInteger cancels = new AtomicInteger();
        StatusModel.Work open = status.begin("Opening big", cancels::incrementAndGet);
        open.progress(1, 2);
        StatusModel.Work input = status.begin("Reading rows.jsonl", null);
        assertEquals("Reading rows.jsonl", status.messageProperty().get());
        assertFalse(status.cancel(), "the work shown cannot be cancelled");
        input.close();
        assertEquals("Opening big", status.messageProperty().get());
        assertEquals(0.5, status.progressProperty().get(), 1e-9);
        assertTrue(status.cancellableProperty().get());
        assertTrue(status.cancel());
        assertEquals(1, cancels.get());
        assertEquals("Opening big (cancelling…)", status.messageProperty().get());
        assertFalse(status.cancellableProperty().get(), "cancelled once");
        open.close();
        assertFalse(status.busyProperty().get());
    }
}
