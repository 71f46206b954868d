package io.kisflow.designer.debug;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A run kept on disk, as the history lists it before it is opened: read from the file's first line
 * only ({@link RunFile#header}).
 *
 * @param file      the run's file under the project's {@code .kisflow-studio/runs/}
 * @param flowName  the flow it ran
 * @param number    its run number (numbers go on across sessions of the project)
 * @param startedAt when it started
 * @param label     the history's line for it ("Run #3 · finished · 4 calls · ...")
 * @param bytes     the file's size
 */
public record StoredRun(Path file, String flowName, int number, Instant startedAt, String label, long bytes) {
    /** "Run #3 · finished · 4 calls · 2.10 ms … · 21:35:12 · 1.2 MB". */
    @Override
    public String toString() {
        return label + " · " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault()).format(startedAt) + " · " + size(bytes);
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
