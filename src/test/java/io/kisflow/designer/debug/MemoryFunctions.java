package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Pool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Functions for the debugger-memory tests (stored runs, traces, conditional breakpoints, run from
 * here): Load1 counts its calls (it stands for a Load that must not be repeated), Score doubles each
 * row's score, Keep passes its input on, Check fails on a score over 150.
 */
public final class MemoryFunctions implements KisPlugin {
    public static final List<String> INPUT = List.of("{\"stu_id\":1,\"score\":50}", "{\"stu_id\":2,\"score\":80}",
            "{\"stu_id\":3,\"score\":70}");
    public final AtomicInteger loads = new AtomicInteger();

    @Override
    public void register(Pool pool) {
        pool.faas("Load1", flow -> {
            loads.incrementAndGet();
            flow.commitRowBatch(flow.input());
        });
        pool.faas("Score", flow -> flow.input().forEach(r -> {
            Map<?, ?> m = (Map<?, ?>) r;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("stu_id", m.get("stu_id"));
            out.put("score", ((Number) m.get("score")).intValue() * 2);
            flow.commitRow(out);
        }));
        pool.faas("Keep", flow -> flow.commitRowBatch(flow.input()));
        pool.faas("Check", flow -> {
            for (Object r : flow.input()) {
                if (((Number) ((Map<?, ?>) r).get("score")).intValue() > 150) {
                    throw new IllegalStateException("score over 150 for stu_id " + ((Map<?, ?>) r).get("stu_id"));
                }
            }
            flow.commitRowBatch(flow.input());
        });
    }

    /** Scores = Load1 -> Score -> Keep; Checked = Load1 -> Score -> Check. */
    public static ConfigSet project() {
        ConfigSet set = ConfigSet.EMPTY;
        for (String f : List.of("Load1", "Score", "Keep", "Check")) {
            set = set.withFunc(FuncConfig.of(f, "Calculate"));
        }
        set = set.withFlow(FlowConfig.of("Scores", FlowStep.of("Load1"), FlowStep.of("Score"), FlowStep.of("Keep")));
        return set.withFlow(FlowConfig.of("Checked", FlowStep.of("Load1"), FlowStep.of("Score"), FlowStep.of("Check")));
    }

    public static DebugSettings settings() {
        return DebugSettings.EMPTY.withInput("Scores", INPUT, io.kisflow.designer.debug.input.InputMode.JSON)
                .withInput("Checked", INPUT, io.kisflow.designer.debug.input.InputMode.JSON);
    }

    /** A session on {@link #project()} with these functions and direct executors. */
    public SessionDriver driver() {
        return new SessionDriver(project(), settings(), DebugOptions.defaults().withSamples(false).withExtraPlugins(List.of(this)));
    }
}
