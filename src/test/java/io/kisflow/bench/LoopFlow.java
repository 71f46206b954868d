package io.kisflow.bench;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.engine.Action;
import io.kisflow.engine.KisPlugin;

/**
 * The debugger benchmarks' flow: Loop = Copy -> Back, where Back jumps to Copy forever, so every Step
 * runs one function on the whole level (with no call limit set).
 *
 * <pre>{@code new DebugSession(null, LoopFlow.PROJECT, settings, options.withExtraPlugins(List.of(LoopFlow.PLUGIN)), ui, bg);}</pre>
 */
final class LoopFlow {
    static final ConfigSet PROJECT = ConfigSet.EMPTY.withFunc(FuncConfig.of("Copy", "Calculate")).withFunc(FuncConfig.of("Back", "Calculate"))
            .withFlow(FlowConfig.of("Loop", FlowStep.of("Copy"), FlowStep.of("Back")));

    static final KisPlugin PLUGIN = pool -> {
        pool.faas("Copy", flow -> flow.commitRowBatch(flow.input()));
        pool.faas("Back", flow -> {
            flow.commitRowBatch(flow.input());
            flow.next(Action.jumpFunc("Copy"));
        });
    };

    private LoopFlow() {
    }
}
