package io.kisflow.bench;

import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.KisFlowRun;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * EngineThroughputBench's two hot paths (rows1M, oneRow) timed in the running thread's CPU time
 * instead of wall time, for comparing two engine builds on a machine shared with other work, where
 * wall-clock JMH figures swing by a factor of ten. It uses only the public engine API, so the same
 * harness runs against an older build: put this class's folder first on the class path and the
 * other build's engine classes after it (docs/PERFORMANCE.md, "One thread at a time").
 * Prints the median of {@code ROUNDS} measured rounds after {@code WARMUP} unmeasured ones.
 */
public final class EngineCpuTimeBench {
    private static final int N = 1_000_000;
    private static final int ONE_ROW_RUNS = 1_000_000;
    private static final int WARMUP = 5;
    private static final int ROUNDS = 9;

    private EngineCpuTimeBench() {
    }

    public static void main(String[] args) throws FlowException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<String> rows = EngineBenchFlows.jsonRows(N);
        String one = "{\"id\":1,\"v\":1}";
        try (Engine engine = Engine.builder().configs(EngineBenchFlows.fiveCalculates())
                .plugin(EngineThroughputBench.PASS_THROUGH).metrics(false).build()) {
            KisFlowRun flow = engine.flow(EngineBenchFlows.FLOW);
            double[] rowsPerSecond = new double[ROUNDS];
            double[] microsPerRun = new double[ROUNDS];
            for (int r = -WARMUP; r < ROUNDS; r++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < N; i++) {
                    flow.commitRow(rows.get(i));
                }
                flow.run();
                long t1 = cpu.getCurrentThreadCpuTime();
                EngineBenchChecks.everyLevelHolds(flow, List.of(N, 1));
                long t2 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < ONE_ROW_RUNS; i++) {
                    flow.commitRow(one);
                    flow.run();
                }
                long t3 = cpu.getCurrentThreadCpuTime();
                if (r >= 0) {
                    rowsPerSecond[r] = N / ((t1 - t0) / 1e9);
                    microsPerRun[r] = (t3 - t2) / 1e3 / ONE_ROW_RUNS;
                }
            }
            System.out.printf(java.util.Locale.ROOT, "rows1M: %.1f M rows/s of CPU time (median of %d; min %.1f, max %.1f)%n",
                    median(rowsPerSecond) / 1e6, ROUNDS, min(rowsPerSecond) / 1e6, max(rowsPerSecond) / 1e6);
            System.out.printf(java.util.Locale.ROOT, "oneRow: %.3f us of CPU time per run (median of %d; min %.3f, max %.3f)%n",
                    median(microsPerRun), ROUNDS, min(microsPerRun), max(microsPerRun));
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
