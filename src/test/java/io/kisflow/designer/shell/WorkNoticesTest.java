package io.kisflow.designer.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When finished long work gets a notification: only where the user may not be looking. */
class WorkNoticesTest {
    @Test
    void aRunGetsANoticeWhenTheWindowIsInTheBackgroundOrALongRunEndsOnAnotherTab() {
        assertTrue(WorkNotices.afterRun(false, true, 1_000_000), "window in the background: always");
        assertTrue(WorkNotices.afterRun(true, false, 3_000_000_000L), "a long run, Run tab hidden");
        assertFalse(WorkNotices.afterRun(true, false, 100_000_000L), "a short run is seen on the cards");
        assertFalse(WorkNotices.afterRun(true, true, 9_000_000_000L), "the Run tab shows it");
    }

    @Test
    void aSaveOfManyFilesAndEveryExportGetANotice() {
        WorkNotices notices = new WorkNotices(() -> null);
        notices.saved(3, "shop");
        assertEquals(List.of(), notices.shown());
        notices.saved(25, "shop");
        notices.exported(1, "/tmp/out");
        assertEquals(List.of("Saved: 25 files written to shop.", "Exported: 1 file written to /tmp/out."), notices.shown());
    }
}
