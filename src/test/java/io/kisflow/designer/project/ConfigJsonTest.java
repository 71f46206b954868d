package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import io.kisflow.config.GlobalConfig;
import io.kisflow.config.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {
    @Test
    void roundTripKeepsEveryValueOrderAndExtraTypes() throws Exception {
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        extra.put("n", 5L);
        extra.put("f", 1.5);
        extra.put("nested", Map.of("list", List.of("a", 2L, true)));
        extra.put("nothing", null);
        ConfigSet set = ConfigSet.EMPTY
                .withFunc(new FuncConfig("b", "Save", new Source("src", List.of("id")),
                        new FuncOption("C", 2, 30, Map.of("k", "v"), Map.of()), extra))
                .withFunc(FuncConfig.of("a", "Calculate"))
                .withConn(new ConnConfig("C", "h:1", "redis", "k", Map.of("p", "q"), List.of("x", "x"), List.of(), Map.of()))
                .withFlow(new FlowConfig(0, "z", List.of(new FlowStep("b", Map.of("k", "w"), Map.of("e", 1L)), FlowStep.of("a")), extra))
                .withFlow(FlowConfig.of("y"))
                .withGlobal(new GlobalConfig(true, false, "0.0.0.0:1", Map.of()));
        String json = StateJson.writeInOrder(ConfigJson.toTree(set));
        ConfigSet back = ConfigJson.fromTree(ConfigJson.MAPPER.readTree(json));
        assertEquals(set, back);
        assertEquals(List.of("z", "y"), List.copyOf(back.flows().keySet()));
        assertEquals(List.of("b", "a"), List.copyOf(back.funcs().keySet()));
        assertEquals(5L, back.func("b").extra().get("n"));
        ConfigSet noGlobal = ConfigJson.fromTree(ConfigJson.MAPPER.readTree(StateJson.write(ConfigJson.toTree(ConfigSet.EMPTY))));
        assertEquals(ConfigSet.EMPTY, noGlobal);
    }
}
