package io.kisflow.bench;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.designer.project.RecoveryStore;
import io.kisflow.designer.project.SavePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The designer's project files on the large project, 200 flows x 10 functions (2,200
 * hand-written files with comments): opening (load + keeping every file's text), planning a save
 * with no edit, with one param edited, and with every flow edited (200 patches, each verified by
 * reading it back), and one autosave of the recovery copy. Run with {@code main} (see docs/PERFORMANCE.md, "Project files").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ProjectFilesBenchmark {
    static final int FLOWS = 200;
    static final int FUNCS_PER_FLOW = 10;

    private Path dir;
    private ProjectFiles files;
    private ConfigSet oneEdit;
    private ConfigSet everyFlowEdited;
    private RecoveryStore recovery;

    @Setup(Level.Trial)
    public void writeProject() throws IOException {
        dir = Files.createTempDirectory("kisflow-project-bench");
        Files.createDirectories(dir.resolve("flow"));
        Files.createDirectories(dir.resolve("func"));
        for (int i = 0; i < FLOWS; i++) {
            StringBuilder flow = new StringBuilder("# flow ").append(i).append(", written by hand\nkistype: flow\nstatus: 1\nflow_name: flow")
                    .append(i).append("\nflows:\n");
            for (int j = 0; j < FUNCS_PER_FLOW; j++) {
                String name = "func" + i + "_" + j;
                flow.append("  # step ").append(j).append("\n  - fname: ").append(name).append("\n    params:\n      key: value").append(j).append('\n');
                Files.writeString(dir.resolve("func/func-" + name + ".yml"), "kistype: func\nfname: " + name
                        + "   # the name flows use\nfmode: Calculate\nsource:\n  name: Orders\n  must: [order_id, user_id]\n"
                        + "option:\n  default_params:\n    default1: " + name + "\n");
            }
            Files.writeString(dir.resolve("flow/flow-" + i + ".yml"), flow);
        }
        files = ProjectFiles.open(dir);
        if (!files.loadProblems().isEmpty() || files.configs().funcs().size() != FLOWS * FUNCS_PER_FLOW) {
            throw new IllegalStateException("benchmark project did not load cleanly: " + files.loadProblems());
        }
        ConfigSet base = files.configs();
        oneEdit = base.withFlow(withParam(base.flow("flow100"), 5, "edited"));
        ConfigSet all = base;
        for (FlowConfig f : base.flows().values()) {
            all = all.withFlow(withParam(f, 0, "edited"));
        }
        everyFlowEdited = all;
        recovery = new RecoveryStore(dir.resolve(".state"));
        check(planOneEdit(), 1);
        check(planEveryFlowEdited(), FLOWS);
    }

    private static FlowConfig withParam(FlowConfig f, int step, String value) {
        List<FlowStep> steps = new ArrayList<>(f.flows());
        Map<String, String> params = new LinkedHashMap<>(steps.get(step).params());
        params.put("key", value);
        steps.set(step, steps.get(step).withParams(params));
        return f.withFlows(steps);
    }

    private static void check(SavePlan plan, int changed) {
        if (plan.changed().size() != changed || !plan.notes().isEmpty()) {
            throw new IllegalStateException("unexpected plan: " + plan.summary() + " " + plan.notes());
        }
    }

    @TearDown(Level.Trial)
    public void deleteProject() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public ProjectFiles open2200Files() throws IOException {
        return ProjectFiles.open(dir);
    }

    @Benchmark
    public SavePlan planNoEdit() {
        return files.planSave(files.configs(), files.layout(), files.directory());
    }

    @Benchmark
    public SavePlan planOneEdit() {
        return files.planSave(oneEdit, files.layout(), files.directory());
    }

    @Benchmark
    public SavePlan planEveryFlowEdited() {
        return files.planSave(everyFlowEdited, files.layout(), files.directory());
    }

    @Benchmark
    public ConfigSet recoveryAutosave() throws IOException {
        recovery.save(dir, oneEdit, files.layout());
        return oneEdit;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ProjectFilesBenchmark.class.getName()).build()).run();
    }
}
