package io.kisflow.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Runs the body of {@code run} on a thread of its own, so that plugin code cannot take the command
 * line down with it: the run ends with one line on stderr when it outlives its timeout (the flow is
 * aborted, which ends functions blocked in interruptible calls; one that spins is left behind and
 * the process ends anyway), when it runs out of memory, or when plugin code calls {@code System.exit}
 * ({@link ExitWatch}). While it runs, {@code System.out} goes to stderr: stdout holds the result alone.
 *
 * <p>{@link #doing} says what the run is doing at any moment ("function VerifyStu of flow StuScore"),
 * for those messages.
 */
final class RunGuard {
    /** What the current run is doing, for messages; null when no run is going on. */
    private static volatile String doing;
    private static volatile Thread worker;
    private static volatile Thread timedOut;

    private RunGuard() {
    }

    /**
     * Called on the run's thread as it goes from one step to the next. A thread left behind by a
     * timeout stops here (loading and reading cannot be aborted like a flow, but they end at the next step).
     */
    static void doing(String what) {
        Thread me = Thread.currentThread();
        if (me == timedOut) {
            throw new IllegalStateException("the run timed out; not going on to " + what);
        }
        if (me == worker) {
            doing = what;
        }
    }

    /** What the run is doing now, or null outside a run. */
    static String doing() {
        return doing;
    }

    /** The thread running the current run's body, or null. */
    static Thread worker() {
        return worker;
    }

    /**
     * Calls {@code body} on a new thread and waits at most {@code timeout} (zero: no limit) for it.
     * Exceptions of the body come out of this method as they are; an Error of the body becomes a
     * CommandException.
     *
     * @param onTimeout called on timeout, before the grace period, to stop the run (it aborts the flow)
     */
    static int run(Duration timeout, PrintStream err, Runnable onTimeout, Callable<Integer> body) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.set(body.call());
            } catch (Throwable t) {
                outcome.set(new Failure(t, doing)); // read before anything else runs: what failed
            }
        }, "kisflow-run");
        thread.setDaemon(true); // a function that never returns must not keep the process alive
        PrintStream stdout = System.out;
        worker = thread;
        doing = "the run was starting";
        System.setOut(err);
        try {
            thread.start();
            if (!join(thread, timeout)) {
                String during = doing;
                timedOut = thread;
                onTimeout.run();
                boolean ended = join(thread, Duration.ofSeconds(2));
                throw new CommandException("the run timed out after " + Durations.format(timeout) + " while " + during
                        + (ended ? "; it was aborted" : "; that code does not stop when asked, it was last at " + where(thread))
                        + " (give --timeout a longer time, or --timeout 0 for none)");
            }
        } finally {
            System.setOut(stdout);
            doing = null;
            worker = null;
        }
        Object result = outcome.get();
        if (result instanceof Integer code) {
            return code;
        }
        Failure f = (Failure) result;
        if (f.error() instanceof RuntimeException e) {
            throw e;
        }
        if (f.error() instanceof OutOfMemoryError e) {
            throw new CommandException("out of memory while " + f.during() + ": the JVM may use at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; give it more (java -Xmx4g -jar ...)"
                    + " or run fewer rows at a time", e);
        }
        StackTraceElement[] stack = f.error().getStackTrace();
        throw new CommandException("the run ended with " + f.error() + " while " + f.during()
                + (stack.length == 0 ? "" : " (at " + frame(stack[0]) + ")"), f.error());
    }

    private record Failure(Throwable error, String during) {
    }

    private static boolean join(Thread thread, Duration timeout) {
        long deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    thread.join(Math.max(1, Math.min(left / 1_000_000, 60_000)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Where a thread is, for a timeout message: its frames down to the engine's (the code that does not stop), at most three. */
    static String where(Thread thread) {
        String at = Arrays.stream(thread.getStackTrace())
                .takeWhile(f -> !f.getClassName().startsWith("io.kisflow.engine."))
                .filter(f -> !f.getClassName().contains("$$Lambda"))
                .limit(3).map(RunGuard::frame).collect(Collectors.joining(" < "));
        return at.isEmpty() ? "an unknown place" : at;
    }

    /** A frame as a reader wants it: Class.method(File.java:12), without the class loader and module prefixes. */
    static String frame(StackTraceElement f) {
        return f.getClassName() + "." + f.getMethodName() + "("
                + (f.getFileName() == null ? "unknown source" : f.getFileName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "")) + ")";
    }
}
