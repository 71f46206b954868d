package io.kisflow.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 item 9: one flow instance used from many threads. The instance is single-threaded: a call
 * from a second thread while another uses it is refused with a FlowBusyException naming the flow and
 * the thread, and no row is ever moved into another run or dropped.
 */
class OneInstanceManyThreadsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int THREADS = 8;
    private static final int ROUNDS = 10_000;

    /** Two functions that pass every row on: a run's output must be exactly its source. */
    private static KisPlugin passThrough() {
        return pool -> {
            FaaS copy = flow -> {
                for (Object row : flow.input()) {
                    flow.commitRow(row);
                }
            };
            pool.faas("A", copy);
            pool.faas("B", copy);
        };
    }

    /** What one run saw, recorded by a listener on the running thread. */
    private record Seen(String thread, List<Object> source, List<Object> output) {
    }

    /** Records each run's source (the input of its first call) and output (what its last function committed). */
    private static final class RunsSeen implements RunListener {
        final ConcurrentLinkedQueue<Seen> runs = new ConcurrentLinkedQueue<>();
        private List<Object> source;
        private List<Object> output;

        @Override
        public void runStarted(RunStart e) {
            source = e.sourceRows();
            output = List.of();
        }

        @Override
        public void functionEnded(FunctionEnd e) {
            if (e.position() == 1) {
                output = e.committedRows();
            }
        }

        @Override
        public void runEnded(RunEnd e) {
            runs.add(new Seen(Thread.currentThread().getName(), List.copyOf(source), List.copyOf(output)));
        }
    }

    @Test
    void eightThreadsCommitAndRunOneInstanceWithoutLosingOrMovingARow() throws Exception {
        try (Engine engine = engine(chain("Shared", "A", "B"), passThrough())) {
            KisFlowRun flow = engine.flow("Shared");
            RunsSeen seen = new RunsSeen();
            flow.addListener(seen);
            Set<String> committed = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Set<String> refusedRows = java.util.concurrent.ConcurrentHashMap.newKeySet();
            AtomicInteger runsDone = new AtomicInteger();
            AtomicInteger runsRefused = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> unclear = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> new Thread(r, "user-" + UUIDish.next()));
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < ROUNDS; i++) {
                            String row = thread + ":" + i;
                            try {
                                flow.commitRow(row);
                                committed.add(row);
                            } catch (FlowBusyException e) {
                                refusedRows.add(row);
                                checkClear(e, unclear);
                            } catch (Throwable e) {
                                unexpected.add(e);
                            }
                            try {
                                flow.run();
                                runsDone.incrementAndGet();
                            } catch (FlowBusyException e) {
                                runsRefused.incrementAndGet();
                                checkClear(e, unclear);
                            } catch (Throwable e) {
                                unexpected.add(e);
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> w : workers) {
                    w.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            flow.run(); // rows committed after the last run on their thread go to this one
            runsDone.incrementAndGet();

            assertTrue(unexpected.isEmpty(), () -> "only FlowBusyException may come out, but: " + unexpected.peek()
                    + " (" + unexpected.size() + " in all)");
            assertTrue(unclear.isEmpty(), () -> unclear.size() + " refusals do not say whose: " + unclear.peek());
            assertEquals(THREADS * ROUNDS, committed.size() + refusedRows.size(), "every commit either happened or was refused");
            assertEquals(THREADS * ROUNDS, runsDone.get() + runsRefused.get() - 1, "every run either happened or was refused");
            assertEquals(runsDone.get(), seen.runs.size(), "every run that happened was heard, whole");
            assertTrue(runsRefused.get() > 0, "the threads really competed: some runs were refused");

            // Each run's output is exactly its own source: no row was put into another run's output.
            Map<String, Integer> timesRun = new HashMap<>();
            for (Seen s : seen.runs) {
                assertEquals(s.source(), s.output(), "run on " + s.thread() + " returned other rows than its source");
                for (Object row : s.source()) {
                    timesRun.merge((String) row, 1, Integer::sum);
                }
            }
            // Every committed row ran exactly once; no refused row ran at all.
            assertEquals(committed, new HashSet<>(timesRun.keySet()), "the rows that ran are exactly the rows committed");
            assertTrue(timesRun.values().stream().allMatch(n -> n == 1), "no row ran twice");
            assertEquals(committed.size(), seen.runs.stream().mapToInt(s -> s.source().size()).sum(), "rows counted exactly");
        }
    }

    private static void checkClear(FlowBusyException e, ConcurrentLinkedQueue<String> unclear) {
        String m = e.getMessage();
        if (!"Shared".equals(e.getFlowName()) || e.getOwnerThread() == null || !m.startsWith("flow Shared ")
                || !m.contains("thread '" + e.getOwnerThread() + "'") || !m.contains("from thread '" + Thread.currentThread().getName() + "'")
                || !m.contains("fork()")) {
            unclear.add(m);
        }
    }

    /** Short distinct names for the worker threads, so messages can be checked against them. */
    private static final class UUIDish {
        private static final AtomicInteger N = new AtomicInteger();

        static String next() {
            return String.valueOf(N.incrementAndGet());
        }
    }

    @Test
    void aCallFromAnotherThreadDuringARunIsRefusedNamingTheFlowAndTheRunningThread() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B"), passThrough())) {
            KisFlowRun flow = engine.flow("F");
            Stepper stepper = new Stepper();
            stepper.setBreakpoint(e -> e.position() == 1);
            flow.setStepController(stepper);
            flow.commitRow("mine");
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread runner = new Thread(() -> {
                try {
                    flow.run();
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }, "the-runner");
            runner.start();
            assertTrue(stepper.awaitPaused(WAIT));

            String me = Thread.currentThread().getName();
            FlowBusyException commit = assertThrows(FlowBusyException.class, () -> flow.commitRow("intruder"));
            assertEquals("flow F is running on thread 'the-runner': commitRow from thread '" + me + "' is refused; "
                    + "a flow instance is used by one thread at a time: give each thread its own with fork()", commit.getMessage());
            assertEquals("F", commit.getFlowName());
            assertEquals("the-runner", commit.getOwnerThread());
            assertThrows(FlowBusyException.class, () -> flow.commitRowBatch(List.of("intruders")));
            assertThrows(FlowBusyException.class, flow::run);
            assertThrows(FlowBusyException.class, () -> flow.next(Action.ABORT));
            assertThrows(FlowBusyException.class, flow::input);
            assertThrows(FlowBusyException.class, () -> flow.getFuncParam("x"));
            assertThrows(FlowBusyException.class, flow::getThisFunction);
            // what is safe from any thread stays open: levels, metadata, the cache, the name
            assertEquals(List.of("mine"), flow.levels().get(0).rows());
            flow.setMetaData("seen", true);
            assertEquals("F", flow.getName());

            stepper.resume();
            done.get(30, TimeUnit.SECONDS);
            assertEquals(List.of(List.of("mine"), List.of("mine"), List.of("mine")),
                    flow.levels().stream().map(Level::rows).toList(), "the refused rows and the refused ABORT went nowhere");
        }
    }

    @Test
    void rowsCommittedOnOneThreadRunOnTheThreadThatRunsNext() throws Exception {
        try (Engine engine = engine(chain("F", "A", "B"), passThrough())) {
            KisFlowRun flow = engine.flow("F");
            flow.commitRow("from main");
            flow.commitRowBatch(List.of("more from main"));
            CompletableFuture<List<Object>> output = CompletableFuture.supplyAsync(() -> {
                try {
                    flow.commitRow("from the runner");
                    flow.run();
                    return flow.levels().get(2).rows();
                } catch (FlowException e) {
                    throw new IllegalStateException(e);
                }
            }, r -> new Thread(r, "runner").start());
            assertEquals(List.of("from main", "more from main", "from the runner"), output.get(30, TimeUnit.SECONDS));
            assertFalse(flow.isRunning());
            // and the instance is free for this thread again
            assertEquals(List.of("again"), run(flow, "again").get("B"));
            assertNull(flow.getThisFunction());
        }
    }
}
