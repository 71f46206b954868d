package io.kisflow.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Abort, DataReuse, ForceEntryNext and JumpFunc, including the deliberate differences from Go. */
class ActionsTest {
    private static final String SRC = KisFlowRun.SOURCE_LEVEL;

    @Test
    void abortStopsAfterTheFunctionAndKeepsWhatItCommitted() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                flow.commitRow("a");
                flow.next(Action.ABORT);
            });
            pool.faas("B", prefixing("b:"));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of("a")), run(flow, "x"));
            assertEquals(List.of(FunctionEnd.OUTCOME_ABORT), log.outcomes());
            assertEquals(List.of(List.of(Action.ABORT)), log.of(FunctionEnd.class).stream().map(FunctionEnd::actions).toList());
        }
    }

    @Test
    void dataReuseMakesTheLevelTheInputRowsAndDropsWhatWasCommitted() throws Exception {
        List<Object> bInput = new ArrayList<>();
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                flow.commitRow("dropped");
                flow.next(Action.DATA_REUSE);
            });
            pool.faas("B", flow -> bInput.addAll(flow.input()));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            assertEquals(Map.of(SRC, List.of("x", "y"), "A", List.of("x", "y")), run(flow, "x", "y"));
            assertEquals(List.of("x", "y"), bInput);
            assertEquals(List.of("dropped"), log.of(FunctionEnd.class).get(0).committedRows(), "the event still shows what A committed");
        }
    }

    /** Deliberate difference: Go leaves the dropped rows in its buffer, where they become source rows of the next run. */
    @Test
    void dataReuseOnAnEmptyInputStopsAndLeaksNothingIntoTheNextRun() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                if (flow.input().isEmpty()) {
                    flow.commitRow("leak?");
                    flow.next(Action.DATA_REUSE);
                } else {
                    flow.commitRowBatch(flow.input());
                }
            });
            pool.faas("B", prefixing("b:"));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            assertEquals(Map.of(SRC, List.of()), run(flow));
            assertEquals(List.of(FunctionEnd.OUTCOME_REUSE_EMPTY), log.outcomes());
            assertEquals(Map.of(SRC, List.of("s"), "A", List.of("s"), "B", List.of("b:s")), run(flow, "s"),
                    "the next run's source is exactly what was committed for it");
        }
    }

    @Test
    void forceEntryNextAfterNothingCommittedGivesTheNextFunctionAnEmptyLevel() throws Exception {
        List<List<Object>> bInputs = new ArrayList<>();
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> flow.next(Action.FORCE_ENTRY_NEXT));
            pool.faas("B", flow -> bInputs.add(List.copyOf(flow.input())));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of()), run(engine.flow("F"), "x"));
            assertEquals(List.of(List.of()), bInputs);
        }
    }

    /** Deliberate difference: Go overwrites the committed level with an empty one. */
    @Test
    void forceEntryNextKeepsTheRowsTheFunctionCommitted() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                flow.commitRow("a");
                flow.next(Action.FORCE_ENTRY_NEXT);
            });
            pool.faas("B", prefixing("b:"));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of("a"), "B", List.of("b:a")), run(engine.flow("F"), "x"));
        }
    }

    @Test
    void dataReuseWithForceEntryNextOnAnEmptyInputGoesOnWithAnEmptyLevel() throws Exception {
        List<List<Object>> bInputs = new ArrayList<>();
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                flow.commitRow("dropped");
                flow.next(Action.DATA_REUSE, Action.FORCE_ENTRY_NEXT);
            });
            pool.faas("B", flow -> bInputs.add(List.copyOf(flow.input())));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            assertEquals(Map.of(SRC, List.of(), "A", List.of()), run(engine.flow("F")));
            assertEquals(List.of(List.of()), bInputs);
        }
    }

    @Test
    void jumpFuncContinuesAtTheTargetWhichRereadsTheLevelBeforeItAndOldLevelsStay() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", flow -> {
                int call = (int) flow.getMetaData("bCalls") + 1;
                flow.setMetaData("bCalls", call);
                for (Object row : flow.input()) {
                    flow.commitRow("b" + call + ":" + row);
                }
            });
            pool.faas("C", flow -> {
                if (flow.getMetaData("jumped") == null) {
                    flow.setMetaData("jumped", true);
                    flow.commitRow("c-first");
                    flow.next(Action.jumpFunc("B"));
                }
            });
        };
        try (Engine engine = engine(chain("F", "A", "B", "C"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            flow.setMetaData("bCalls", 0);
            EventLog log = new EventLog();
            flow.addListener(log);
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of("a:x"), "B", List.of("b2:a:x"), "C", List.of("c-first")),
                    run(flow, "x"), "C's level from before the jump stays");
            assertEquals(List.of("A@0", "B@1", "C@2", "B@1", "C@2"), log.calls());
            assertEquals(List.of("A", "A"), log.of(FunctionStart.class).stream().filter(e -> e.function().equals("B"))
                    .map(FunctionStart::inputLevel).toList(), "after the jump B reads A's level again");
            assertEquals(List.of("continue", "continue", "jump to B", "continue", FunctionEnd.OUTCOME_NO_ROWS), log.outcomes());
        }
    }

    @Test
    void aJumpToANameNotInTheFlowIsAnError() throws Exception {
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            flow.commitRow("a");
            flow.next(Action.jumpFunc("nope"));
        });
        try (Engine engine = engine(chain("F", "A"), plugin)) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals("flow F, function A (position 1) asked to jump to nope, which is not in this flow (its functions: A)", e.getMessage());
            assertEquals("A", e.getFunctionName());
        }
    }

    @Test
    void aJumpLoopStopsAfterMaxCallsNamingTheFunctionsInTheLoop() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                calls.incrementAndGet();
                flow.commitRowBatch(flow.input());
            });
            pool.faas("B", flow -> {
                calls.incrementAndGet();
                flow.commitRowBatch(flow.input());
            });
            pool.faas("J", flow -> {
                calls.incrementAndGet();
                flow.next(Action.jumpFunc("A"));
            });
        };
        try (Engine engine = Engine.builder().configs(chain("Looping", "A", "B", "J")).plugin(plugin).metrics(false).maxCalls(50).build()) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("Looping"), "x"));
            assertEquals("flow Looping stopped after 50 function calls, the limit for one run: JumpFunc keeps looping through "
                    + "A -> B -> J (J jumps to A); make the loop end, or raise the limit: Engine.Builder.maxCalls", e.getMessage());
            assertEquals(50, calls.get());
        }
    }

    @Test
    void theDefaultLimitIsTenThousandCalls() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        KisPlugin plugin = pool -> pool.faas("J", flow -> {
            calls.incrementAndGet();
            flow.next(Action.jumpFunc("J"));
        });
        try (Engine engine = engine(chain("F", "J"), plugin)) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals(10_000, calls.get());
            assertEquals(Engine.DEFAULT_MAX_CALLS, engine.maxCalls());
            assertEquals(true, e.getMessage().contains("looping through J (J jumps to J)"), e.getMessage());
        }
    }

    @Test
    void abortWinsOverAJumpInTheSameStep() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                flow.commitRow("a");
                flow.next(Action.jumpFunc("B"), Action.ABORT);
            });
            pool.faas("B", prefixing("b:"));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of("a")), run(engine.flow("F"), "x"));
        }
    }

    @Test
    void actionsLastOneStepAndASecondNextReplacesTheFirst() throws Exception {
        List<String> called = new ArrayList<>();
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                called.add("A");
                flow.next(Action.ABORT);
                flow.next(Action.FORCE_ENTRY_NEXT);
            });
            pool.faas("B", flow -> called.add("B"));
            pool.faas("C", flow -> called.add("C"));
        };
        try (Engine engine = engine(chain("F", "A", "B", "C"), plugin)) {
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of()), run(engine.flow("F"), "x"));
            assertEquals(List.of("A", "B"), called, "ForceEntryNext carried A to B; B committed nothing and no action carried on");
        }
    }

    @Test
    void aNameListedTwiceJumpsToItsLastPositionAsInGo() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", prefixing("b:"));
            pool.faas("J", flow -> {
                if (flow.getMetaData("jumped") == null) {
                    flow.setMetaData("jumped", true);
                    flow.next(Action.jumpFunc("A"));
                }
            });
        };
        try (Engine engine = engine(chain("F", "A", "B", "A", "J"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            run(flow, "x");
            assertEquals(List.of("A@0", "B@1", "A@2", "J@3", "A@2", "J@3"), log.calls());
        }
    }

    @Test
    void aJumpPastAFunctionThatNeverRanLeavesTheTargetWithoutInput() throws Exception {
        KisPlugin plugin = pool -> {
            pool.faas("J", flow -> {
                flow.commitRow("j");
                flow.next(Action.jumpFunc("C"));
            });
            pool.faas("B", prefixing("b:"));
            pool.faas("C", prefixing("c:"));
        };
        try (Engine engine = engine(chain("F", "J", "B", "C"), plugin)) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals("flow F, function C (position 3) has no input: function B (position 2) produced no level in this run"
                    + " (a JumpFunc skipped it)", e.getMessage());
        }
    }

    @Test
    void nullActionsAreRefusedWithAClearMessage() throws Exception {
        try (Engine engine = engine(chain("F", "A"), pool -> pool.faas("A", flow -> flow.next((Action) null)))) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            assertEquals("flow F, function A (position 1) failed: flow.next(...) was given a null action", e.getMessage());
        }
    }
}
