package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncOption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.map;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The basic run: levels, chain order, stopping when nothing is committed, params, disabled flows. */
class FlowRunTest {
    private static KisPlugin abc() {
        return pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", prefixing("b:"));
            pool.faas("C", prefixing("c:"));
        };
    }

    @Test
    void eachFunctionReadsTheLevelBeforeItAndCommitsItsOwn() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B", "C"), abc())) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            Map<String, List<Object>> levels = run(flow, "x", "y");
            assertEquals(Map.of(
                    KisFlowRun.SOURCE_LEVEL, List.of("x", "y"),
                    "A", List.of("a:x", "a:y"),
                    "B", List.of("b:a:x", "b:a:y"),
                    "C", List.of("c:b:a:x", "c:b:a:y")), levels);
            assertEquals(List.of(KisFlowRun.SOURCE_LEVEL, "A", "B", "C"), new ArrayList<>(levels.keySet()), "levels in chain order");
            assertEquals(List.of(KisFlowRun.SOURCE_LEVEL, "A", "B"),
                    log.of(FunctionStart.class).stream().map(FunctionStart::inputLevel).toList());
            assertEquals(List.of(-1, 0, 1, 2), flow.levels().stream().map(Level::position).toList());
        }
    }

    @Test
    void aFunctionThatCommitsNothingStopsTheFlowAndHasNoLevel() throws Exception {
        List<String> called = new ArrayList<>();
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> called.add("A"));
            pool.faas("B", flow -> called.add("B"));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, List.of("x")), run(flow, "x"));
            assertEquals(List.of("A"), called);
            assertEquals(List.of(FunctionEnd.OUTCOME_NO_ROWS), log.outcomes());
            assertNull(log.of(RunEnd.class).get(0).error(), "stopping is not an error");
        }
    }

    @Test
    void eachRunStartsFromTheCommittedRowsAndForgetsTheLevelsOfTheRunBefore() throws Exception {
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            for (Object row : flow.input()) {
                if (!row.equals("skip")) {
                    flow.commitRow("a:" + row);
                }
            }
        });
        try (Engine engine = engine(chain("F", "A"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, List.of("x"), "A", List.of("a:x")), run(flow, "x"));
            assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, List.of("skip")), run(flow, "skip"), "A's old level is gone");
            assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, List.of("y"), "A", List.of("a:y")), run(flow, "y"));
        }
    }

    @Test
    void aRunWithoutRowsStillCallsTheFirstFunctionWithAnEmptySource() throws Exception {
        List<List<Object>> inputs = new ArrayList<>();
        try (Engine engine = engine(chain("F", "A"), pool -> pool.faas("A", flow -> inputs.add(List.copyOf(flow.input()))))) {
            KisFlowRun flow = engine.flow("F");
            assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, List.of()), run(flow));
            assertEquals(List.of(List.of()), inputs);
        }
    }

    @Test
    void commitRowBatchAddsEveryRowAndNullRowsAreKept() throws Exception {
        KisPlugin plugin = pool -> pool.faas("A", flow -> flow.commitRowBatch(flow.input()));
        try (Engine engine = engine(chain("F", "A"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            flow.commitRowBatch(List.of("x", "y"));
            flow.commitRow(null);
            flow.run();
            assertEquals(Arrays.asList("x", "y", null), flow.levels().get(1).rows());
            assertThrows(NullPointerException.class, () -> flow.commitRowBatch(null));
        }
    }

    @Test
    void paramsAreTheDefaultParamsOverlaidByTheFlowsParams() throws Exception {
        ConfigSet set = chain("F", "A");
        set = set.withFunc(set.func("A").withOption(new FuncOption("", 0, 0, map("a", "1", "b", "2"), Map.of())));
        set = set.withFlow(set.flow("F").withFlows(List.of(new FlowStep("A", map("b", "20", "c", "30")))));
        List<Object> seen = new ArrayList<>();
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            seen.add(flow.getFuncParamAll());
            seen.add(flow.getFuncParam("b"));
            seen.add(flow.getFuncParam("missing"));
        });
        try (Engine engine = engine(set, plugin)) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "x");
            assertEquals(map("a", "1", "b", "20", "c", "30"), seen.get(0));
            assertEquals(List.of("a", "b", "c"), new ArrayList<>(((Map<?, ?>) seen.get(0)).keySet()), "default order, then the flow's");
            assertEquals("20", seen.get(1));
            assertNull(seen.get(2));
            assertEquals(map("a", "1", "b", "20", "c", "30"), flow.funcParams(0));
            assertNull(flow.getFuncParam("a"), "outside a call there is no current function");
        }
    }

    @Test
    void theInputIsTheLevelItselfNotACopy() throws Exception {
        List<Boolean> same = new ArrayList<>();
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                same.add(flow.input() == ((KisFlowRun) flow).levels().get(0).rows());
                flow.commitRowBatch(flow.input());
                flow.next(Action.DATA_REUSE);
            });
            pool.faas("B", flow -> same.add(flow.input() == ((KisFlowRun) flow).levels().get(0).rows()));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            run(engine.flow("F"), "x");
            assertEquals(List.of(true, true), same, "DataReuse shares the input level, as Go shares the slice");
        }
    }

    @Test
    void aDisabledFlowDoesNothingWhenRun() throws Exception {
        ConfigSet set = chain("F", "A");
        set = set.withFlow(set.flow("F").withStatus(0));
        List<String> called = new ArrayList<>();
        try (Engine engine = engine(set, pool -> pool.faas("A", flow -> called.add("A")))) {
            KisFlowRun flow = engine.flow("F");
            assertFalse(flow.isEnabled());
            flow.commitRow("x");
            flow.run();
            assertEquals(List.of(), called);
            assertEquals(List.of(), flow.levels());
        }
    }

    @Test
    void aFlowWithoutFunctionsKeepsOnlyItsSource() throws Exception {
        try (Engine engine = engine(chain("F"), pool -> {
        })) {
            assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, List.of("x")), run(engine.flow("F"), "x"));
        }
    }

    @Test
    void insideAFunctionTheFlowDescribesTheCurrentFunction() throws Exception {
        List<Object> seen = new ArrayList<>();
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            seen.add(flow.getName());
            seen.add(flow.getThisFunction().getName());
            seen.add(flow.getThisFunction().getMode());
            seen.add(flow.getThisFuncConf().fname());
            seen.add(flow.getConfig().flowName());
            seen.add(flow.getThisFunction().getConnector());
        });
        try (Engine engine = engine(chain("F", "A"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "x");
            assertEquals(Arrays.asList("F", "A", Mode.CALCULATE, "A", "F", null), seen);
            assertNull(flow.getThisFunction(), "no current function after the run");
            assertEquals(List.of(), flow.input());
            KisFlowRun other = engine.flow("F");
            assertNotEquals(flow.getId(), other.getId());
            assertTrue(flow.getId().startsWith("flow-"));
            assertNotEquals(flow.functions().get(0).getId(), other.functions().get(0).getId());
        }
    }

    @Test
    void getConnectorOfAFunctionWithoutConnectorSaysHowToBindOne() throws Exception {
        try (Engine engine = engine(chain("F", "A"), pool -> pool.faas("A", flow -> flow.getConnector()))) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals("flow F, function A (position 1) failed: function A binds no connector: set option.cname in its config", e.getMessage());
            assertThrows(IllegalStateException.class, () -> engine.flow("F").getConnector());
        }
    }

    @Test
    void oneFlowInstanceCannotRunInsideItsOwnRun() throws Exception {
        try (Engine engine = engine(chain("F", "A"), pool -> pool.faas("A", Flow::run))) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertTrue(e.getMessage().contains("flow F is already running on this thread"), e.getMessage());
            assertTrue(e.getMessage().contains("use fork()"), e.getMessage());
        }
    }
}
