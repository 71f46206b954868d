package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.retry;
import static io.kisflow.engine.Projects.run;
import static io.kisflow.engine.Projects.withOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Failing functions, missing code, retries, and configs that do not fit together. */
class FailureTest {
    private static final String SRC = KisFlowRun.SOURCE_LEVEL;

    @Test
    void aThrowingFunctionFailsTheRunNamingFlowFunctionAndPosition() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        KisPlugin plugin = pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", flow -> {
                throw boom;
            });
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            FlowException e = assertThrows(FlowException.class, () -> run(flow, "x"));
            assertEquals("flow F, function B (position 2) failed: boom", e.getMessage());
            assertSame(boom, e.getCause());
            assertEquals("F", e.getFlowName());
            assertEquals("B", e.getFunctionName());
            assertSame(e, log.of(RunEnd.class).get(0).error());
            assertSame(e, log.of(FunctionEnd.class).get(1).error());
            assertEquals(FunctionEnd.OUTCOME_ERROR, log.of(FunctionEnd.class).get(1).outcome());
        }
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsType() throws Exception {
        try (Engine engine = engine(chain("F", "A"), pool -> pool.faas("A", flow -> {
            throw new UnsupportedOperationException();
        }))) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals("flow F, function A (position 1) failed: UnsupportedOperationException", e.getMessage());
        }
    }

    /** Deliberate difference: Go's next run starts with the failed function's rows and pending action. */
    @Test
    void theRunAfterAFailureStartsClean() throws Exception {
        AtomicInteger run = new AtomicInteger();
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                if (run.get() == 1) {
                    flow.commitRow("partial");
                    flow.next(Action.ABORT);
                    throw new IllegalStateException("first run fails");
                }
                flow.commitRowBatch(flow.input());
            });
            pool.faas("B", prefixing("b:"));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            run.set(1);
            assertThrows(FlowException.class, () -> run(flow, "x"));
            run.set(2);
            assertEquals(Map.of(SRC, List.of("y"), "A", List.of("y"), "B", List.of("b:y")), run(flow, "y"),
                    "no 'partial' row in the source and no Abort carried over");
        }
    }

    @Test
    void aFunctionWithoutCodeFailsOnlyWhenARunReachesIt() throws Exception {
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            if (!flow.input().contains("stop")) {
                flow.commitRowBatch(flow.input());
            }
        });
        try (Engine engine = engine(chain("F", "A", "Missing"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            assertEquals(Map.of(SRC, List.of("stop")), run(flow, "stop"), "a partial flow runs as far as it has code");
            FlowException e = assertThrows(FlowException.class, () -> run(flow, "x"));
            assertEquals("flow F, function Missing (position 2): no plugin implements function Missing"
                    + " (register it with Pool.faas(\"Missing\", ...) in a KisPlugin)", e.getMessage());
            assertEquals("Missing", e.getFunctionName());
        }
    }

    @Test
    void aFallbackSubstitutesCodeForFunctionsNoPluginImplements() throws Exception {
        List<String> asked = new ArrayList<>();
        try (Engine engine = Engine.builder().configs(chain("F", "A", "Missing")).metrics(false)
                .plugin(pool -> pool.faas("A", prefixing("a:")))
                .fallback(fc -> {
                    asked.add(fc.fname());
                    return prefixing("stand-in " + fc.fname() + ":");
                }).build()) {
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of("a:x"), "Missing", List.of("stand-in Missing:a:x")), run(engine.flow("F"), "x"));
            assertEquals(List.of("Missing"), asked);
            assertEquals(List.of("flow F uses function Missing, which no plugin implements"), engine.missingImplementations());
        }
    }

    @Test
    void aFailingFunctionIsRetriedRetryTimesAndItsPartialRowsAreDropped() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            flow.commitRow("attempt " + attempts.incrementAndGet());
            if (attempts.get() < 3) {
                throw new IllegalStateException("flaky " + attempts.get());
            }
        });
        try (Engine engine = engine(withOption(chain("F", "A"), "A", retry(2, 1)), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of("attempt 3")), run(flow, "x"));
            assertEquals(3, attempts.get());
            assertEquals(List.of("retry 1 of 2 in 1 ms", "retry 2 of 2 in 1 ms", FunctionEnd.OUTCOME_END), log.outcomes());
            assertEquals(List.of(1, 2, 3), log.of(FunctionStart.class).stream().map(FunctionStart::seq).toList(), "every attempt is a call");
            assertEquals(3, log.of(RunEnd.class).get(0).calls());
        }
    }

    @Test
    void whenRetriesRunOutTheLastFailureFailsTheRun() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            throw new IllegalStateException("down " + attempts.incrementAndGet());
        });
        try (Engine engine = engine(withOption(chain("F", "A"), "A", retry(1, 0)), plugin)) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals("flow F, function A (position 1) failed: down 2", e.getMessage());
            assertEquals(2, attempts.get());
        }
    }

    @Test
    void withoutRetryTimesAFailingFunctionIsCalledOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Engine engine = engine(chain("F", "A"), pool -> pool.faas("A", flow -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }))) {
            assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals(1, attempts.get());
        }
    }

    @Test
    void anUnknownFlowNameIsRefusedListingTheFlows() {
        try (Engine engine = engine(chain("F", "A"), pool -> {
        })) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.flow("G"));
            assertEquals("no flow named 'G' in this project; its flows: F", e.getMessage());
        }
        try (Engine empty = engine(io.kisflow.config.ConfigSet.EMPTY, pool -> {
        })) {
            assertEquals("no flow named 'G' in this project (it has no flows)",
                    assertThrows(IllegalArgumentException.class, () -> empty.flow("G")).getMessage());
        }
    }

    @Test
    void configsThatDoNotFitTogetherAreRefusedWhenTheFlowIsMade() {
        ConfigSet noFuncConfig = chain("F", "A").withFlow(chain("F", "A").flow("F").withFlows(List.of(FlowStep.of("A"), FlowStep.of("Ghost"))));
        ConfigSet badMode = Projects.withMode(chain("F", "A"), "A", "Compute");
        ConfigSet noConn = withOption(chain("F", "A"), "A", Projects.connector("Nowhere"));
        try (Engine a = engine(noFuncConfig, pool -> {
        }); Engine b = engine(badMode, pool -> {
        }); Engine c = engine(noConn, pool -> {
        })) {
            assertEquals("flow F uses function Ghost (position 2), which has no config: add a func file with fname: Ghost",
                    assertThrows(IllegalArgumentException.class, () -> a.flow("F")).getMessage());
            assertEquals("function A (flow F): unknown fmode 'Compute': use Verify, Save, Load, Calculate or Expand",
                    assertThrows(IllegalArgumentException.class, () -> b.flow("F")).getMessage());
            assertEquals("function A (flow F) binds connector Nowhere, which has no config: add a conn file with cname: Nowhere",
                    assertThrows(IllegalArgumentException.class, () -> c.flow("F")).getMessage());
        }
    }

    @Test
    void theBuilderNeedsConfigsAndAPositiveCallLimit() {
        assertEquals("Engine.builder(): configs(ConfigSet) is required",
                assertThrows(IllegalStateException.class, () -> Engine.builder().build()).getMessage());
        assertEquals("maxCalls must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> Engine.builder().maxCalls(0)).getMessage());
    }
}
