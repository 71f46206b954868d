package io.kisflow.designer.debug;

import io.kisflow.engine.Engine;
import io.kisflow.engine.KisPlugin;

import java.time.Duration;
import java.util.List;

/**
 * How a debugging session runs flows (application settings, not project data).
 *
 * <pre>{@code DebugOptions.defaults().withStopGrace(Duration.ofSeconds(1)).withMetrics(false)}</pre>
 *
 * @param maxCalls     function calls allowed per run before it fails as a JumpFunc loop
 * @param metrics      collect metrics and serve them on 127.0.0.1 from the start; off by default. The
 *                     project's global config (prometheus_enable, prometheus_listen) never turns them on
 *                     in the designer: opening a project must not open a network port
 * @param stopGrace    how long Stop waits for a function to return before abandoning its thread
 * @param historySize  finished runs kept per flow
 * @param extraPlugins code registered besides the built-in samples and the project's plugin paths
 * @param samples      register the built-in samples plugin
 * @param loadInBackground build the engine (load the plugins) on the background executor when a
 *                     session starts, instead of on the UI thread: the designer's window paints
 *                     first ({@link DebugSession#loadingPluginsProperty()} says it is loading)
 */
public record DebugOptions(int maxCalls, boolean metrics, Duration stopGrace, int historySize,
                           List<KisPlugin> extraPlugins, boolean samples, boolean loadInBackground) {
    public static final int DEFAULT_HISTORY = 10;
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(2);

    public DebugOptions {
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1, not " + maxCalls);
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be at least 1, not " + historySize);
        }
        stopGrace = stopGrace == null ? DEFAULT_STOP_GRACE : stopGrace;
        extraPlugins = extraPlugins == null ? List.of() : List.copyOf(extraPlugins);
    }

    public static DebugOptions defaults() {
        return new DebugOptions(Engine.DEFAULT_MAX_CALLS, false, DEFAULT_STOP_GRACE, DEFAULT_HISTORY, List.of(), true, false);
    }

    public DebugOptions withMaxCalls(int v) {
        return new DebugOptions(v, metrics, stopGrace, historySize, extraPlugins, samples, loadInBackground);
    }

    public DebugOptions withMetrics(boolean v) {
        return new DebugOptions(maxCalls, v, stopGrace, historySize, extraPlugins, samples, loadInBackground);
    }

    public DebugOptions withStopGrace(Duration v) {
        return new DebugOptions(maxCalls, metrics, v, historySize, extraPlugins, samples, loadInBackground);
    }

    public DebugOptions withHistorySize(int v) {
        return new DebugOptions(maxCalls, metrics, stopGrace, v, extraPlugins, samples, loadInBackground);
    }

    public DebugOptions withExtraPlugins(List<KisPlugin> v) {
        return new DebugOptions(maxCalls, metrics, stopGrace, historySize, v, samples, loadInBackground);
    }

    public DebugOptions withLoadInBackground(boolean v) {
        return new DebugOptions(maxCalls, metrics, stopGrace, historySize, extraPlugins, samples, v);
    }

    public DebugOptions withSamples(boolean v) {
        return new DebugOptions(maxCalls, metrics, stopGrace, historySize, extraPlugins, v, loadInBackground);
    }
}
