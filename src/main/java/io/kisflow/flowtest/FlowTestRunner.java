package io.kisflow.flowtest;

import io.kisflow.config.FlowConfig;
import io.kisflow.config.FuncConfig;
import io.kisflow.engine.Action;
import io.kisflow.engine.DryRun;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FaaS;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.FunctionEnd;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.Level;
import io.kisflow.engine.RunListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.nio.file.Path;

/**
 * Runs flow test cases on one engine. The caller builds the engine (plugins, function sources) with
 * this runner's {@link #mocks()}, which commit a case's pinned rows in place of those functions'
 * code. Every run has a dry-run gate: no connector is opened and nothing is written, so a case never
 * needs a live server; a Load function that is not pinned fails with advice to pin it. Cases may run
 * on several threads at once ({@link #runAll}): one engine (its plugins loaded and its sources
 * compiled once) serves them all, each case's pins are its own thread's.
 *
 * <pre>{@code FlowTestRunner runner = new FlowTestRunner();
 * try (Engine engine = Engine.builder().configs(configs).mocks(runner.mocks()).build()) {
 *     CaseResult r = runner.run(engine, caseFile);
 * }}</pre>
 */
public final class FlowTestRunner {
    static final String PIN_ADVICE = "pin its rows in the case (\"pinned\": {\"FUNCTION\": [rows]})";

    /** The pins of the case the calling thread runs: the engine asks the mocks on that thread when it makes the flow. */
    private final ThreadLocal<Map<String, List<Object>>> pins = ThreadLocal.withInitial(Map::of);

    /** The mocks to build the engine with: the pinned rows of the case being run. */
    public Function<FuncConfig, FaaS> mocks() {
        return config -> {
            List<Object> rows = pins.get().get(config.fname());
            return rows == null ? null : flow -> flow.commitRowBatch(rows);
        };
    }

    /** The threads {@link #runAll} uses by default: one per core, since a case is pure computation (it runs dry). */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs every case on {@code threads} threads; the results come back in the order of
     * {@code cases}, and {@code each} hears each result in that order as soon as it and those before
     * it are done (a terminal prints them in order while later ones still run). Stops starting cases
     * once {@code cancelled} says so and throws {@link CancellationException}.
     */
    public List<CaseResult> runAll(Engine engine, List<FlowTestFiles.CaseFile> cases, int threads, Consumer<CaseResult> each,
                                   BooleanSupplier cancelled) {
        return runEach(engine, cases.stream().map(c -> (Supplier<FlowTestFiles.CaseFile>) () -> c).toList(), threads, each, cancelled);
    }

    /**
     * {@link #runAll} on case files read by the thread that runs them, each dropped once run: 200
     * cases of 1,000 rows are never all in memory at once (the heap stays small, the collector idle).
     */
    public List<CaseResult> runFiles(Engine engine, List<Path> files, int threads, Consumer<CaseResult> each, BooleanSupplier cancelled) {
        return runEach(engine, files.stream().map(f -> (Supplier<FlowTestFiles.CaseFile>) () -> FlowTestFiles.load(f)).toList(),
                threads, each, cancelled);
    }

    private List<CaseResult> runEach(Engine engine, List<Supplier<FlowTestFiles.CaseFile>> cases, int threads, Consumer<CaseResult> each,
                                     BooleanSupplier cancelled) {
        List<CaseResult> results = new ArrayList<>(cases.size());
        if (threads <= 1 || cases.size() <= 1) {
            for (Supplier<FlowTestFiles.CaseFile> c : cases) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled after " + results.size() + " of " + cases.size() + " cases");
                }
                CaseResult r = run(engine, c.get());
                results.add(r);
                each.accept(r);
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, cases.size()), r -> {
            Thread t = new Thread(r, "flow-test");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (Supplier<FlowTestFiles.CaseFile> c : cases) {
                futures.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                    return run(engine, c.get());
                }));
            }
            for (Future<CaseResult> f : futures) {
                CaseResult r = waitFor(f);
                if (r == null || cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled after " + results.size() + " of " + cases.size() + " cases");
                }
                results.add(r);
                each.accept(r);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The result, or null when the case was cancelled before it started. */
    private static CaseResult waitFor(Future<CaseResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (CancellationException e) {
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) {
                return null;
            }
            // run() reports what a case does wrong as problems; anything else is a fault of the runner itself
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    public CaseResult run(Engine engine, FlowTestFiles.CaseFile file) {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<LevelDiff> diffs = new ArrayList<>();
        Map<String, List<Object>> actual = new LinkedHashMap<>();
        if (file.error() != null) {
            problems.add(file.error());
        } else {
            try {
                check(engine, file.testCase(), problems, diffs, actual);
            } finally {
                pins.remove();
            }
        }
        // a passed case's rows are never shown: only a failure keeps them (200 passing cases would hold every row)
        boolean passed = problems.isEmpty() && diffs.isEmpty();
        return new CaseResult(file.name(), file.file(), System.nanoTime() - start, problems, diffs, passed ? Map.of() : actual);
    }

    private void check(Engine engine, FlowTestCase c, List<String> problems, List<LevelDiff> diffs, Map<String, List<Object>> actualOut) {
        FlowConfig config = engine.configs().flow(c.flow());
        if (config == null) {
            problems.add("no flow named '" + c.flow() + "'; flows: " + String.join(", ", engine.configs().flows().keySet()));
            return;
        }
        for (String pinned : c.pinnedOrEmpty().keySet()) {
            if (config.flows().stream().noneMatch(f -> f.fname().equals(pinned))) {
                problems.add("\"pinned\" names " + pinned + ", which is no function of flow " + c.flow());
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        pins.set(Map.copyOf(c.pinnedOrEmpty()));
        KisFlowRun flow = engine.flow(c.flow()); // the mocks are asked now, while the pins are this case's
        flow.setConnectorGate(new DryRun(PIN_ADVICE, 0));
        Map<String, List<String>> actions = new LinkedHashMap<>();
        flow.addListener(new RunListener() {
            @Override
            public void functionEnded(FunctionEnd e) {
                List<String> names = actions.computeIfAbsent(e.function(), k -> new ArrayList<>());
                e.actions().stream().map(Action::toString).forEach(names::add);
            }
        });
        c.inputOrEmpty().forEach(flow::commitRow);
        String error = null;
        try {
            flow.run();
        } catch (FlowException e) {
            error = e.getMessage();
        }
        if (c.expectError() == null && error != null) {
            problems.add("the run failed: " + error);
        } else if (c.expectError() != null && error == null) {
            problems.add("expected an error containing \"" + c.expectError() + "\"; the run succeeded");
        } else if (c.expectError() != null && !error.contains(c.expectError())) {
            problems.add("expected an error containing \"" + c.expectError() + "\"; got: " + error);
        }
        c.expectActionsOrEmpty().forEach((function, expected) -> {
            List<String> got = actions.getOrDefault(function, List.of());
            if (!got.equals(expected)) {
                problems.add("actions of " + function + ": expected " + expected + ", got " + got
                        + (actions.containsKey(function) ? "" : " (it did not run)"));
            }
        });
        compareLevels(c, flow.levels(), config, problems, diffs, actualOut);
    }

    private static void compareLevels(FlowTestCase c, List<Level> levels, FlowConfig config, List<String> problems, List<LevelDiff> diffs,
                                      Map<String, List<Object>> actualOut) {
        Map<String, List<Object>> actual = new LinkedHashMap<>();
        levels.forEach(l -> actual.put(l.name(), l.rows()));
        RowComparison comparison = new RowComparison(c.ignoreOrEmpty(), c.rowOrderMatters());
        for (Map.Entry<String, List<Object>> e : c.expectOrEmpty().entrySet()) {
            String level = e.getKey();
            boolean known = level.equals(KisFlowRun.SOURCE_LEVEL) || config.flows().stream().anyMatch(f -> f.fname().equals(level));
            if (!known) {
                problems.add("\"expect\" names level " + level + ", which flow " + c.flow() + " does not have; its levels: "
                        + KisFlowRun.SOURCE_LEVEL + ", " + String.join(", ", config.flows().stream().map(f -> f.fname()).toList()));
                continue;
            }
            List<Object> got = actual.getOrDefault(level, List.of());
            // a copy: the designer shows them beside the expected rows after the flow is gone
            actualOut.put(level, java.util.Collections.unmodifiableList(new ArrayList<>(got)));
            LevelDiff diff = comparison.compare(level, e.getValue() == null ? List.of() : e.getValue(), got);
            if (diff != null) {
                diffs.add(diff);
            }
        }
    }
}
