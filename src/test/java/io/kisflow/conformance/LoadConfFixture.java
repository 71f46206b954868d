package io.kisflow.conformance;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import io.kisflow.config.GlobalConfig;
import io.kisflow.config.Source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configs of /work/shared/conformance/load_conf (Go's own test configs), built in code: the
 * stand-in used until the YAML loader is available on this branch. Same names, modes, params,
 * connector and global settings as the files.
 */
final class LoadConfFixture {
    private LoadConfFixture() {
    }

    static ConfigSet configs() {
        ConfigSet set = ConfigSet.EMPTY;
        Source orders = new Source("UserOrderErrorRate", List.of("order_id", "user_id"));
        Source scores = new Source("StudentAverageScore", List.of("stu_id"));
        set = set.withFunc(func("funcName1", "Verify", new Source("TiktokOrder", List.of("order_id", "user_id")), "",
                params("default1", "funcName1_param1", "default2", "funcName1_param2")));
        set = set.withFunc(func("funcName2", "Save", orders, "ConnName1",
                params("default1", "funcName2_param1", "default2", "funcName2_param2")));
        set = set.withFunc(func("funcName3", "Calculate", orders, "",
                params("default1", "funcName3_param1", "default2", "funcName3_param2")));
        set = set.withFunc(func("abortFunc", "Calculate", orders, "", Map.of()));
        set = set.withFunc(func("dataReuseFunc", "Calculate", orders, "", Map.of()));
        set = set.withFunc(func("noResultFunc", "Calculate", orders, "", Map.of()));
        set = set.withFunc(func("jumpFunc", "Calculate", orders, "", Map.of()));
        set = set.withFunc(func("AvgStuScore", "Calculate", scores, "", Map.of()));
        set = set.withFunc(func("PrintStuAvgScore", "Expand", scores, "", Map.of()));

        set = set.withConn(new ConnConfig("ConnName1", "0.0.0.0:9988,0.0.0.0:9999,0.0.0.0:9990", "redis", "redis-key",
                params("args1", "value1", "args2", "value2"), List.of(), List.of("funcName2"), Map.of()));

        set = set.withFlow(flow("flowFork1",
                new FlowStep("funcName1", params("myKey1", "flowValue1-1")),
                new FlowStep("funcName3", params("myKey1", "flowValue3-1"))));
        set = set.withFlow(flow("flowName1",
                new FlowStep("funcName1", params("myKey1", "flowValue1-1", "myKey2", "flowValue1-2")),
                new FlowStep("funcName2", params("myKey1", "flowValue2-1", "myKey2", "flowValue2-2")),
                new FlowStep("funcName3", params("myKey1", "flowValue3-1", "myKey2", "flowValue3-2"))));
        set = set.withFlow(flow("flowName2", FlowStep.of("funcName1"), FlowStep.of("abortFunc"), FlowStep.of("funcName3")));
        set = set.withFlow(flow("flowName3", FlowStep.of("funcName1"), FlowStep.of("dataReuseFunc"), FlowStep.of("funcName3")));
        set = set.withFlow(flow("flowName4", FlowStep.of("funcName1"), FlowStep.of("noResultFunc"), FlowStep.of("funcName3")));
        set = set.withFlow(flow("flowName5", FlowStep.of("funcName1"), FlowStep.of("funcName2"), FlowStep.of("jumpFunc")));
        set = set.withFlow(flow("StuAvg", FlowStep.of("AvgStuScore"), FlowStep.of("PrintStuAvgScore")));

        return set.withGlobal(new GlobalConfig(true, true, "0.0.0.0:20004", Map.of()));
    }

    private static FuncConfig func(String name, String mode, Source source, String cname, Map<String, String> defaults) {
        return new FuncConfig(name, mode, source, new FuncOption(cname, 0, 0, defaults, Map.of()), Map.of());
    }

    private static FlowConfig flow(String name, FlowStep... steps) {
        return new FlowConfig(FlowConfig.ENABLED, name, List.of(steps), Map.of());
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
