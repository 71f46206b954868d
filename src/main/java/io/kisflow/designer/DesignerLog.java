package io.kisflow.designer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The designer's log: what the program logs through {@link System.Logger} goes to a rotating file
 * in the state directory, {@code ~/.kisflow-studio/logs/designer-0.log} (1 MB a file, the last five
 * kept as designer-1.log ... designer-4.log). The program's own records from debug on (what it
 * passed over on purpose, with context), other libraries' from info on. The JDK's
 * java.util.logging does the rotating, so no logging library ships with the jar.
 *
 * <pre>{@code Path log = DesignerLog.install(stateDir);  // shown in the unexpected-error dialog}</pre>
 */
public final class DesignerLog {
    public static final String FOLDER = "logs";
    static final int LIMIT_BYTES = 1 << 20;
    static final int FILES = 5;

    /** Kept strongly: java.util.logging forgets a logger (and its level) nobody holds. */
    private static final Logger OURS = Logger.getLogger("io.kisflow");
    private static Handler installed;
    private static Path file;

    private DesignerLog() {
    }

    /**
     * Starts logging to {@code stateDir/logs}; returns the current log file. When the folder cannot
     * be written, the records go to stderr and this returns null. Installing again (another state
     * directory, in tests) replaces the previous file.
     */
    public static synchronized Path install(Path stateDir) {
        close();
        Logger root = Logger.getLogger("");
        Path dir = stateDir.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
            FileHandler handler = new FileHandler(dir.resolve("designer-%g.log").toString(), LIMIT_BYTES, FILES, true);
            handler.setFormatter(new LineFormatter());
            handler.setLevel(Level.ALL);
            handler.setEncoding("UTF-8");
            root.addHandler(handler);
            installed = handler;
            file = dir.resolve("designer-0.log");
        } catch (IOException | RuntimeException e) {
            System.err.println("KisFlow Studio: cannot write the log in " + dir + " (" + e + "); logging to stderr");
        }
        OURS.setLevel(Level.FINE);
        return file;
    }

    /** Stops writing the log file (its lock is released); records go where they went before. */
    public static synchronized void close() {
        if (installed != null) {
            Logger.getLogger("").removeHandler(installed);
            installed.close();
            installed = null;
            file = null;
        }
    }

    /** The current log file, or null when there is none. */
    public static synchronized Path file() {
        return file;
    }

    /** {@code 2026-12-01 18:30:12.345 WARNING [thread] logger: message}, then the stack trace. */
    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(160);
            sb.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ').append(r.getLevel().getName())
                    .append(" [").append(Thread.currentThread().getName()).append("] ")
                    .append(r.getLoggerName()).append(": ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                sb.append(trace);
            }
            return sb.toString();
        }
    }
}
