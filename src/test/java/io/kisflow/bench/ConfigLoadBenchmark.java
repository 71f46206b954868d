package io.kisflow.bench;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * Loading a project of 1,000 flows x 5 functions (6,000 files, as Go's benchmark): walk, read,
 * parse, type-check and cross-validate, in one process with a warm JVM. Target: under 0.3 s on a
 * 2-core machine (Go: 1.2 s). Run with {@code main} (see docs/PERFORMANCE.md, "Config loading").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ConfigLoadBenchmark {
    static final int FLOWS = 1000;
    static final int FUNCS_PER_FLOW = 5;

    private Path dir;

    @Setup(Level.Trial)
    public void writeProject() throws IOException {
        dir = Files.createTempDirectory("kisflow-load-bench");
        writeProject(dir);
        LoadResult r = ConfigLoader.load(dir);
        if (!r.problems().isEmpty() || r.configs().flows().size() != FLOWS
                || r.configs().funcs().size() != FLOWS * FUNCS_PER_FLOW) {
            throw new IllegalStateException("benchmark project did not load cleanly: " + r.problems());
        }
    }

    /** Files shaped like Go's test project: flows with per-step params, functions with source and options. */
    static void writeProject(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("flow"));
        Files.createDirectories(dir.resolve("func"));
        for (int i = 0; i < FLOWS; i++) {
            StringBuilder flow = new StringBuilder()
                    .append("kistype: flow\nstatus: 1\nflow_name: flow").append(i).append("\nflows:\n");
            for (int j = 0; j < FUNCS_PER_FLOW; j++) {
                String name = "func" + i + "_" + j;
                flow.append("  - fname: ").append(name).append("\n    params:\n")
                        .append("      myKey1: flowValue").append(j).append("-1\n")
                        .append("      myKey2: flowValue").append(j).append("-2\n");
                Files.writeString(dir.resolve("func/func-" + name + ".yml"), "kistype: func\nfname: " + name
                        + "\nfmode: Calculate\nsource:\n  name: UserOrderErrorRate\n  must:\n    - order_id\n    - user_id\n"
                        + "option:\n  retry_times: 0\n  default_params:\n    default1: " + name + "_param1\n"
                        + "    default2: " + name + "_param2\n");
            }
            Files.writeString(dir.resolve("flow/flow-" + i + ".yml"), flow);
        }
    }

    @TearDown(Level.Trial)
    public void deleteProject() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public LoadResult load6000Files() {
        return ConfigLoader.load(dir);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ConfigLoadBenchmark.class.getName()).build()).run();
    }
}
