package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flow config resolved against one engine: for each position of the chain the function config,
 * mode, merged params, code, connector and metric children. Immutable and shared by a flow and all
 * its forks; each {@link KisFlowRun} adds its own run state.
 */
final class FlowPlan {
    final FlowConfig config;
    final String name;
    final Step[] steps;
    /** Jump targets by function name; like Go's name-keyed map, a name listed twice jumps to its last position. */
    final Map<String, Integer> positions;
    final CallLimit callLimit;
    final EngineMetrics.FlowMetrics metrics;
    /** The plugin generation this plan's code and connectors belong to. */
    final RunGate gate;
    /** Run as a Go server would, quirks included (docs/DIFFERENCES.md); false: the Java engine's semantics. */
    final boolean goSemantics;
    /** Go semantics: makes each function instance's own connector instance, as Go does; null otherwise. */
    final Connectors perFunctionConnectors;

    /**
     * Function calls allowed per run, and how whoever runs the engine raises that limit, in their
     * words (a builder method, a command-line option, a window setting); null when they cannot.
     */
    record CallLimit(int max, String setting) {
    }

    /** Where a step's code comes from: a plugin, the built-in storage, the engine's fallback (a stand-in), or a mock that replaces the function's own code. */
    enum CodeOrigin { PLUGIN, BUILT_IN, FALLBACK, MOCK }

    /**
     * @param goNotes  what a Go server does differently at every call of this step, whatever the rows
     *                 (the connector, retry settings, built-in or stand-in code): noted on each call
     * @param goConnConfig the connector config as a Go server holds it (save/load lists with Go's repeats), null without connector
     */
    record Step(int position, String name, String inputLevel, FuncConfig config, Mode mode, Map<String, String> params,
                FunctionCode code, CodeOrigin origin, ConnectorInstance connector, CaaS connectorCode,
                EngineMetrics.FunctionMetrics metrics, String jumpOutcome, java.util.List<GoDifference> goNotes,
                io.kisflow.config.ConnConfig goConnConfig) {
        boolean isPluginCode() {
            return origin == CodeOrigin.PLUGIN || origin == CodeOrigin.BUILT_IN;
        }

        /** The function's own code runs (not a mock): its connector is opened and its calls pass the run's gate. */
        boolean usesConnector() {
            return connector != null && origin != CodeOrigin.MOCK;
        }
    }

    private FlowPlan(FlowConfig config, Step[] steps, CallLimit callLimit, EngineMetrics.FlowMetrics metrics, RunGate gate,
                     boolean goSemantics, Connectors perFunctionConnectors) {
        this.config = config;
        this.goSemantics = goSemantics;
        this.perFunctionConnectors = goSemantics ? perFunctionConnectors : null;
        this.name = config.flowName();
        this.steps = steps;
        this.callLimit = callLimit;
        this.metrics = metrics;
        this.gate = gate;
        Map<String, Integer> byName = new HashMap<>();
        for (Step s : steps) {
            byName.put(s.name(), s.position());
        }
        this.positions = Map.copyOf(byName);
    }

    /** Resolves every step; throws IllegalArgumentException naming the flow and function when the configs do not fit together. */
    static FlowPlan build(FlowConfig flow, ConfigSet configs, CodeRegistry code, Connectors connectors,
                          java.util.function.Function<FuncConfig, FaaS> fallback,
                          java.util.function.Function<FuncConfig, FaaS> mocks, EngineMetrics metrics, CallLimit callLimit,
                          RunGate gate, boolean goSemantics) {
        Step[] steps = new Step[flow.flows().size()];
        for (int i = 0; i < steps.length; i++) {
            FlowStep fs = flow.flows().get(i);
            String fname = fs.fname();
            FuncConfig fc = configs.func(fname);
            if (fc == null) {
                throw new IllegalArgumentException("flow " + flow.flowName() + " uses function " + fname
                        + " (position " + (i + 1) + "), which has no config: add a func file with fname: " + fname);
            }
            Mode mode;
            try {
                mode = Mode.of(fc.fmode());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("function " + fname + " (flow " + flow.flowName() + "): " + e.getMessage(), e);
            }
            ConnectorInstance conn = null;
            CaaS connCode = null;
            if (fc.hasConnector()) {
                conn = connectors.get(fc.option().cname());
                if (conn == null) {
                    throw new IllegalArgumentException("function " + fname + " (flow " + flow.flowName() + ") binds connector "
                            + fc.option().cname() + ", which has no config: add a conn file with cname: " + fc.option().cname());
                }
                connCode = conn.codeFor(mode, fname);
            }
            FaaS mock = mocks == null ? null : mocks.apply(fc);
            FunctionCode fcode = mock != null ? FunctionCode.plain(mock) : code.function(fname);
            CodeOrigin origin = mock != null ? CodeOrigin.MOCK : CodeOrigin.PLUGIN;
            if (fcode == null) {
                // a Save or Load without code of its own, bound to a built-in connector type: it reaches storage like plugin code
                fcode = BuiltInStorage.codeFor(mode, conn);
                if (fcode != null) {
                    origin = CodeOrigin.BUILT_IN;
                }
            }
            if (fcode == null && fallback != null) {
                FaaS substitute = fallback.apply(fc);
                fcode = substitute == null ? null : FunctionCode.plain(substitute);
                origin = CodeOrigin.FALLBACK;
            }
            String inputLevel = i == 0 ? KisFlowRun.SOURCE_LEVEL : flow.flows().get(i - 1).fname();
            Step partial = new Step(i, fname, inputLevel, fc, mode, params(fc, fs), fcode, origin, conn, connCode,
                    metrics == null ? null : metrics.forFunction(fname, fc.fmode()), FunctionEnd.OUTCOME_JUMP_PREFIX + fname,
                    java.util.List.of(), conn == null ? null : GoNotes.goConnConfig(conn.getConfig(), configs));
            steps[i] = new Step(i, fname, inputLevel, fc, mode, partial.params(), fcode, origin, conn, connCode, partial.metrics(),
                    partial.jumpOutcome(), GoNotes.forStep(flow.flowName(), partial, configs, goSemantics), partial.goConnConfig());
        }
        return new FlowPlan(flow, steps, callLimit, metrics == null ? null : metrics.forFlow(flow.flowName()), gate, goSemantics,
                connectors);
    }

    boolean enabled() {
        return config.enabled();
    }

    /** The function's default_params overlaid by the flow's params for it (flow wins). */
    private static Map<String, String> params(FuncConfig fc, FlowStep fs) {
        Map<String, String> merged = new LinkedHashMap<>(fc.option().defaultParams());
        merged.putAll(fs.params());
        return Collections.unmodifiableMap(merged);
    }
}
