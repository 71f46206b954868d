package io.kisflow.designer.debug;

import io.kisflow.engine.DryRun;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.Stepper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run in progress: its flow instance, its stepper, its thread and what the user asked of it.
 * Fields the run thread reads are volatile; the session changes them on the UI thread.
 */
final class ActiveRun {
    final int number;
    final String flowName;
    final List<String> chain;
    final KisFlowRun flow;
    final Stepper stepper = new Stepper();
    final Instant startedAt = Instant.now();
    final Map<Integer, CodeSource> codeSources;
    /** The run's dry run (its connector calls are recorded there), null for a real run. */
    final DryRun dryRun;
    Thread thread;
    RunRecorder recorder;
    /** The source rows, committed by the run's thread before it runs the flow. */
    volatile List<Object> input = List.of();

    /** -1: the run starts at the first function; p: "Run from here" at the function at p. */
    int fromPosition = -1;
    /** Pause on error is on: a failed call waits (Continue ends the run). */
    volatile boolean pauseOnError;
    /** True while the run waits at a failed call (not before one). */
    volatile boolean pausedOnError;

    /** Pause before the first call at this position ("run to here"), -1 for none. */
    volatile int target = -1;
    volatile boolean stopRequested;
    /** Stop gave up waiting for the thread: its events are ignored from then on. */
    volatile boolean abandoned;

    ActiveRun(int number, String flowName, List<String> chain, KisFlowRun flow, Map<Integer, CodeSource> codeSources, DryRun dryRun) {
        this.number = number;
        this.flowName = flowName;
        this.chain = List.copyOf(chain);
        this.flow = flow;
        this.codeSources = Map.copyOf(codeSources);
        this.dryRun = dryRun;
    }

    /** Ends the run as soon as it can: a paused run at once, a running function when it checks for interruption. */
    void requestStop() {
        stopRequested = true;
        target = -1;
        stepper.abort();
        flow.abort();
    }
}
