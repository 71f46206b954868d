package io.kisflow.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The command line's log: what the program logs through {@link System.Logger} (on the JDK's
 * java.util.logging) goes to stderr, one line a record ({@code debug: io.kisflow.config.X: what
 * happened: the exception}), from {@code --log-level} on (default {@code warn}); a stack trace
 * follows only with {@code --debug}. Installed for one command and removed after it, so that the
 * command line run inside another program (the tests) leaves that program's logging as it was.
 * Without {@code --log-level} the process installs nothing up front: {@link OnFirstUse} sets the
 * same up the first time anything logs, so a run that logs nothing never starts java.util.logging.
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
        handler = new StderrHandler(err, traces);
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

    @Override
    public void close() {
        handler.flush();
        root.removeHandler(handler);
        for (Handler h : before) {
            root.addHandler(h);
        }
        root.setLevel(levelBefore);
    }

    /**
     * Named by {@code java.util.logging.config.class} in the command line's process: the JDK creates
     * it when logging is first used, in place of reading its logging.properties.
     */
    public static final class OnFirstUse {
        public OnFirstUse() throws IOException {
            String config = "handlers=" + StderrHandler.class.getName() + "\n.level=WARNING\n";
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** One line a record on stderr: {@code warning: logger: message: exception}. */
    public static final class StderrHandler extends Handler {
        private final PrintStream err;
        private final boolean traces;
        private final SimpleFormatter text = new SimpleFormatter();

        /** What {@link OnFirstUse} installs: the process's stderr, no stack traces. */
        public StderrHandler() {
            this(System.err, false);
        }

        StderrHandler(PrintStream err, boolean traces) {
            this.err = err;
            this.traces = traces;
        }

        @Override
        public void publish(LogRecord r) {
            if (!isLoggable(r)) {
                return;
            }
            StringBuilder line = new StringBuilder(name(r.getLevel())).append(": ").append(r.getLoggerName())
                    .append(": ").append(r.getMessage() == null ? "" : text.formatMessage(r));
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

        private static String name(Level l) {
            int v = l.intValue();
            return v >= Level.SEVERE.intValue() ? "error" : v >= Level.WARNING.intValue() ? "warning"
                    : v >= Level.INFO.intValue() ? "info" : v >= Level.FINE.intValue() ? "debug" : "trace";
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
