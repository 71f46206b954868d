package io.kisflow.designer.debug;

import java.util.Locale;

/**
 * How the run views write a duration, in one place: milliseconds below a second ("0.42 ms",
 * "12.3 ms", "950.0 ms"), seconds above it ("2.92 s", "12.4 s"), minutes from a minute ("2 min 05 s"),
 * because "2921.3 ms" makes the reader count digits.
 *
 * <pre>{@code Durations.millis(2921.3)   // "2.92 s"}</pre>
 */
public final class Durations {
    private Durations() {
    }

    /** A duration given in milliseconds. */
    public static String millis(double ms) {
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 999.95) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        double s = ms / 1000;
        if (s < 9.995) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        if (s < 59.95) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = Math.round(s);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    /** A duration given in nanoseconds. */
    public static String nanos(long nanos) {
        return millis(nanos / 1_000_000.0);
    }
}
