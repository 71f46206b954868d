package io.kisflow.designer.files;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Moments as people say them in messages: "14:32 today", "09:05 yesterday", "3 Nov 2026, 14:32",
 * in the computer's time zone (a status line is no place for an ISO timestamp in UTC).
 *
 * <pre>{@code "Restored the copy of " + LocalTimes.describe(savedAt)}</pre>
 */
public final class LocalTimes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private LocalTimes() {
    }

    /** The moment relative to now, in the system time zone. */
    public static String describe(Instant at) {
        return describe(at, Instant.now(), ZoneId.systemDefault());
    }

    public static String describe(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = t.toLocalDate();
        if (day.equals(today)) {
            return TIME.format(t) + " today";
        }
        if (day.equals(today.minusDays(1))) {
            return TIME.format(t) + " yesterday";
        }
        return DAY.format(t);
    }
}
