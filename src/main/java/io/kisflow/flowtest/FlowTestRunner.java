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
import java.util.function.Function;

/**
 * Runs flow test cases on one engine. The caller builds the engine (plugins, function sources) with
 * this runner's {@link #mocks()}, which commit a case's pinned rows in place of those functions'
 * code. Every run has a dry-run gate: no connector is opened and nothing is written, so a case never
 * needs a live server; a Load function that is not pinned fails with advice to pin it.
 *
 * <pre>{@code FlowTestRunner runner = new FlowTestRunner();
 * try (Engine engine = Engine.builder().configs(configs).mocks(runner.mocks()).build()) {
 *     CaseResult r = runner.run(engine, caseFile);
 * }}</pre>
 */
public final class FlowTestRunner {
    static final String PIN_ADVICE = "pin its rows in the case (\"pinned\": {\"FUNCTION\": [rows]})";

    private volatile Map<String, List<Object>> pins = Map.of();

    /** The mocks to build the engine with: the pinned rows of the case being run. */
    public Function<FuncConfig, FaaS> mocks() {
        return config -> {
            List<Object> rows = pins.get(config.fname());
            return rows == null ? null : flow -> flow.commitRowBatch(rows);
        };
    }

    public CaseResult run(Engine engine, FlowTestFiles.CaseFile file) {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<LevelDiff> diffs = new ArrayList<>();
        if (file.error() != null) {
            problems.add(file.error());
        } else {
            check(engine, file.testCase(), problems, diffs);
        }
        return new CaseResult(file.name(), file.file(), System.nanoTime() - start, problems, diffs);
    }

    private void check(Engine engine, FlowTestCase c, List<String> problems, List<LevelDiff> diffs) {
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
        pins = Map.copyOf(c.pinnedOrEmpty());
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
        compareLevels(c, flow.levels(), config, problems, diffs);
    }

    private static void compareLevels(FlowTestCase c, List<Level> levels, FlowConfig config, List<String> problems, List<LevelDiff> diffs) {
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
            LevelDiff diff = comparison.compare(level, e.getValue() == null ? List.of() : e.getValue(), actual.getOrDefault(level, List.of()));
            if (diff != null) {
                diffs.add(diff);
            }
        }
    }
}
