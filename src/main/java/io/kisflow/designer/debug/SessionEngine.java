package io.kisflow.designer.debug;

import io.kisflow.code.ProjectCode;
import io.kisflow.config.ConfigSet;
import io.kisflow.engine.Engine;
import io.kisflow.engine.KisPlugin;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The session's engine: built from the edited configs, the built-in samples, extra plugins and the
 * project's plugin paths, with the stand-ins (pass-through for functions without code, the pinned rows
 * of pinned functions). Edits only mark it out of date; it is rebuilt before the next run (never
 * under a running flow), and the old one is closed.
 * Metrics are off unless the user turns them on ({@link #setMetricsServed}), and then served on
 * 127.0.0.1 only: the global config's prometheus settings are for servers, and the designer never
 * obeys them by itself (the command line does, as Go does). Its methods are synchronized: the
 * designer builds the first engine of a session on a background thread while the window paints.
 */
final class SessionEngine implements AutoCloseable {
    private final Path projectDir;
    private final DebugOptions options;
    private final StandIns standIns;
    private ConfigSet configs;
    private List<String> pluginPaths;
    /** The project's compiled function sources; null until the first build reads them from the project folder. */
    private ProjectCode sourceCode;
    private Engine engine;
    private boolean outOfDate = true;
    private boolean metricsServed;
    private int maxCalls;
    private boolean goSemantics;
    private String failure;
    private final List<String> closeWarnings = new ArrayList<>();

    SessionEngine(Path projectDir, ConfigSet configs, List<String> pluginPaths, DebugOptions options, StandIns standIns) {
        this.projectDir = projectDir;
        this.configs = configs;
        this.pluginPaths = List.copyOf(pluginPaths);
        this.options = options;
        this.standIns = standIns;
        this.maxCalls = options.maxCalls();
    }

    /** Function calls one run may make (the run panel's "Call limit"); the next run uses it. */
    synchronized void setMaxCalls(int limit) {
        if (limit != maxCalls) {
            maxCalls = limit;
            outOfDate = true;
        }
    }

    synchronized int maxCalls() {
        return maxCalls;
    }

    /** Runs as a Go server would (the run panel's "Go semantics"); the next run uses it. */
    synchronized void setGoSemantics(boolean on) {
        if (on != goSemantics) {
            goSemantics = on;
            outOfDate = true;
        }
    }

    synchronized void setConfigs(ConfigSet newConfigs) {
        configs = newConfigs;
        outOfDate = true;
    }

    /** Collect metrics and serve them on 127.0.0.1 (the global config's port, else a free one); off closes the port. */
    synchronized void setMetricsServed(boolean on) {
        if (on != metricsServed) {
            metricsServed = on;
            outOfDate = true;
        }
    }

    synchronized boolean metricsServed() {
        return metricsServed;
    }

    synchronized void setPluginPaths(List<String> paths) {
        pluginPaths = List.copyOf(paths);
        outOfDate = true;
    }

    /** The function sources were compiled again (the designer's editor): the next run uses their code. */
    synchronized void setSourceCode(ProjectCode code) {
        if (code != sourceCode) { // the editor's compile of the files the engine was built from changes nothing
            sourceCode = code;
            outOfDate = true;
        }
    }

    /** The function sources as last compiled, or null before the first build (never compiles: the UI thread asks). */
    synchronized ProjectCode sourceCodeIfCompiled() {
        return sourceCode;
    }

    /**
     * The function sources the engine uses (read from the project folder at the first build). The
     * compile is the one the code editor makes of the same files when the project opens: compiled once.
     */
    synchronized ProjectCode sourceCode() {
        if (sourceCode == null) {
            sourceCode = projectDir == null ? ProjectCode.none()
                    : io.kisflow.code.CompileOnce.compile(projectDir, io.kisflow.code.FunctionSources.read(projectDir).texts(), null);
        }
        return sourceCode;
    }

    synchronized ConfigSet configs() {
        return configs;
    }

    synchronized List<String> pluginPaths() {
        return pluginPaths;
    }

    /**
     * The engine for the current configs and plugins, rebuilt when out of date; null when it cannot
     * be built ({@link #failure()} says why).
     */
    synchronized Engine current() {
        if (outOfDate) {
            rebuild();
        }
        return engine;
    }

    /** Reloads the plugin jars and folders (a user rebuilt a jar): a fresh engine, the old one closed. */
    synchronized void reload() {
        rebuild();
    }

    /**
     * {@link #reload()} on a worker thread that the user may cancel. The new engine is built without
     * holding this object's lock, so the UI thread asking what is implemented is never blocked by a
     * slow jar; the old engine keeps serving until the new one replaces it. Cancelled (asked after the
     * build), the new engine is closed and the old one stays, as if nothing happened. With metrics
     * served the old engine holds the port the new one needs: then it is closed first, as by {@link #reload()}.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} says so after the build
     */
    void reload(java.util.function.BooleanSupplier cancelled) {
        Engine.Builder b;
        synchronized (this) {
            if (metricsServed) {
                rebuild();
                return;
            }
            try {
                b = builder();
            } catch (IllegalArgumentException | IllegalStateException e) {
                failed(e);
                return;
            }
        }
        Engine built;
        try {
            built = b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            synchronized (this) {
                failed(e);
            }
            return;
        }
        synchronized (this) {
            if (cancelled.getAsBoolean()) {
                built.close();
                throw new java.util.concurrent.CancellationException("the plugins loaded before stay");
            }
            closeQuietly();
            engine = built;
            failure = null;
            outOfDate = false;
        }
    }

    private void rebuild() {
        Engine built;
        try {
            Engine.Builder b = builder();
            closeQuietly();
            built = b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            failed(e);
            return;
        }
        engine = built;
        failure = null;
        outOfDate = false;
    }

    /** The engine could not be built: no engine, and {@link #failure()} says why. */
    private void failed(RuntimeException e) {
        closeQuietly();
        failure = e.getMessage();
        engine = null;
        outOfDate = true;
    }

    /** A builder for the current configs, samples, sources and plugin paths (a missing path throws, naming it). */
    private Engine.Builder builder() {
        // The loop error names the run panel's setting, never Engine.Builder.maxCalls, which a designer user cannot reach.
        Engine.Builder b = Engine.builder().configs(configs).maxCalls(maxCalls).maxCallsSetting(CallLimit.SETTING).fallback(standIns)
                .mocks(standIns::mock)
                .metrics(metricsServed)
                .goSemantics(goSemantics);
        if (metricsServed) {
            b.metricsAddress(loopbackAddress(configs.globalOrDefault().prometheusServe()));
        }
        if (options.samples()) {
            // the built-in samples plugin, found like any plugin (META-INF/services): the designer never imports it
            b.classpathPlugins();
        }
        for (KisPlugin p : options.extraPlugins()) {
            b.plugin(p);
        }
        // the project's functions/*.java, after the samples; plugin jars still win on a clash, as on the command line
        sourceCode().plugins().forEach(b::plugin);
        for (Path p : resolvedPluginPaths()) {
            b.pluginPath(p);
        }
        return b;
    }

    /** 127.0.0.1 with the port of the global config's prometheus_serve when it has a usable one, else any free port. */
    static String loopbackAddress(String prometheusServe) {
        int colon = prometheusServe.lastIndexOf(':');
        int port = 0;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(prometheusServe.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                port = 0;
            }
        }
        return "127.0.0.1:" + (port > 0 && port <= 65535 ? port : 0);
    }

    /** Plugin paths resolved against the project directory; a missing one is an error naming it. */
    private List<Path> resolvedPluginPaths() {
        List<Path> out = new ArrayList<>();
        for (String p : pluginPaths) {
            Path path;
            try {
                path = projectDir == null ? Path.of(p) : projectDir.resolve(p);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("plugin path '" + p + "' is not a valid path: " + e.getReason());
            }
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("plugin path " + path + " does not exist: build the plugin, or remove it from the project's plugin list");
            }
            out.add(path);
        }
        return out;
    }

    /** Why the engine could not be built (a plugin failed to load or register), or null. */
    synchronized String failure() {
        return failure;
    }

    /** Plugin functions and, for the current configs (also before the engine is rebuilt for them), the built-in ones. */
    synchronized Set<String> implementedFunctions() {
        if (engine == null) {
            return Set.of();
        }
        Set<String> names = new java.util.TreeSet<>(engine.pluginFunctions());
        names.addAll(builtInFunctions().keySet());
        return names;
    }

    /** The functions whose code is built in (Save/Load bound to a built-in connector type), with their card text. */
    synchronized java.util.Map<String, String> builtInFunctions() {
        if (engine == null) {
            return java.util.Map.of();
        }
        // an edit may have changed a connector's type since the engine was built: judge the current configs
        return outOfDate ? Engine.builtInFunctions(configs, engine.pluginFunctions()) : engine.builtInFunctions();
    }

    synchronized Set<String> implementedConnectors() {
        return engine == null ? Set.of() : engine.implementedConnectors();
    }

    synchronized List<String> missingImplementations() {
        return engine == null ? List.of() : engine.missingImplementations();
    }

    synchronized List<String> warnings() {
        List<String> out = new ArrayList<>(closeWarnings);
        if (engine != null) {
            out.addAll(engine.warnings());
        }
        return out;
    }

    /** Where the engine serves /metrics ("http://host:port/metrics"), or "" when it does not. */
    synchronized String metricsEndpoint() {
        if (engine == null) {
            return "";
        }
        return engine.metricsAddress().map(a -> "http://" + a.getHostString() + ":" + a.getPort() + "/metrics").orElse("");
    }

    private void closeQuietly() {
        if (engine != null) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                // A connector that fails to close must not keep the user from running again: say it, go on.
                closeWarnings.add(e.getMessage());
            }
            engine = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
        outOfDate = true;
    }
}
