package io.kisflow.designer.files;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z"); // 16:00 in Berlin

    @Test
    void momentsReadAsPeopleSayThemInTheLocalZone() {
        assertEquals("14:32 today", LocalTimes.describe(Instant.parse("2026-12-01T13:32:10Z"), NOW, BERLIN));
        assertEquals("00:30 today", LocalTimes.describe(Instant.parse("2026-11-30T23:30:00Z"), NOW, BERLIN), "today in Berlin, yesterday in UTC");
        assertEquals("09:05 yesterday", LocalTimes.describe(Instant.parse("2026-11-30T08:05:00Z"), NOW, BERLIN));
        assertEquals("3 Nov 2026, 14:32", LocalTimes.describe(Instant.parse("2026-11-03T13:32:00Z"), NOW, BERLIN));
    }
}
