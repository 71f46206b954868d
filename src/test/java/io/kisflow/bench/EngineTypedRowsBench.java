package io.kisflow.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * Issue 2's typed-rows target: the same 5-function flow, every function typed on a record
 * {@code Rec(id, v)}. The first parses the JSON-string rows into records (through the engine's
 * cached ObjectReader); the other four receive the records as they are. Score: rows per second,
 * end to end (target >= 1 M rows/s; Go measured 56 k). Run: see docs/PERFORMANCE.md, section Engine.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EngineTypedRowsBench {
    private static final int N = 1_000_000;

    public record Rec(@JsonProperty("id") long id, @JsonProperty("v") long v) {
    }

    static final KisPlugin TYPED = pool -> {
        for (String f : EngineBenchFlows.FUNCTIONS) {
            pool.faas(f, Rec.class, (flow, rows) -> {
                for (Rec r : rows) {
                    flow.commitRow(r);
                }
            });
        }
    };

    private Engine engine;
    private KisFlowRun flow;
    private List<String> rows;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.builder().configs(EngineBenchFlows.fiveCalculates()).plugin(TYPED).metrics(false).build();
        flow = engine.flow(EngineBenchFlows.FLOW);
        rows = EngineBenchFlows.jsonRows(N);
    }

    /** Outside the measurement: the flow really carried every row, as records, through all five levels. */
    @TearDown(Level.Iteration)
    public void check() {
        EngineBenchChecks.everyLevelHolds(flow, List.of(N));
        Object last = flow.levels().get(5).rows().get(N - 1);
        if (!new Rec(N - 1, N - 1).equals(last)) {
            throw new IllegalStateException("last row of the last level is " + last);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(N)
    public KisFlowRun typedRows1M() throws FlowException {
        KisFlowRun f = flow;
        List<String> r = rows;
        for (int i = 0, n = r.size(); i < n; i++) {
            f.commitRow(r.get(i));
        }
        f.run();
        return f;
    }

    /** Runs this benchmark; JMH command-line options (for example {@code -wi 1 -i 3 -f 1}) override the annotations. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args)).include(EngineTypedRowsBench.class.getSimpleName()).build()).run();
    }
}
