package io.kisflow.designer.debug;

import io.kisflow.conformance.ConformancePlugin;

import io.kisflow.config.ConfigSet;
import javafx.beans.value.ChangeListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link DebugSession} the way the run panel does, with a direct "UI executor": run events
 * are applied on the run thread, and the test waits for the states they produce. The waits have a
 * generous limit only so that a broken test fails instead of hanging; nothing is timed.
 */
public final class SessionDriver implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    public final DebugSession session;
    private final BlockingQueue<SessionState> states = new LinkedBlockingQueue<>();
    private final ChangeListener<SessionState> listener = (obs, old, now) -> states.add(now);

    public SessionDriver(ConfigSet configs, DebugSettings settings, DebugOptions options) {
        this(new DebugSession(null, configs, settings, options.withMetrics(false), Runnable::run, Runnable::run));
    }

    private SessionDriver(DebugSession session) {
        this.session = session;
        session.stateProperty().addListener(listener);
    }

    /** Drives a session made elsewhere (it must use direct executors). */
    public static SessionDriver wrap(DebugSession session) {
        return new SessionDriver(session);
    }

    public static SessionDriver loadConf(ConformancePlugin handlers) {
        return new SessionDriver(LoadConf.configs(), DebugSettings.EMPTY.withInput("flowName1", LoadConf.SOURCE, null),
                DebugOptions.defaults().withExtraPlugins(List.of(handlers)));
    }

    /**
     * Waits for the next of these states in the sequence of state changes (each change is seen once,
     * in order, so a state reached before the last wait does not count again).
     */
    public SessionState await(SessionState... wanted) {
        List<SessionState> want = List.of(wanted);
        long end = System.nanoTime() + LIMIT.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                SessionState next = left <= 0 ? null : states.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("session did not reach " + want + "; it is " + session.state()
                            + ": " + session.messageProperty().get());
                }
                if (want.contains(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public void stepAndWait() {
        if (!session.step()) {
            throw new AssertionError("step refused in state " + session.state() + ": " + session.messageProperty().get());
        }
        await(SessionState.PAUSED, SessionState.FINISHED, SessionState.FAILED, SessionState.STOPPED);
    }

    @Override
    public void close() {
        session.close();
    }
}
