package io.kisflow.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Why levels are fresh chunked lists rather than reused ArrayLists: the engine's row path without the
 * engine (a source level plus five levels, each row copied level to level), storing into (a) six
 * ArrayLists cleared and reused every run, (b) fresh lists of 8,192-row chunks, the way RowList
 * does. Run under G1 (the JDK 17 default) and ParallelGC via {@code gc}. Reused arrays end up in the
 * old generation, where G1 makes every reference store pay a StoreLoad fence for card marking;
 * fresh chunks are young and skip it. Score: rows per second.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class EngineLevelStorageBench {
    private static final int N = 1_000_000;
    private static final int LEVELS = 6;
    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;

    @Param({"G1", "Parallel"})
    public String gc;

    private List<String> rows;
    @SuppressWarnings("unchecked")
    private final ArrayList<Object>[] reused = new ArrayList[LEVELS];

    @Setup
    public void setUp() {
        rows = EngineBenchFlows.jsonRows(N);
        for (int i = 0; i < LEVELS; i++) {
            reused[i] = new ArrayList<>();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(N)
    public Object reusedArrayLists() {
        for (ArrayList<Object> l : reused) {
            l.clear();
        }
        for (int i = 0; i < N; i++) {
            reused[0].add(rows.get(i));
        }
        for (int k = 1; k < LEVELS; k++) {
            ArrayList<Object> in = reused[k - 1];
            ArrayList<Object> out = reused[k];
            for (int i = 0, n = in.size(); i < n; i++) {
                out.add(in.get(i));
            }
        }
        return reused[LEVELS - 1];
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(N)
    public Object freshChunks() {
        Chunks prev = new Chunks();
        for (int i = 0; i < N; i++) {
            prev.add(rows.get(i));
        }
        for (int k = 1; k < LEVELS; k++) {
            Chunks out = new Chunks();
            for (int i = 0, n = prev.size; i < n; i++) {
                out.add(prev.get(i));
            }
            prev = out;
        }
        return prev;
    }

    /** The storage scheme of the engine's RowList, reduced to what the comparison needs. */
    private static final class Chunks {
        Object[][] chunks = new Object[16][];
        Object[] tail;
        int size;

        void add(Object o) {
            int i = size & (CHUNK - 1);
            if (i == 0) {
                int c = size >>> SHIFT;
                if (c == chunks.length) {
                    chunks = Arrays.copyOf(chunks, c * 2);
                }
                tail = new Object[CHUNK];
                chunks[c] = tail;
            }
            tail[i] = o;
            size++;
        }

        Object get(int i) {
            return chunks[i >>> SHIFT][i & (CHUNK - 1)];
        }
    }

    /** Runs both schemes under both collectors; JMH command-line options override the annotations. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        for (String gc : List.of("G1", "Parallel")) {
            new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                    .include(EngineLevelStorageBench.class.getSimpleName()).param("gc", gc)
                    .jvmArgsAppend("-Xms2g", "-Xmx2g", "-XX:+Use" + gc + "GC").build()).run();
        }
    }
}
