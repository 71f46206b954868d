package io.kisflow.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The door between one plugin generation (its class loaders and connectors) and the runs of the
 * flows made with it. {@link Engine#reloadPlugins()} closes it to new runs, waits for the runs in
 * progress, and only then closes the code under them; a flow made before the reload is refused
 * with a clear message instead of failing inside closed code.
 *
 * <p>A run writes its runner thread (volatile) before it reads {@link #refusal}; the engine writes
 * the state (volatile) before it reads the runners: one of the two always sees the other.
 */
final class RunGate {
    private enum State { OPEN, DRAINING, CLOSED }

    private volatile State state = State.OPEN;
    private volatile String closedBecause = "";
    /** Every flow instance of this generation, weakly: those the caller dropped need no waiting for. */
    private final Map<KisFlowRun, Boolean> flows = Collections.synchronizedMap(new WeakHashMap<>());

    void register(KisFlowRun flow) {
        flows.put(flow, Boolean.TRUE);
    }

    /** Why a run of {@code flow} may not start now, or null when it may. */
    String refusal(String flow) {
        State s = state;
        if (s == State.OPEN) {
            return null;
        }
        if (s == State.DRAINING) {
            return "flow " + flow + " cannot start: the engine is reloading its plugins and waits for the runs in progress; "
                    + "after the reload, make a new instance with engine.flow(\"" + flow + "\") and run that";
        }
        return "flow " + flow + " cannot run: " + closedBecause + ", so the code and connectors it was made with are closed; "
                + "make a new instance with engine.flow(\"" + flow + "\")";
    }

    /**
     * Closes the door to new runs and waits up to {@code wait} for the runs in progress to end.
     * Returns the flows still running (empty when all ended); the caller reopens or closes the gate.
     */
    List<KisFlowRun> drain(Duration wait) throws InterruptedException {
        state = State.DRAINING;
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<KisFlowRun> running = running();
            if (running.isEmpty() || System.nanoTime() - deadline >= 0) {
                return running;
            }
            Thread.sleep(5);
        }
    }

    void reopen() {
        state = State.OPEN;
    }

    void close(String because) {
        closedBecause = because;
        state = State.CLOSED;
    }

    /** The flows of this generation with a run in progress. */
    List<KisFlowRun> running() {
        List<KisFlowRun> all;
        synchronized (flows) {
            all = new ArrayList<>(flows.keySet());
        }
        all.removeIf(f -> f == null || !f.isRunning());
        return all;
    }
}
