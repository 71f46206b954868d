package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.GlobalConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A KisFlow engine for one project: its configs, the code plugins registered for them, its
 * connectors and its metrics. Engines are plain objects; any number can coexist in one process.
 * {@link #flow} makes a new flow instance each call. Connectors are created per engine and
 * initialised lazily, before the first function that binds them runs; they are shared by all flows
 * and forks of the engine and closed by {@link #close()}.
 *
 * <pre>{@code try (Engine engine = Engine.builder().configs(configs).plugin(new MyPlugin()).build()) {
 *     KisFlowRun flow = engine.flow("CalStuAvgScore");
 *     flow.commitRow("{\"stu_id\":101,\"score_1\":90,\"score_2\":80,\"score_3\":70}");
 *     flow.run();
 * }}</pre>
 */
public final class Engine implements AutoCloseable {
    public static final int DEFAULT_MAX_CALLS = 10_000;
    /** How long {@link #reloadPlugins()} waits for the runs of the old code to end. */
    public static final Duration DEFAULT_RELOAD_WAIT = Duration.ofSeconds(10);
    /** How an embedding application raises the call limit, unless the builder is told otherwise. */
    public static final String DEFAULT_MAX_CALLS_SETTING = "Engine.Builder.maxCalls";

    private final ConfigSet configs;
    private final List<KisPlugin> plugins;
    private final List<Path> pluginPaths;
    private final FlowPlan.CallLimit callLimit;
    private final java.util.function.Function<FuncConfig, FaaS> fallback;
    private final java.util.function.Function<FuncConfig, FaaS> mocks;
    private final EngineMetrics metrics;
    private final InetSocketAddress metricsAddress;
    private final boolean goSemantics;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile Generation generation;
    private volatile boolean closed;

    /** The code and connectors of one plugin load; replaced as a whole by {@link #reloadPlugins()}. */
    private record Generation(CodeRegistry code, PluginLoaders loaders, Connectors connectors, RunGate gate) {
        /** Closes the gate to runs first, then the code: a late run is refused, never run on closed code. */
        List<String> close(String because) {
            gate.close(because);
            List<String> failures = connectors.close();
            loaders.close();
            return failures;
        }
    }

    private Engine(Builder b) {
        this.configs = b.configs;
        this.plugins = List.copyOf(b.allPlugins());
        this.pluginPaths = List.copyOf(b.pluginPaths);
        this.callLimit = new FlowPlan.CallLimit(b.maxCalls, b.maxCallsSetting);
        this.fallback = b.fallback;
        this.mocks = b.mocks;
        this.goSemantics = b.goSemantics;
        this.generation = load();
        GlobalConfig global = configs.globalOrDefault();
        boolean metricsOn = b.metrics != null ? b.metrics : global.prometheusEnable();
        this.metrics = metricsOn ? new EngineMetrics() : null;
        this.metricsAddress = metricsOn ? serveMetrics(b.metricsAddress, global) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ConfigSet configs() {
        return configs;
    }

    /**
     * A new, empty instance of the named flow. Functions without code (and no fallback) fail only
     * when a run reaches them, so partial flows can be run. A disabled flow's run() does nothing.
     *
     * @throws IllegalArgumentException for an unknown flow, or configs that do not fit together
     *                                  (a function or connector without config, an unknown fmode)
     */
    public KisFlowRun flow(String flowName) {
        ensureOpen();
        FlowConfig fc = configs.flow(flowName);
        if (fc == null) {
            throw new IllegalArgumentException("no flow named '" + flowName + "' in this project"
                    + (configs.flows().isEmpty() ? " (it has no flows)" : "; its flows: " + String.join(", ", configs.flows().keySet())));
        }
        Generation g = generation;
        return new KisFlowRun(FlowPlan.build(fc, configs, g.code(), g.connectors(), fallback, mocks, metrics, callLimit, g.gate(),
                goSemantics));
    }

    /**
     * The function names that have code, sorted: registered by plugins, or built in (a Save or Load
     * function with no code of its own bound to a connector of a built-in type, see
     * {@link #builtInFunctions()}).
     */
    public Set<String> implementedFunctions() {
        Set<String> names = new java.util.TreeSet<>(generation.code().functionNames());
        names.addAll(builtInFunctions().keySet());
        return names;
    }

    /** The connector names that have code, sorted: plugins registered init or call code for them, or their type is built in. */
    public Set<String> implementedConnectors() {
        Generation g = generation;
        Set<String> names = new java.util.TreeSet<>(g.code().connectorNames());
        for (var c : configs.conns().values()) {
            if (ConnectorTypes.of(c) != null) {
                names.add(c.cname());
            }
        }
        return names;
    }

    /**
     * The functions that run on built-in code, with what it does for their cards, by name:
     * "built-in · RPUSH scores". These are the Save and Load functions that no plugin implements
     * and whose connector has a built-in type ({@link #connectorTypes()}).
     */
    public java.util.Map<String, String> builtInFunctions() {
        Generation g = generation;
        java.util.Map<String, String> out = builtInFunctions(configs, g.code().functionNames());
        out.replaceAll((fname, text) -> {
            ConnectorInstance conn = g.connectors().get(configs.func(fname).option().cname());
            return conn == null ? text : BuiltInStorage.describe(Mode.of(configs.func(fname).fmode()), conn, fname);
        });
        return out;
    }

    /**
     * The same for any configs, judged without an engine (a designer asks it after each edit, before
     * it rebuilds its engine): the Save and Load functions not in {@code pluginFunctions} whose
     * connector has a built-in type, with their card text.
     */
    public static java.util.Map<String, String> builtInFunctions(ConfigSet configs, Set<String> pluginFunctions) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (FuncConfig fc : configs.funcs().values()) {
            if (!fc.hasConnector() || !fc.isStorageMode() || pluginFunctions.contains(fc.fname())) {
                continue;
            }
            var conn = configs.conn(fc.option().cname());
            ConnectorType type = ConnectorTypes.of(conn);
            if (type != null) {
                out.put(fc.fname(), "built-in · " + type.describe(conn, Mode.of(fc.fmode())));
            }
        }
        return out;
    }

    /** The function names plugins registered code for, sorted (without the built-in ones). */
    public Set<String> pluginFunctions() {
        return generation.code().functionNames();
    }

    /** The connector {@code type} values with a built-in client (redis, postgres, kafka, ...), sorted. */
    public static Set<String> connectorTypes() {
        return ConnectorTypes.names();
    }

    /**
     * What the project uses but no plugin provides, one sentence each: functions of flows without
     * code (listed even when a fallback substitutes them), and Save/Load functions whose connector
     * has no code for them.
     */
    public List<String> missingImplementations() {
        CodeRegistry code = generation.code();
        Set<String> builtIn = builtInFunctions().keySet();
        Set<String> out = new LinkedHashSet<>();
        for (FlowConfig flow : configs.flows().values()) {
            for (FlowStep step : flow.flows()) {
                FuncConfig fc = configs.func(step.fname());
                if (fc == null) {
                    out.add("flow " + flow.flowName() + " uses function " + step.fname() + ", which has no config");
                } else if (code.function(step.fname()) == null && !builtIn.contains(step.fname())) {
                    out.add("flow " + flow.flowName() + " uses function " + step.fname() + ", which no plugin implements");
                }
            }
        }
        for (FuncConfig fc : configs.funcs().values()) {
            if (!fc.hasConnector() || !fc.isStorageMode()) {
                continue;
            }
            String cname = fc.option().cname();
            Mode mode = Mode.of(fc.fmode());
            if (configs.conn(cname) == null) {
                out.add("function " + fc.fname() + " binds connector " + cname + ", which has no config");
            } else if (code.connCall(cname, mode, fc.fname()) == null && ConnectorTypes.of(configs.conn(cname)) == null) {
                out.add("connector " + cname + " has no code for " + mode + " function " + fc.fname());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reopens the plugin paths in fresh class loaders and registers all plugins again, waiting up to
     * {@link #DEFAULT_RELOAD_WAIT} for runs of the old code; see {@link #reloadPlugins(Duration)}.
     */
    public void reloadPlugins() {
        reloadPlugins(DEFAULT_RELOAD_WAIT);
    }

    /**
     * Reopens the plugin paths in fresh class loaders and registers all plugins again. Flows created
     * afterwards use the new code and new connectors. Runs in progress keep their code: the reload
     * first waits up to {@code wait} for them to end (runs of the old flows that have not started
     * yet are refused meanwhile, and for good once the reload is done); only then are the old
     * connectors and class loaders closed. A flow made before the reload cannot run again: its run
     * throws IllegalStateException saying to make a new instance.
     *
     * @throws IllegalArgumentException when loading fails (nothing changes; it says which plugin and why)
     * @throws IllegalStateException    when runs of the old code are still going after {@code wait}, or when
     *                                  called from inside a run of this engine (nothing changes; it names the runs)
     */
    public synchronized void reloadPlugins(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        ensureOpen();
        Generation old = generation;
        Thread me = Thread.currentThread();
        for (KisFlowRun f : old.gate().running()) {
            if (f.runnerThread() == me) {
                throw new IllegalStateException("reloadPlugins() was called from inside a run of flow " + f.getName()
                        + " on this thread: it would close the code that is running; reload after the run, from outside it");
            }
        }
        Generation fresh = load();
        List<KisFlowRun> still;
        try {
            still = old.gate().drain(wait);
        } catch (InterruptedException e) {
            old.gate().reopen();
            warnings.addAll(fresh.close("the reload was interrupted"));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reloadPlugins() was interrupted while waiting for runs to end; nothing was reloaded", e);
        }
        if (!still.isEmpty()) {
            old.gate().reopen();
            warnings.addAll(fresh.close("the reload that made it was refused"));
            throw new IllegalStateException("reloadPlugins() waited " + wait.toMillis() + " ms, but " + describeRuns(still)
                    + " still running with the old plugin code; nothing was reloaded: let the runs end or abort them"
                    + " (KisFlowRun.abort()), then reload again");
        }
        generation = fresh;
        warnings.addAll(old.close("the engine reloaded its plugins after it was made"));
    }

    private static String describeRuns(List<KisFlowRun> runs) {
        List<String> named = new ArrayList<>();
        for (KisFlowRun f : runs) {
            Thread t = f.runnerThread();
            named.add("flow " + f.getName() + (t == null ? "" : " (on thread '" + t.getName() + "')"));
        }
        return String.join(", ", named) + (runs.size() == 1 ? " is" : " are");
    }

    /** Things that did not stop the engine but that a user should know (for example metrics that could not be served). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The engine's own metrics registry, when metrics are on. */
    public Optional<PrometheusRegistry> metricsRegistry() {
        return Optional.ofNullable(metrics).map(m -> m.registry);
    }

    /** Where {@code /metrics} is served (with the real port when port 0 was asked for), when it is. */
    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metricsAddress);
    }

    public int maxCalls() {
        return callLimit.max();
    }

    /** Whether this engine's flows run as a Go server would, quirks included ({@link Builder#goSemantics}). */
    public boolean goSemantics() {
        return goSemantics;
    }

    /**
     * Closes the connectors (their AutoCloseable metadata values), the plugin class loaders and the
     * metrics server. Idempotent. Failures to close a connector value are collected and thrown at the
     * end as one IllegalStateException, after everything else was closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> failures = generation.close("its engine was closed");
        if (metrics != null) {
            metrics.close();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("closing the engine: " + String.join("; ", failures));
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this engine is closed: build a new one");
        }
    }

    private Generation load() {
        CodeRegistry code = new CodeRegistry();
        for (KisPlugin p : plugins) {
            register(p, code, "plugin " + p.getClass().getName());
        }
        PluginLoaders loaders = PluginLoaders.open(pluginPaths);
        try {
            for (PluginLoaders.Loaded l : loaders.plugins()) {
                register(l.plugin(), code, "plugin " + l.plugin().getClass().getName() + " from " + l.path());
            }
        } catch (RuntimeException e) {
            loaders.close();
            throw e;
        }
        return new Generation(code, loaders, new Connectors(configs, code), new RunGate());
    }

    private static void register(KisPlugin plugin, CodeRegistry code, String what) {
        try {
            plugin.register(code);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(what + " failed to register its code: " + e.getMessage(), e);
        }
    }

    /** Go serves metrics when prometheus_enable and prometheus_listen are true; an explicit address serves them too. */
    private InetSocketAddress serveMetrics(String explicitAddress, GlobalConfig global) {
        String address = explicitAddress != null ? explicitAddress : global.prometheusListen() ? global.prometheusServe() : null;
        if (address == null) {
            return null;
        }
        if (address.isBlank()) {
            warnings.add("metrics are not served: prometheus_listen is true but prometheus_serve is empty (set it to host:port, e.g. 0.0.0.0:20004)");
            return null;
        }
        try {
            return metrics.serve(address);
        } catch (IOException | RuntimeException e) {
            warnings.add("metrics are not served at " + address + ": " + e.getMessage()
                    + " (is another program using the port? change prometheus_serve or set prometheus_listen to false)");
            return null;
        }
    }

    /**
     * Builds an {@link Engine}. Only {@link #configs} is required.
     *
     * <pre>{@code Engine.builder().configs(set).pluginPath(Path.of("plugins/my.jar")).maxCalls(1000).build()}</pre>
     */
    public static final class Builder {
        private ConfigSet configs;
        private final List<KisPlugin> plugins = new ArrayList<>();
        private final List<Path> pluginPaths = new ArrayList<>();
        private int maxCalls = DEFAULT_MAX_CALLS;
        private String maxCallsSetting = DEFAULT_MAX_CALLS_SETTING;
        private Boolean metrics;
        private String metricsAddress;
        private java.util.function.Function<FuncConfig, FaaS> fallback;
        private java.util.function.Function<FuncConfig, FaaS> mocks;
        private boolean classpathPlugins;
        private boolean goSemantics;

        private Builder() {
        }

        public Builder configs(ConfigSet configs) {
            this.configs = Objects.requireNonNull(configs, "configs");
            return this;
        }

        /** Code compiled with the application; registered before the plugin paths' code (later registrations win). */
        public Builder plugin(KisPlugin plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        /** A plugin jar or class folder, loaded in its own class loader; its KisPlugins are found with ServiceLoader. */
        public Builder pluginPath(Path path) {
            pluginPaths.add(Objects.requireNonNull(path, "plugin path"));
            return this;
        }

        /** Also register every KisPlugin the application's class path lists in META-INF/services (for example built-in samples). */
        public Builder classpathPlugins() {
            this.classpathPlugins = true;
            return this;
        }

        /** Function calls allowed per run before it fails as a JumpFunc loop; default {@value Engine#DEFAULT_MAX_CALLS}. */
        public Builder maxCalls(int maxCalls) {
            if (maxCalls < 1) {
                throw new IllegalArgumentException("maxCalls must be at least 1, not " + maxCalls);
            }
            this.maxCalls = maxCalls;
            return this;
        }

        /**
         * How the people who run this engine raise the call limit, as they see it: the JumpFunc loop
         * error names it ("raise the limit: " + setting). A command line passes its option
         * ({@code "--max-calls N"}), a designer its window setting; null when they cannot raise it, and
         * the error then only says to make the loop end. Default {@value Engine#DEFAULT_MAX_CALLS_SETTING}.
         */
        public Builder maxCallsSetting(String setting) {
            this.maxCallsSetting = setting == null || setting.isBlank() ? null : setting;
            return this;
        }

        /** Turns metrics on or off; by default the global config's prometheus_enable decides. */
        public Builder metrics(boolean on) {
            this.metrics = on;
            return this;
        }

        /** Serves /metrics at this host:port (port 0: any free port) instead of prometheus_serve, whatever prometheus_listen says. */
        public Builder metricsAddress(String hostPort) {
            EngineMetrics.parse(Objects.requireNonNull(hostPort, "metrics address"));
            this.metricsAddress = hostPort;
            return this;
        }

        /**
         * Code to use for functions no plugin implements (the designer substitutes stand-ins); it may
         * return null for functions it does not cover. By default such functions fail when reached.
         */
        public Builder fallback(java.util.function.Function<FuncConfig, FaaS> fallback) {
            this.fallback = fallback;
            return this;
        }

        /**
         * Code that replaces a function's own code (a plugin's, or the fallback) wherever it returns
         * non-null: the designer's pinned rows. Asked for each function every time {@link Engine#flow}
         * makes a flow instance, so the answer may change between runs. A mocked function never opens
         * nor calls its connector, and a dry run does not refuse it (see {@link DryRun}).
         */
        public Builder mocks(java.util.function.Function<FuncConfig, FaaS> mocks) {
            this.mocks = mocks;
            return this;
        }

        /**
         * Runs flows as a Go KisFlow server would, quirks included, so that levels are the ones a Go
         * server produces (docs/DIFFERENCES.md says what each difference does then): ForceEntryNext
         * empties a level that got rows, DataReuse on an empty input and a failed run leave their rows
         * (and a failed run its actions) for the next run of the same instance, typed rows all go
         * through JSON and one that cannot be decoded gives the function no rows, retry settings are
         * ignored, a disabled flow keeps the rows committed to it, each function instance has its own
         * connector instance (whose config lists the functions as Go's does) and a live params map,
         * and a connector without init code fails its function. What cannot be reproduced stays: a
         * JumpFunc loop still stops at {@link #maxCalls}, built-in connectors and the designer's stand-ins
         * still work, and runs can be aborted. Default false: the Java engine's semantics.
         */
        public Builder goSemantics(boolean on) {
            this.goSemantics = on;
            return this;
        }

        /**
         * @throws IllegalStateException    when no configs were given
         * @throws IllegalArgumentException when a plugin cannot be loaded or fails to register, naming it
         */
        public Engine build() {
            if (configs == null) {
                throw new IllegalStateException("Engine.builder(): configs(ConfigSet) is required");
            }
            return new Engine(this);
        }

        private List<KisPlugin> allPlugins() {
            List<KisPlugin> all = new ArrayList<>();
            if (classpathPlugins) {
                try {
                    ServiceLoader.load(KisPlugin.class, Engine.class.getClassLoader()).forEach(all::add);
                } catch (java.util.ServiceConfigurationError e) {
                    throw new IllegalArgumentException("a plugin on the class path cannot be loaded: " + e.getMessage(), e);
                }
            }
            all.addAll(plugins);
            return all;
        }
    }
}
