package io.kisflow.bench;

import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.KisPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 2's engine targets: a flow of 5 Calculate functions that commit each input row unchanged.
 * {@code rows1M}: 1,000,000 small JSON-string rows committed and run per invocation; JMH's score is
 * rows per second, end to end (target >= 19 M rows/s; Go measured 3.8 M). {@code oneRow}: one row
 * per run, microseconds per run (target < 2 us; Go 37 us), with metrics off and on.
 * Run: see docs/PERFORMANCE.md, section Engine.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineThroughputBench {
    private static final int N = 1_000_000;

    /** What every function does: commit each input row unchanged. */
    static final KisPlugin PASS_THROUGH = pool -> {
        for (String f : EngineBenchFlows.FUNCTIONS) {
            pool.faas(f, flow -> {
                for (Object row : flow.input()) {
                    flow.commitRow(row);
                }
            });
        }
    };

    private Engine engine;
    private Engine engineWithMetrics;
    private KisFlowRun flow;
    private KisFlowRun flowWithMetrics;
    private List<String> rows;
    private final String oneRow = "{\"id\":1,\"v\":1}";

    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.builder().configs(EngineBenchFlows.fiveCalculates()).plugin(PASS_THROUGH).metrics(false).build();
        engineWithMetrics = Engine.builder().configs(EngineBenchFlows.fiveCalculates()).plugin(PASS_THROUGH).metrics(true).build();
        flow = engine.flow(EngineBenchFlows.FLOW);
        flowWithMetrics = engineWithMetrics.flow(EngineBenchFlows.FLOW);
        rows = EngineBenchFlows.jsonRows(N);
    }

    /** Outside the measurement: the flow really carried every row through all five levels. */
    @TearDown(Level.Iteration)
    public void check() {
        for (KisFlowRun f : List.of(flow, flowWithMetrics)) {
            if (!f.levels().isEmpty()) {
                EngineBenchChecks.everyLevelHolds(f, List.of(N, 1));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        engineWithMetrics.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(N)
    public KisFlowRun rows1M() throws FlowException {
        KisFlowRun f = flow;
        List<String> r = rows;
        for (int i = 0, n = r.size(); i < n; i++) {
            f.commitRow(r.get(i));
        }
        f.run();
        return f;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public KisFlowRun oneRow() throws FlowException {
        flow.commitRow(oneRow);
        flow.run();
        return flow;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public KisFlowRun oneRowWithMetrics() throws FlowException {
        flowWithMetrics.commitRow(oneRow);
        flowWithMetrics.run();
        return flowWithMetrics;
    }

    /** Runs this benchmark; JMH command-line options (for example {@code -wi 1 -i 3 -f 1}) override the annotations. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args)).include(EngineThroughputBench.class.getSimpleName()).build()).run();
    }
}
