package io.kisflow.designer.debug;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that holds tasks until the test runs them: shows what happens before background work ends. */
public final class QueuedExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    public synchronized int pending() {
        return tasks.size();
    }

    /** Runs queued tasks, including tasks they queue, until none is left. */
    public void runAll() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return tasks.poll();
    }
}
