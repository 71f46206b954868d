package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small projects built in code for the engine tests. */
final class Projects {
    private Projects() {
    }

    /** A project with one flow over the named functions, all Calculate, no options. */
    static ConfigSet chain(String flowName, String... funcs) {
        ConfigSet set = ConfigSet.EMPTY;
        List<FlowStep> steps = new ArrayList<>();
        for (String f : funcs) {
            if (set.func(f) == null) {
                set = set.withFunc(FuncConfig.of(f, "Calculate"));
            }
            steps.add(FlowStep.of(f));
        }
        return set.withFlow(new FlowConfig(FlowConfig.ENABLED, flowName, steps, Map.of()));
    }

    static ConfigSet withOption(ConfigSet set, String func, FuncOption option) {
        return set.withFunc(set.func(func).withOption(option));
    }

    static FuncOption retry(int times, int millis) {
        return new FuncOption("", times, millis, Map.of(), Map.of());
    }

    static FuncOption connector(String cname) {
        return new FuncOption(cname, 0, 0, Map.of(), Map.of());
    }

    /** A connector of a type Go names but KisFlow Studio has no built-in client for: its code comes from the test's plugin. */
    static ConfigSet withConn(ConfigSet set, String cname) {
        return set.withConn(ConnConfig.of(cname, "tidb", "127.0.0.1:4000", "key-"));
    }

    static ConfigSet withMode(ConfigSet set, String func, String mode) {
        return set.withFunc(set.func(func).withFmode(mode));
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Engine engine(ConfigSet set, KisPlugin plugin) {
        return Engine.builder().configs(set).plugin(plugin).metrics(false).build();
    }

    /** Commits the rows, runs, and returns the levels as name -> rows. */
    static Map<String, List<Object>> run(KisFlowRun flow, Object... rows) throws FlowException {
        for (Object r : rows) {
            flow.commitRow(r);
        }
        flow.run();
        return levelMap(flow);
    }

    static Map<String, List<Object>> levelMap(KisFlowRun flow) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        for (Level l : flow.levels()) {
            m.put(l.name(), l.rows());
        }
        return m;
    }

    /** Code committing prefix + each input row. */
    static FaaS prefixing(String prefix) {
        return flow -> {
            for (Object row : flow.input()) {
                flow.commitRow(prefix + row);
            }
        };
    }
}
