package io.kisflow.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The command line's log: what the program logs through {@link System.Logger} (on the JDK's
 * java.util.logging) goes to stderr, one line a record ({@code debug: io.kisflow.config.X: what
 * happened: the exception}), from {@code --log-level} on (default {@code warn}). A stack trace
 * follows only with {@code --debug}. Installed for one command and removed after it, so that the
 * command line run inside another program (the tests) leaves its logging as it was.
 *
 * <pre>{@code try (CliLogging log = CliLogging.install("debug", false, System.err)) { ... }}</pre>
 */
final class CliLogging implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Handler[] before;
    private final Level levelBefore;
    private final Handler handler;

    private CliLogging(Level level, boolean traces, PrintStream err) {
        before = root.getHandlers();
        levelBefore = root.getLevel();
        handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) {
                    return;
                }
                StringBuilder line = new StringBuilder(name(r.getLevel())).append(": ").append(r.getLoggerName())
                        .append(": ").append(r.getMessage() == null ? "" : formatMessage(r));
                if (r.getThrown() != null) {
                    line.append(": ").append(r.getThrown());
                }
                synchronized (err) {
                    err.println(line);
                    if (traces && r.getThrown() != null) {
                        r.getThrown().printStackTrace(err);
                    }
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setLevel(level);
        for (Handler h : before) {
            root.removeHandler(h);
        }
        root.addHandler(handler);
        root.setLevel(level);
    }

    /** Logs to {@code err} from {@code levelName} on; an unknown level is a usage error. */
    static CliLogging install(String levelName, boolean traces, PrintStream err) {
        return new CliLogging(level(levelName), traces, err);
    }

    static Level level(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.FINEST;
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            case "off" -> Level.OFF;
            default -> throw new UsageException("--log-level needs one of " + String.join(", ", CliSpec.LOG_LEVELS) + ", not '" + name + "'");
        };
    }

    private static String name(Level l) {
        int v = l.intValue();
        return v >= Level.SEVERE.intValue() ? "error" : v >= Level.WARNING.intValue() ? "warning"
                : v >= Level.INFO.intValue() ? "info" : v >= Level.FINE.intValue() ? "debug" : "trace";
    }

    private static String formatMessage(LogRecord r) {
        return new java.util.logging.SimpleFormatter().formatMessage(r);
    }

    @Override
    public void close() {
        handler.flush();
        root.removeHandler(handler);
        for (Handler h : before) {
            root.addHandler(h);
        }
        root.setLevel(levelBefore);
    }
}
