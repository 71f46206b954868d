package io.kisflow.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.security.Permission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what ended the process when plugin code calls {@code System.exit} or {@code Runtime.halt}
 * while {@code run} is running a flow. What the JVM allows differs by version:
 * <ul>
 * <li>Java 17 (and 18-23 started with {@code -Djava.security.manager=allow}): a SecurityManager's
 *     {@code checkExit} sees both exit and halt, with the status, before anything ends. The call is
 *     refused: the function fails with a SecurityException naming the call, and the run fails with
 *     exit code 1 like any failing function. The JDK's "terminally deprecated" warning that
 *     installing it prints is not shown (it would appear on every run and is about us, not the user).</li>
 * <li>Java 21+ without a SecurityManager: {@code Runtime.exit} logs the call with its status to the
 *     {@code java.lang.Runtime} logger; a handler there prints one line naming the function before
 *     the process ends with the plugin's status. A shutdown hook covers the rest (it cannot know the
 *     status): a run cut short by an exit or a signal (Ctrl-C, kill) is named on stderr.</li>
 * <li>{@code Runtime.halt} without a SecurityManager runs no hook and logs nothing: the process ends
 *     with the plugin's status and no word. Nothing in the JDK can see it.</li>
 * </ul>
 * Only the real process installs this ({@link Cli#main}); calls outside a run (the command line's
 * own exit) pass untouched.
 */
final class ExitWatch {
    private static final Pattern STATUS = Pattern.compile("status: (-?\\d+)");
    private static final List<String> refused = new CopyOnWriteArrayList<>();
    private static volatile PrintStream err;
    private static volatile boolean reported;
    private static volatile boolean exiting;
    private static boolean installed;
    // JUL keeps loggers weakly: this reference keeps the level and handler set below alive
    private static Logger runtimeLogger;

    private ExitWatch() {
    }

    /** Installs the watch for this process; returns how exits are seen ("refused" on Java 17, "reported" on 21+). */
    static synchronized String install(PrintStream stderr) {
        err = stderr;
        if (installed) {
            return mode();
        }
        installed = true;
        boolean refusing = ExitRefuser.install();
        if (!refusing) {
            watchRuntimeLogger();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(ExitWatch::atShutdown, "kisflow-exit-watch"));
        return mode();
    }

    private static String mode() {
        return System.getSecurityManager() instanceof ExitRefuser ? "refused" : "reported";
    }

    /** The command line ends the process itself: nothing to report or refuse from now on. */
    static void exiting() {
        exiting = true;
    }

    /** What a run is doing, unless the command line is ending the process itself. */
    private static String runDoing() {
        return exiting ? null : RunGuard.doing();
    }

    /** Exits plugin code asked for and was refused since the last call, as sentences; clears them. */
    static List<String> takeRefused() {
        List<String> r = List.copyOf(refused);
        refused.clear();
        return r;
    }

    /** The frame of the code that called exit or halt: the first below the JDK's own frames. */
    static String caller(StackTraceElement[] stack) {
        boolean inExit = false;
        for (StackTraceElement f : stack) {
            boolean jdk = f.getClassName().startsWith("java.") || f.getClassName().startsWith("jdk.")
                    || f.getClassName().startsWith("sun.") || f.getClassName().startsWith(ExitWatch.class.getName());
            if (jdk && (f.getMethodName().equals("exit") || f.getMethodName().equals("halt"))) {
                inExit = true;
            } else if (inExit && !jdk) {
                return RunGuard.frame(f);
            }
        }
        return "an unknown place";
    }

    private static void report(String message) {
        reported = true;
        PrintStream e = err;
        if (e != null) {
            e.println("error: " + message);
            e.flush();
        }
    }

    private static void watchRuntimeLogger() {
        runtimeLogger = Logger.getLogger("java.lang.Runtime");
        runtimeLogger.setLevel(Level.FINE); // System.Logger's DEBUG, the level Runtime.exit logs at (Java 21+)
        runtimeLogger.setUseParentHandlers(false);
        runtimeLogger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String doing = runDoing();
                String message = record.getMessage();
                if (doing == null || message == null || !message.startsWith("Runtime.exit")) {
                    return;
                }
                Matcher m = STATUS.matcher(message);
                String status = m.find() ? m.group(1) : "?";
                StackTraceElement[] stack = record.getThrown() != null ? record.getThrown().getStackTrace()
                        : Thread.currentThread().getStackTrace();
                report("plugin code called System.exit(" + status + ") while " + doing + ", at " + caller(stack)
                        + ": the process ends with status " + status + " and no result (a plugin should throw an exception to fail a run)");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    /** Runs when the process ends by an exit or a signal; says so when a run was cut short and nothing said it yet. */
    private static void atShutdown() {
        String doing = runDoing();
        if (doing == null || reported) {
            return;
        }
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            String at = caller(e.getValue());
            if (!at.equals("an unknown place") && e.getKey() != Thread.currentThread()) {
                report("plugin code called System.exit while " + doing + ", at " + at + ": the run ended there, with no result");
                return;
            }
        }
        report("the process was stopped (a signal such as Ctrl-C or kill) while " + doing + ": the run ended there, with no result");
    }

    /** The Java 17 way: refuse exit and halt during a run, naming the call in the exception that fails the function. */
    @SuppressWarnings("removal")
    private static final class ExitRefuser extends SecurityManager {
        /**
         * Java 17's setSecurityManager prints four WARNING lines about its deprecation to the JVM's
         * first stderr ({@code System.initialErrStream}, not {@code System.err}), on every run: they
         * are about this class, not anything the user can act on. That stream is muted for the call
         * through {@code sun.misc.Unsafe} (module jdk.unsupported, open to every class) rather than
         * reflection into java.base, which needed the jar's manifest to open java.lang: the JVM's
         * launcher handled that {@code Add-Opens} entry on every start, about 30 ms of a 0.6 s
         * {@code run} (docs/PERFORMANCE.md, "Command line cold start"). Where Unsafe cannot reach
         * the field (another JDK) the lines show and everything else works the same.
         */
        static boolean install() {
            InitialErr initialErr = InitialErr.find();
            PrintStream realErr = initialErr == null ? null : initialErr.get();
            try {
                if (realErr != null) {
                    initialErr.set(new PrintStream(OutputStream.nullOutputStream()));
                }
                System.setSecurityManager(new ExitRefuser());
                return true;
            } catch (UnsupportedOperationException | SecurityException e) {
                return false; // Java 18+ without -Djava.security.manager=allow, and 24+ always
            } finally {
                if (realErr != null) {
                    initialErr.set(realErr);
                }
            }
        }

        @Override
        public void checkPermission(Permission perm) {
            // everything is allowed: this manager is only about exits
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
        }

        @Override
        public void checkExit(int status) {
            String doing = runDoing();
            if (doing == null) {
                return; // the command line's own exit, or a plugin's outside any run
            }
            StackTraceElement[] stack = Thread.currentThread().getStackTrace();
            boolean halt = false;
            for (StackTraceElement f : stack) {
                if (f.getClassName().equals("java.lang.Runtime") && f.getMethodName().equals("halt")) {
                    halt = true;
                    break;
                }
            }
            String call = (halt ? "Runtime.halt(" : "System.exit(") + status + ")";
            String sentence = "plugin code called " + call + " while " + doing + ", at " + caller(stack);
            refused.add(sentence);
            throw new SecurityException(call + " refused: plugin code may not end the process during a run"
                    + " (throw an exception to fail the run instead)");
        }
    }

    /** {@code System.initialErrStream}, read and written through Unsafe (see {@link ExitRefuser#install}). */
    @SuppressWarnings({"removal", "deprecation", "sunapi"})
    private record InitialErr(sun.misc.Unsafe unsafe, Object base, long offset) {
        static InitialErr find() {
            try {
                Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                sun.misc.Unsafe u = (sun.misc.Unsafe) theUnsafe.get(null);
                Field f = System.class.getDeclaredField("initialErrStream");
                if (f.getType() != PrintStream.class) {
                    return null;
                }
                return new InitialErr(u, u.staticFieldBase(f), u.staticFieldOffset(f));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // another JDK: the warning shows
            }
        }

        PrintStream get() {
            return (PrintStream) unsafe.getObjectVolatile(base, offset);
        }

        void set(PrintStream stream) {
            unsafe.putObjectVolatile(base, offset, stream);
        }
    }
}
