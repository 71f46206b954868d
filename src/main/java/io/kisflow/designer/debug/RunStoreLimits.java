package io.kisflow.designer.debug;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How much run history a project keeps on disk: at most {@code maxRuns} runs and {@code maxBytes}
 * bytes in all; the oldest runs are dropped first. The user's preferences
 * ({@code ~/.kisflow-studio/designer.properties}: {@code runHistory.maxRuns},
 * {@code runHistory.maxMegabytes}) change the defaults.
 *
 * <pre>{@code RunStoreLimits limits = RunStoreLimits.load(stateDir);}</pre>
 */
public record RunStoreLimits(int maxRuns, long maxBytes) {
    public static final int DEFAULT_RUNS = 50;
    public static final long DEFAULT_BYTES = 512L * 1024 * 1024;

    public RunStoreLimits {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("the run history must keep at least 1 run, not " + maxRuns);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the run history's size limit must be positive, not " + maxBytes);
        }
    }

    public static RunStoreLimits defaults() {
        return new RunStoreLimits(DEFAULT_RUNS, DEFAULT_BYTES);
    }

    /** The limits in the preferences of {@code stateDir}; a missing or unusable value keeps its default. */
    public static RunStoreLimits load(Path stateDir) {
        Properties p = new Properties();
        Path file = stateDir == null ? null : stateDir.resolve("designer.properties");
        if (file != null && Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                return defaults();   // unreadable preferences: the defaults apply, as for the theme
            }
        }
        int runs = positive(p.getProperty("runHistory.maxRuns"), DEFAULT_RUNS);
        long mb = positive(p.getProperty("runHistory.maxMegabytes"), (int) (DEFAULT_BYTES >> 20));
        return new RunStoreLimits(runs, mb << 20);
    }

    private static int positive(String v, int otherwise) {
        try {
            int n = v == null ? otherwise : Integer.parseInt(v.trim());
            return n > 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
