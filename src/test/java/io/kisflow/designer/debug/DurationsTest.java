package io.kisflow.designer.debug;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Times over a second read as seconds: the trial saw "2921.3 ms" in the timings and history. */
class DurationsTest {
    @Test
    void underASecondInMillisecondsAboveInSecondsAboveAMinuteInMinutes() {
        assertEquals("0.42 ms", Durations.millis(0.42));
        assertEquals("12.3 ms", Durations.millis(12.34));
        assertEquals("999.9 ms", Durations.millis(999.9));
        assertEquals("1.00 s", Durations.millis(999.96));
        assertEquals("2.92 s", Durations.millis(2921.3));
        assertEquals("12.4 s", Durations.millis(12_400));
        assertEquals("2 min 05 s", Durations.millis(125_000));
    }

    @Test
    void theRunRecordAndTheRunViewsWriteTheSame() {
        assertEquals("6.10 s", RunRecord.millis(6_099_000_000L));
        assertEquals("2.10 ms", RunRecord.millis(2_100_000L));
    }
}
