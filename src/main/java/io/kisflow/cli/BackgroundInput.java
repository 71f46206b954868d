package io.kisflow.cli;

import io.kisflow.engine.KisFlowRun;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The input rows of {@code run}, read and parsed on a thread of their own from the moment the
 * command starts, while the project loads and the engine is built: on a machine with a second core
 * a big input is mostly read by the time the flow exists (a million rows: about half a second of
 * parsing that no longer waits for the config loader). The rows are kept once, in order, until
 * {@link #commitTo} hands them to the flow; what reading them threw (a bad line, an unreadable file,
 * out of memory) is thrown there, so a run reports it at the same point, with the same words, as
 * when the input was read after the engine was built. A run that ends before (a config error)
 * {@link #cancel}s the reading.
 *
 * <pre>{@code BackgroundInput input = BackgroundInput.start("in.jsonl", true, System.in);
 * ... input.commitTo(flow);}</pre>
 */
final class BackgroundInput {
    private final FutureTask<List<List<Object>>> reading;

    private BackgroundInput(String source, boolean json, InputStream stdin) {
        reading = new FutureTask<>(() -> InputRows.readAll(source, json, stdin));
        Thread thread = new Thread(reading, "kisflow-input");
        thread.setDaemon(true); // never keeps the process alive
        thread.start();
    }

    /** Starts reading {@code source} ("-" for standard input) in the background. */
    static BackgroundInput start(String source, boolean json, InputStream stdin) {
        return new BackgroundInput(source, json, stdin);
    }

    /** Waits for the whole input and commits its rows to {@code flow} in their order, then lets them go. */
    void commitTo(KisFlowRun flow) {
        List<List<Object>> batches;
        try {
            batches = reading.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new CommandException("reading the input was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r; // CommandException with the line, as before
            }
            if (cause instanceof Error error) {
                throw error; // out of memory: the run's guard names what was running
            }
            throw new IllegalStateException(cause);
        }
        for (int i = 0; i < batches.size(); i++) {
            flow.commitRowBatch(batches.get(i));
            batches.set(i, null); // held once: by the flow from here on
        }
    }

    /** Stops the reading (a run that ended before it needed the rows). */
    void cancel() {
        reading.cancel(true);
    }
}
