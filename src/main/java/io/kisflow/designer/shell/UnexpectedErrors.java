package io.kisflow.designer.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the designer does with an exception nobody caught (the default uncaught-exception handler of
 * every thread, the UI thread included): first the recovery copy of unsaved work is written, then
 * the error is logged, then one {@link Report} is shown: what went wrong in words, the details, the
 * log file. The window stays usable: JavaFX goes on with its next event. While one report is open,
 * further errors are logged and counted, not stacked as more dialogs (an error in a repaint would
 * otherwise open one per frame).
 *
 * <pre>{@code Thread.setDefaultUncaughtExceptionHandler(new UnexpectedErrors(vm::saveRecoveryNow, log, ui, (report, closed) -> ...)::handle);}</pre>
 */
public final class UnexpectedErrors {
    /** What the dialog shows. {@code recovery} says whether unsaved work was kept; {@code logFile} may be null. */
    public record Report(String summary, String recovery, String details, Path logFile) {
    }

    /** Writes the recovery copy; returns whether there was unsaved work to keep. */
    public interface RecoverySaver {
        boolean save() throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(UnexpectedErrors.class.getName());

    private final RecoverySaver recovery;
    private final Path logFile;
    private final Consumer<Runnable> onUiThread;
    private final BiConsumer<Report, Runnable> show;
    private final AtomicInteger suppressed = new AtomicInteger();
    private volatile boolean showing;

    /**
     * @param onUiThread runs a task on the UI thread ({@code Platform::runLater}, or at once when already there)
     * @param show       shows the report; runs the given callback when it is closed
     */
    public UnexpectedErrors(RecoverySaver recovery, Path logFile, Consumer<Runnable> onUiThread, BiConsumer<Report, Runnable> show) {
        this.recovery = recovery;
        this.logFile = logFile;
        this.onUiThread = onUiThread;
        this.show = show;
    }

    /** The uncaught-exception handler. */
    public void handle(Thread thread, Throwable error) {
        onUiThread.accept(() -> report(thread, error));
    }

    private void report(Thread thread, Throwable error) {
        String kept = keepUnsavedWork();
        LOG.log(System.Logger.Level.ERROR, () -> "unexpected error in thread " + thread.getName() + "; " + kept, error);
        if (showing) {
            suppressed.incrementAndGet();
            return;
        }
        showing = true;
        show.accept(new Report(inWords(error), kept, details(thread, error), logFile), this::closed);
    }

    private void closed() {
        showing = false;
        int more = suppressed.getAndSet(0);
        if (more > 0) {
            LOG.log(System.Logger.Level.WARNING, more + " more unexpected error(s) while the report was open; see above");
        }
    }

    /** Whether a report is open (further errors are only logged meanwhile). */
    public boolean isShowing() {
        return showing;
    }

    /** Writes the recovery copy before anything else can go wrong; says what became of the work. */
    private String keepUnsavedWork() {
        try {
            return recovery.save()
                    ? "Your unsaved changes were written to a recovery copy; they are offered back the next time this project opens."
                    : "There were no unsaved changes.";
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "could not write the recovery copy after an unexpected error", e);
            return "The recovery copy could not be written (" + e + "): save your work now, if you can.";
        }
    }

    /** One sentence a user can act on; the class and message of the error, not its stack. */
    static String inWords(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError) {
            return "KisFlow Studio ran out of memory. Save your work, close other projects or large inputs,"
                    + " and start it with more memory (java -Xmx4g -jar kisflow-studio.jar).";
        }
        String where = "";
        for (StackTraceElement frame : root.getStackTrace()) {
            if (frame.getClassName().startsWith("io.kisflow.")) {
                String cls = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
                where = " in " + cls + "." + frame.getMethodName();
                break;
            }
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? "" : ": " + root.getMessage();
        return "Something went wrong inside KisFlow Studio (" + root.getClass().getSimpleName() + where + message
                + "). The window goes on working; what you were doing last may not have finished.";
    }

    static String details(Thread thread, Throwable e) {
        StringWriter w = new StringWriter();
        w.append("KisFlow Studio, Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("\nthread ").append(thread.getName()).append('\n');
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
