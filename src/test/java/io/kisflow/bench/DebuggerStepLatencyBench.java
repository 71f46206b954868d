package io.kisflow.bench;

import io.kisflow.config.ConfigSet;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.DebugSettings;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.engine.KisPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4's step latency: from pressing Step (on the UI thread) until the UI thread has shown the new
 * 10,000-row level in the inspector and the session is paused again (target < 100 ms). A
 * single-thread executor stands in for the JavaFX thread (the session posts to it exactly as to
 * Platform::runLater); the flow Copy -> Back loops forever (Back jumps to Copy), so every Step runs
 * one function on 10,000 rows. Rows are strings or JSON objects (maps of three fields).
 * Run: see docs/PERFORMANCE.md, section Debugger.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DebuggerStepLatencyBench {
    static final int ROWS = 10_000;

    @Param({"strings", "maps"})
    public String rows;

    private ExecutorService uiThread;
    private ExecutorService background;
    private DebugSession session;
    private volatile CountDownLatch paused;

    @Setup
    public void open() throws Exception {
        KisPlugin plugin = LoopFlow.PLUGIN;
        ConfigSet project = LoopFlow.PROJECT;
        List<String> input = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            input.add(rows.equals("maps") ? "{\"id\":" + i + ",\"name\":\"row " + i + "\",\"score\":" + (i % 100) + "}" : "row " + i);
        }
        DebugSettings settings = DebugSettings.EMPTY.withInput("Loop", input, rows.equals("maps") ? InputMode.JSON : InputMode.TEXT);
        uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx-thread"));
        background = Executors.newFixedThreadPool(1, r -> {
            Thread t = new Thread(r, "inspector-background");
            t.setDaemon(true);
            return t;
        });
        DebugOptions options = DebugOptions.defaults().withMetrics(false).withMaxCalls(Integer.MAX_VALUE).withSamples(false)
                .withExtraPlugins(List.of(plugin));
        session = onUi(() -> new DebugSession(null, project, settings, options, uiThread, background));
        onUi(() -> session.stateProperty().addListener((obs, old, now) -> {
            CountDownLatch l = paused;
            if (now == SessionState.PAUSED && l != null) {
                l.countDown();
            }
        }));
        paused = new CountDownLatch(1);
        onUi(() -> session.step("Loop"));
        paused.await();
    }

    @Benchmark
    public int step() throws Exception {
        CountDownLatch l = new CountDownLatch(1);
        paused = l;
        uiThread.execute(session::step);
        l.await();
        // The inspector followed the run: it shows the level of the call that just ended.
        return onUi(() -> session.inspector().rows().size());
    }

    @TearDown
    public void close() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        onUi(() -> {
            session.stateProperty().addListener((obs, old, now) -> {
                if (!now.isActive()) {
                    ended.countDown();
                }
            });
            session.stop();
        });
        ended.await();
        onUi(session::close);
        uiThread.shutdown();
        background.shutdownNow();
    }

    private <T> T onUi(java.util.concurrent.Callable<T> c) throws Exception {
        return uiThread.submit(c).get();
    }

    private void onUi(Runnable r) throws Exception {
        uiThread.submit(r).get();
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(DebuggerStepLatencyBench.class.getSimpleName()).build()).run();
    }
}
