package io.kisflow.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listeners, the step controller (pause, step, resume, abort), levels while paused, and abort from another thread. */
class ObservationTest {
    private static final String SRC = KisFlowRun.SOURCE_LEVEL;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static KisPlugin abc() {
        return pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", flow -> {
                flow.commitRow("b");
                flow.next(Action.FORCE_ENTRY_NEXT);
            });
            pool.faas("C", prefixing("c:"));
        };
    }

    /** Runs the flow on another thread; the future holds the run's FlowException, or null. */
    private static CompletableFuture<FlowException> runAsync(KisFlowRun flow, Object... rows) {
        for (Object r : rows) {
            flow.commitRow(r);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                flow.run();
                return null;
            } catch (FlowException e) {
                return e;
            }
        });
    }

    @Test
    void listenersHearRunStartEachFunctionsStartAndEndAndRunEnd() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B", "C"), abc())) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            run(flow, "x");
            List<Object> e = log.events;
            assertEquals(8, e.size());
            assertEquals(new RunStart("F", flow.getId(), List.of("x")), e.get(0));
            FunctionStart startB = (FunctionStart) e.get(3);
            assertEquals(new FunctionStart("F", 2, 1, "B", Mode.CALCULATE, "A", List.of("a:x"), Map.of()), startB);
            FunctionEnd endB = (FunctionEnd) e.get(4);
            assertEquals(List.of("b"), endB.committedRows());
            assertEquals(List.of(Action.FORCE_ENTRY_NEXT), endB.actions());
            assertEquals(FunctionEnd.OUTCOME_CONTINUE, endB.outcome());
            assertNull(endB.error());
            assertTrue(endB.durationNanos() >= 0);
            FunctionEnd endC = (FunctionEnd) e.get(6);
            assertEquals(FunctionEnd.OUTCOME_END, endC.outcome());
            RunEnd end = (RunEnd) e.get(7);
            assertEquals(3, end.calls());
            assertFalse(end.failed());
            assertThrows(UnsupportedOperationException.class, () -> endB.committedRows().add("x"), "events hold immutable snapshots");

            flow.removeListener(log);
            run(flow, "y");
            assertEquals(8, log.events.size(), "a removed listener hears nothing more");
        }
    }

    @Test
    void aFailingListenerFailsTheRunWithAClearMessage() throws Exception {
        try (Engine engine = engine(chain("F", "A"), abc())) {
            KisFlowRun flow = engine.flow("F");
            flow.addListener(new RunListener() {
                @Override
                public void functionStarted(FunctionStart e) {
                    throw new IllegalStateException("listener bug");
                }
            });
            FlowException e = assertThrows(FlowException.class, () -> run(flow, "x"));
            assertEquals("flow F: a run listener or step controller failed: listener bug", e.getMessage());
        }
    }

    @Test
    void theStepperPausesBeforeFunctionsStepsOneAtATimeAndResumes() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B", "C"), abc())) {
            KisFlowRun flow = engine.flow("F");
            Stepper stepper = new Stepper();
            stepper.pause();
            flow.setStepController(stepper);
            CompletableFuture<FlowException> done = runAsync(flow, "x");

            assertTrue(stepper.awaitPaused(WAIT));
            assertEquals("A", stepper.pausedAt().function());
            assertEquals(List.of(new Level(SRC, -1, List.of("x"))), flow.levels(), "levels are readable from another thread while paused");
            assertTrue(flow.isRunning());

            stepper.step();
            assertTrue(stepper.awaitPaused(WAIT));
            assertEquals("B", stepper.pausedAt().function());
            assertEquals(List.of("a:x"), stepper.pausedAt().inputRows());
            assertEquals(List.of(new Level(SRC, -1, List.of("x")), new Level("A", 0, List.of("a:x"))), flow.levels());

            stepper.resume();
            assertNull(done.get(30, TimeUnit.SECONDS));
            assertFalse(stepper.isPaused());
            assertEquals(Map.of(SRC, List.of("x"), "A", List.of("a:x"), "B", List.of("b"), "C", List.of("c:b")), Projects.levelMap(flow));
        }
    }

    @Test
    void aBreakpointPausesOnlyBeforeTheFunctionsItMatches() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B", "C"), abc())) {
            KisFlowRun flow = engine.flow("F");
            Stepper stepper = new Stepper();
            stepper.setBreakpoint(e -> e.function().equals("C"));
            List<String> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();
            stepper.setOnPause(e -> pauses.add(e.function()));
            flow.setStepController(stepper);
            CompletableFuture<FlowException> done = runAsync(flow, "x");
            assertTrue(stepper.awaitPaused(WAIT));
            assertEquals("C", stepper.pausedAt().function());
            assertEquals(3, flow.levels().size(), "source, A and B ran without pausing");
            stepper.resume();
            assertNull(done.get(30, TimeUnit.SECONDS));
            assertEquals(List.of("C"), pauses);
        }
    }

    @Test
    void theStepperAbortsAPausedRun() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B", "C"), abc())) {
            KisFlowRun flow = engine.flow("F");
            Stepper stepper = new Stepper();
            stepper.setBreakpoint(e -> e.function().equals("B"));
            flow.setStepController(stepper);
            CompletableFuture<FlowException> done = runAsync(flow, "x");
            assertTrue(stepper.awaitPaused(WAIT));
            stepper.abort();
            FlowException e = done.get(30, TimeUnit.SECONDS);
            assertEquals("flow F aborted by user before function B (position 2)", e.getMessage());
            assertEquals(2, flow.levels().size(), "what ran before the abort stays readable");

            stepper.setBreakpoint(null);
            assertEquals(4, run(flow, "y").size(), "the next run starts normally");
        }
    }

    @Test
    void abortOnTheFlowEndsARunPausedInTheController() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B"), abc())) {
            KisFlowRun flow = engine.flow("F");
            Stepper stepper = new Stepper();
            stepper.pause();
            flow.setStepController(stepper);
            EventLog log = new EventLog();
            flow.addListener(log);
            CompletableFuture<FlowException> done = runAsync(flow, "x");
            assertTrue(stepper.awaitPaused(WAIT));
            flow.abort();
            FlowException e = done.get(30, TimeUnit.SECONDS);
            assertEquals("flow F aborted by user before function A (position 1)", e.getMessage());
            assertEquals(e, log.of(RunEnd.class).get(0).error());
            assertFalse(flow.isRunning());
        }
    }

    @Test
    void abortOnTheFlowInterruptsAFunctionBlockedInItsCode() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        KisPlugin plugin = pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("Slow", flow -> {
                entered.countDown();
                never.await();
            });
        };
        try (Engine engine = engine(chain("F", "A", "Slow"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            EventLog log = new EventLog();
            flow.addListener(log);
            CompletableFuture<FlowException> done = runAsync(flow, "x");
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            flow.abort();
            FlowException e = done.get(30, TimeUnit.SECONDS);
            assertEquals("flow F aborted by user while running function Slow (position 2)", e.getMessage());
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertEquals(FunctionEnd.OUTCOME_ABORTED_BY_USER, log.outcomes().get(1));
        }
    }

    @Test
    void abortWhileIdleDoesNothing() throws Exception {
        try (Engine engine = engine(chain("F", "A"), abc())) {
            KisFlowRun flow = engine.flow("F");
            flow.abort();
            assertEquals(2, run(flow, "x").size());
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    @Test
    void oneInstanceRefusesASecondConcurrentRun() throws Exception {
        try (Engine engine = engine(chain("F", "A"), abc())) {
            KisFlowRun flow = engine.flow("F");
            Stepper stepper = new Stepper();
            stepper.pause();
            flow.setStepController(stepper);
            CompletableFuture<FlowException> done = runAsync(flow, "x");
            assertTrue(stepper.awaitPaused(WAIT));
            FlowBusyException e = assertThrows(FlowBusyException.class, flow::run);
            assertTrue(e.getMessage().startsWith("flow F is running on thread '"), e.getMessage());
            assertTrue(e.getMessage().contains("run() from thread '" + Thread.currentThread().getName() + "' is refused"), e.getMessage());
            stepper.resume();
            assertNull(done.get(30, TimeUnit.SECONDS));
        }
    }

    /** Issue 9 item 11: a listener hears whole calls and whole runs, never an end without its start. */
    @Test
    void aListenerAddedOrRemovedDuringACallHearsWholeCallsOnly() throws Exception {
        EventLog late = new EventLog();
        EventLog leaving = new EventLog();
        KisFlowRun[] self = new KisFlowRun[1];
        KisPlugin plugin = pool -> {
            pool.faas("A", flow -> {
                self[0].addListener(late);        // joins in the middle of A's call
                self[0].removeListener(leaving);  // leaves in the middle of A's call
                flow.commitRow("a");
            });
            pool.faas("B", prefixing("b:"));
        };
        try (Engine engine = engine(chain("F", "A", "B"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            self[0] = flow;
            flow.addListener(leaving);
            run(flow, "x");

            assertEquals(List.of("start B", "end B"), describe(late), "no end of A, whose start it did not hear, and no run end");
            assertEquals(List.of("run start", "start A", "end A", "run end"), describe(leaving), "what it heard start, it hears end");
            assertEquals(late.of(FunctionStart.class).get(0).seq(), late.of(FunctionEnd.class).get(0).seq());
        }
    }

    private static List<String> describe(EventLog log) {
        return log.events.stream().map(e -> e instanceof RunStart ? "run start" : e instanceof RunEnd ? "run end"
                : e instanceof FunctionStart s ? "start " + s.function() : "end " + ((FunctionEnd) e).function()).toList();
    }
}
