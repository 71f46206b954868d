package io.kisflow.designer.tests;

import io.kisflow.code.ProjectCode;
import io.kisflow.config.FlowStep;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.ui.LongWork;
import io.kisflow.engine.Engine;
import io.kisflow.flowtest.CaseResult;
import io.kisflow.flowtest.FlowTestCase;
import io.kisflow.flowtest.FlowTestFiles;
import io.kisflow.flowtest.FlowTestRunner;
import io.kisflow.flowtest.LevelDiff;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Tests tab: the project's flow test cases (the {@code tests/*.json} files the document holds,
 * saved or not) with pass, fail, stale or not run; "Run all" and "Run" of one case off the UI
 * thread, on one engine built as the {@code test} command builds it, with progress and Cancel;
 * after an edit, the cases whose coverage changed ({@link CaseCoverage}) are stale. A failed case's
 * expected and actual rows of a level go to the debugger's diff view ({@link #compare}).
 *
 * <pre>{@code TestsModel tests = new TestsModel(doc, code::compiled, code::compilePending, recipe, background, Platform::runLater);
 * tests.runAll().result().thenRun(() -> tests.cases().forEach(c -> System.out.println(c.name() + " " + c.status())));}</pre>
 */
public final class TestsModel {
    private final ProjectDocument doc;
    private final Supplier<ProjectCode> compiled;
    private final Runnable compilePending;
    private final Supplier<TestEngine> recipe;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<TestCaseRow> cases = FXCollections.observableArrayList();
    private final ObservableList<TestCaseRow> casesView = FXCollections.unmodifiableObservableList(cases);
    private final Map<String, FlowTestCase> ranCases = new HashMap<>();
    private final Map<String, String> flowOfText = new HashMap<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private LongWork<List<CaseResult>> work;
    private int threads = FlowTestRunner.defaultThreads();

    /**
     * @param compiled       the last compile of the function sources (what a source registers, for coverage)
     * @param compilePending compiles typed code that waits for its compile, so a run uses what is on screen
     * @param recipe         what the engine is built from, asked on the UI thread when a run starts
     */
    public TestsModel(ProjectDocument doc, Supplier<ProjectCode> compiled, Runnable compilePending, Supplier<TestEngine> recipe,
                      Executor background, Executor ui) {
        this.doc = doc;
        this.compiled = compiled;
        this.compilePending = compilePending;
        this.recipe = recipe;
        this.background = background;
        this.ui = ui;
        doc.stateProperty().addListener((o, a, b) -> refresh());
        doc.opensProperty().addListener((o, a, b) -> {
            cancel();
            cases.clear();
            ranCases.clear();
            message.set("");
            refresh();
        });
        refresh();
    }

    public ObservableList<TestCaseRow> cases() {
        return casesView;
    }

    /** The case named {@code name}, or null. */
    public TestCaseRow find(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1 while running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Running 12 of 200 tests", "200 tests: 198 passed, 2 failed", why a run could not start. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Cases run at once (default: one per core). */
    public void setThreads(int n) {
        threads = Math.max(1, n);
    }

    /**
     * Matches the list to the case files the document holds, and marks stale the cases whose
     * coverage changed since they ran (and current again those an undo took back).
     */
    public void refresh() {
        DesignState s = doc.state();
        List<String> names = new ArrayList<>();
        for (String path : s.code().keySet()) {
            if (FlowTestFiles.isCasePath(path)) {
                names.add(FlowTestFiles.nameOf(path));
            }
        }
        cases.removeIf(c -> !names.contains(c.name()));
        for (int i = 0; i < names.size(); i++) {
            if (i >= cases.size() || !cases.get(i).name().equals(names.get(i))) {
                TestCaseRow existing = find(names.get(i));
                if (existing != null) {
                    cases.remove(existing);
                }
                cases.add(i, existing != null ? existing : new TestCaseRow(names.get(i)));
            }
        }
        ProjectCode code = compiled.get();
        for (TestCaseRow row : cases) {
            String path = FlowTestFiles.pathOf(row.name());
            row.setFlow(flowOf(s.code().get(path)));
            if (row.ranWith() == null || row.status() == TestStatus.RUNNING) {
                continue;
            }
            CaseCoverage now = CaseCoverage.of(s, code, path, row.ranWith().flow() == null ? row.flowProperty().get() : row.ranWith().flow().flowName());
            if (now.equals(row.ranWith())) {
                row.current();
            } else {
                row.stale();
            }
        }
    }

    /** The flow a case's text names, "" when it does not read as a case (remembered per text: parsing is not free). */
    private String flowOf(String text) {
        if (text == null) {
            return "";
        }
        if (flowOfText.size() > 1000) {
            flowOfText.clear();
        }
        return flowOfText.computeIfAbsent(text, t -> {
            try {
                return FlowTestFiles.parse(Path.of("case.json"), t).flow();
            } catch (IllegalArgumentException e) {
                return "";
            }
        });
    }

    /** Runs every case. */
    public LongWork<List<CaseResult>> runAll() {
        return run(cases.stream().map(TestCaseRow::name).toList());
    }

    /**
     * Runs these cases off the UI thread; each row shows its result as soon as it is known. Null
     * when a run is on already or there is nothing to run ({@link #messageProperty()} says so).
     */
    public LongWork<List<CaseResult>> run(List<String> names) {
        if (running.get()) {
            message.set("tests are running: wait for them or cancel them first");
            return null;
        }
        if (names.isEmpty()) {
            message.set("no tests in this project yet: run a flow, then \"Save run as test\"");
            return null;
        }
        compilePending.run();
        DesignState s = doc.state();
        ProjectCode code = compiled.get();
        Path dir = doc.directory() == null ? Path.of("") : doc.directory();
        List<FlowTestFiles.CaseFile> files = new ArrayList<>();
        Map<String, CaseCoverage> coverage = new HashMap<>();
        for (String name : names) {
            String path = FlowTestFiles.pathOf(name);
            String text = s.code().get(path);
            if (text == null) {
                continue;
            }
            FlowTestFiles.CaseFile f = FlowTestFiles.load(dir.resolve(path), text);
            files.add(f);
            coverage.put(name, CaseCoverage.of(s, code, path, f.testCase() == null ? null : f.testCase().flow()));
            if (f.testCase() != null) {
                ranCases.put(name, f.testCase());
            }
            TestCaseRow row = find(name);
            if (row != null) {
                row.running();
            }
        }
        TestEngine engineRecipe = recipe.get();
        int total = files.size();
        AtomicInteger done = new AtomicInteger();
        running.set(true);
        progress.set(0);
        message.set("Running " + total + (total == 1 ? " test" : " tests") + "...");
        int n = threads;
        work = LongWork.start("Running " + total + " tests", p -> {
            FlowTestRunner runner = new FlowTestRunner();
            try (Engine engine = engineRecipe.build(runner.mocks())) {
                return runner.runAll(engine, files, n, r -> {
                    int k = done.incrementAndGet();
                    ui.execute(() -> {
                        TestCaseRow row = find(r.name());
                        if (row != null) {
                            row.finished(r, coverage.get(r.name()));
                        }
                    });
                    p.step(k, total, "Ran " + k + " of " + total + (total == 1 ? " test" : " tests"));
                }, p::isCancelled);
            }
        }, background, ui);
        work.progressProperty().addListener((o, a, b) -> progress.set(Math.max(0, b.doubleValue())));
        work.messageProperty().addListener((o, a, b) -> message.set(b));
        work.result().whenComplete((results, failure) -> {
            running.set(false);
            for (TestCaseRow row : cases) {
                if (row.status() == TestStatus.RUNNING) {
                    row.current();
                }
            }
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : failure;
                message.set(cause instanceof CancellationException ? "Cancelled after " + done.get() + " of " + total + " tests"
                        : "The tests could not run: " + cause.getMessage());
            } else {
                long failed = results.stream().filter(r -> !r.passed()).count();
                message.set(results.size() + (results.size() == 1 ? " test: " : " tests: ") + (results.size() - failed) + " passed, " + failed + " failed");
            }
            refresh();   // an edit made while they ran makes them stale at once
        });
        return work;
    }

    /** Cancels the running tests (those done keep their results). */
    public void cancel() {
        if (work != null) {
            work.cancel();
        }
    }

    /** The levels whose rows differ in the case's last result. */
    public List<String> differingLevels(TestCaseRow row) {
        CaseResult r = row.result();
        return r == null ? List.of() : r.diffs().stream().map(LevelDiff::level).toList();
    }

    /**
     * Shows the expected rows of {@code level} (left) beside the rows the case's last run left there
     * (right) in {@code diff}; false when the case has no result for that level.
     */
    public boolean compare(TestCaseRow row, String level, DiffModel diff) {
        CaseResult r = row.result();
        FlowTestCase c = ranCases.get(row.name());
        if (r == null || c == null || !r.actual().containsKey(level)) {
            return false;
        }
        int position = position(c.flow(), level);
        List<Object> expected = c.expectOrEmpty().getOrDefault(level, List.of());
        diff.compare(new LevelData(c.flow(), "expected " + level, position, expected == null ? List.of() : expected, false),
                new LevelData(c.flow(), "actual " + level, position, r.actual().get(level), false));
        return true;
    }

    private int position(String flowName, String level) {
        var flow = doc.state().configs().flow(flowName);
        if (flow != null) {
            List<FlowStep> steps = flow.flows();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).fname().equals(level)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
