package io.kisflow.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 item 8: whatever a run throws (an OutOfMemoryError in a function, an AssertionError in a
 * listener), the flow instance is free afterwards and the next run works; the outcome names the flow.
 */
class ErrorReleasesTheFlowTest {

    /** B runs out of memory on the row "oom"; every other row passes. */
    private static KisPlugin oomOnRequest() {
        return pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", flow -> {
                for (Object row : flow.input()) {
                    if (row.equals("a:oom")) {
                        throw new OutOfMemoryError("Java heap space (simulated)");
                    }
                    flow.commitRow(row);
                }
            });
        };
    }

    @Test
    void anOutOfMemoryErrorPropagatesNamingFlowAndFunctionAndTheNextRunWorks() throws Exception {
        try (Engine engine = engine(chain("Oom", "A", "B"), oomOnRequest())) {
            KisFlowRun flow = engine.flow("Oom");
            EventLog log = new EventLog();
            flow.addListener(log);
            flow.commitRow("oom");
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, flow::run);

            assertEquals("Java heap space (simulated)", e.getMessage(), "the JVM's error comes out as it is");
            FlowException named = assertInstanceOf(FlowException.class, e.getSuppressed()[0]);
            assertEquals("flow Oom, function B (position 2): the run was abandoned after OutOfMemoryError: Java heap space (simulated)",
                    named.getMessage());
            assertEquals("B", named.getFunctionName());
            RunEnd end = log.of(RunEnd.class).get(0);
            assertSame(named, end.error(), "listeners hear the run end, failed, naming flow and function");
            assertFalse(flow.isRunning());

            assertEquals(List.of("a:x"), run(flow, "x").get("B"), "the instance runs again: not 'already running' for good");
        }
    }

    @Test
    void anAssertionErrorInAListenerFailsTheRunAndTheNextRunWorks() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B"), oomOnRequest())) {
            KisFlowRun flow = engine.flow("F");
            RunListener failing = new RunListener() {
                @Override
                public void functionEnded(FunctionEnd e) {
                    throw new AssertionError("listener expected something else");
                }
            };
            flow.addListener(failing);
            FlowException e = assertThrows(FlowException.class, () -> run(flow, "x"));
            assertEquals("flow F: a run listener or step controller failed: listener expected something else", e.getMessage());
            assertEquals("A", e.getFunctionName());
            assertInstanceOf(AssertionError.class, e.getCause());
            assertFalse(flow.isRunning());

            flow.removeListener(failing);
            assertEquals(List.of("a:y"), run(flow, "y").get("B"));
        }
    }

    @Test
    void anErrorInRunEndedOrInTheStepControllerReleasesTheFlowToo() throws Exception {
        try (Engine engine = engine(chain("F", "A"), oomOnRequest())) {
            KisFlowRun flow = engine.flow("F");
            RunListener failingAtEnd = new RunListener() {
                @Override
                public void runEnded(RunEnd e) {
                    throw new AssertionError("end");
                }
            };
            flow.addListener(failingAtEnd);
            FlowException atEnd = assertThrows(FlowException.class, () -> run(flow, "x"));
            assertTrue(atEnd.getMessage().endsWith("failed: end"), atEnd.getMessage());
            flow.removeListener(failingAtEnd);

            flow.setStepController(e -> {
                throw new ExceptionInInitializerError("controller broke");
            });
            FlowException inController = assertThrows(FlowException.class, () -> run(flow, "x"));
            assertEquals("flow F: a run listener or step controller failed: controller broke", inController.getMessage());
            flow.setStepController(null);

            assertEquals(List.of("a:z"), run(flow, "z").get("A"));
        }
    }
}
