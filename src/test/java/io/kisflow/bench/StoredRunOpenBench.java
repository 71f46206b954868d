package io.kisflow.bench;

import io.kisflow.designer.debug.CallRecord;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.RunFile;
import io.kisflow.designer.debug.RunOutcome;
import io.kisflow.designer.debug.RunRecord;
import io.kisflow.designer.debug.RunStore;
import io.kisflow.designer.debug.RunStoreLimits;
import io.kisflow.designer.debug.StoredRun;
import io.kisflow.designer.debug.StoredRuns;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Issue 13 §4: opening a stored run of 1,000,000 rows (source and every level a million rows) in the
 * real designer window (headless Monocle, software renderer) blocks the UI thread under 200 ms. The
 * UI thread's longest block is measured by {@link DebuggerBigInputBench.Heartbeat}, beside baselines
 * from the same run: the idle window, and the same file read on the UI thread (what "Open" would cost
 * without the background read). Not a unit test; see docs/PERFORMANCE.md.
 *
 * <pre>{@code java -Xmx4g -cp ... -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw io.kisflow.bench.StoredRunOpenBench}</pre>
 */
public final class StoredRunOpenBench {
    static final int ROWS = 1_000_000;
    static final int REPEATS = 5;

    private static DesignerViewModel vm;

    public static void main(String[] args) throws Exception {
        Path project = Files.createTempDirectory("kisflow-bench-stored");
        copyTree(Path.of("conf-samples"), project);
        long w0 = System.nanoTime();
        RunStore.Saved saved = new RunStore(project.resolve(RunStore.DIR), RunStoreLimits.defaults()).save(bigRun());
        System.out.printf("stored run: %d rows a level, %s, written in %.0f ms (background in the designer)%n", ROWS,
                saved.run().toString().replaceAll(".* · ", ""), ms(System.nanoTime() - w0));
        System.gc();
        Platform.startup(() -> { });
        fx(() -> open(project));
        until(() -> fxQuiet(() -> stored().runs().size() == 1));
        StoredRun run = fx(() -> stored().runs().get(0));
        DebuggerBigInputBench.Heartbeat beat = new DebuggerBigInputBench.Heartbeat();

        double[] idle = new double[REPEATS];
        double[] block = new double[REPEATS];
        double[] wall = new double[REPEATS];
        double[] gc = new double[REPEATS];
        for (int i = -1; i < REPEATS; i++) {   // one warm-up
            beat.start();
            Thread.sleep(1500);
            double idleMs = beat.stop();
            beat.start();
            long t0 = System.nanoTime();
            fx(() -> {
                stored().open(run);
                return null;
            });
            until(() -> fxQuiet(() -> stored().messageProperty().get().startsWith("Opened")));
            fx(() -> {   // the window shows it: lay out what the cards and the inspector now hold
                vm.document.select(Selection.step("StuScore", 1));
                return null;
            });
            double wallMs = ms(System.nanoTime() - t0);
            Thread.sleep(300);   // what the inspector does after the cards show the run counts too
            double blockMs = beat.stop();
            if (i >= 0) {
                idle[i] = idleMs;
                block[i] = blockMs;
                wall[i] = wallMs;
                gc[i] = beat.lastGc;
            }
            check(fx(() -> flow().shownRunProperty().get()));
            fx(() -> {
                vm.document.select(Selection.step("StuScore", 0));
                return null;
            });
        }
        double[] onUi = new double[2];
        for (int i = 0; i < onUi.length; i++) {
            onUi[i] = fx(() -> {
                long t0 = System.nanoTime();
                flow().open(RunFile.read(run.file()));
                return ms(System.nanoTime() - t0);
            });
        }
        // the UI thread's own share of Open: showing the record read in the background (cards, inspector, layout)
        RunRecord loaded = RunFile.read(run.file());
        double[] show = new double[REPEATS];
        double[] showCpu = new double[REPEATS];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int k = 0; k < REPEATS; k++) {
            int i = k;
            show[k] = fx(() -> {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                flow().open(loaded);
                vm.document.select(Selection.step("StuScore", i % 2 == 0 ? 1 : 0));
                javafx.scene.Parent root = javafx.stage.Window.getWindows().get(0).getScene().getRoot();
                root.applyCss();
                root.layout();
                showCpu[i] = ms(threads.getCurrentThreadCpuTime() - c0);   // what the UI thread itself did, load aside
                return ms(System.nanoTime() - t0);
            });
        }
        report("idle window, 1.5 s (baseline): UI thread's longest block", idle);
        report("the same file read on the UI thread and shown (baseline)", onUi);
        report("Open a stored run of 1,000,000 rows: UI thread's longest block", block);
        report("the same: Open pressed -> run on the cards (file read in the background)", wall);
        report("the same: longest GC pause", gc);
        report("the same: the UI thread's own work (show the read run on the cards and the inspector, layout)", show);
        report("the same: CPU time of the UI thread for that work", showCpu);
        Platform.exit();
        System.exit(0);
    }

    private static void check(RunRecord r) {
        if (r == null || r.source().size() != ROWS || r.level(1).size() != ROWS) {
            throw new IllegalStateException("the stored run was not shown whole: " + r);
        }
    }

    /** StuScore's run over a million rows: the source, VerifyStu's level (the same rows) and AvgStuScore's. */
    private static RunRecord bigRun() {
        Random r = new Random(13);
        List<Object> source = new ArrayList<>(ROWS);
        List<Object> avg = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stu_id", i);
            int a = r.nextInt(101);
            int b = r.nextInt(101);
            int c = r.nextInt(101);
            row.put("score_1", a);
            row.put("score_2", b);
            row.put("score_3", c);
            source.add(row);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("stu_id", i);
            out.put("avg_score", (a + b + c) / 3.0);
            avg.add(out);
        }
        List<String> chain = List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore");
        String flow = "StuScore";
        Map<Integer, LevelData> levels = Map.of(0, LevelData.of(flow, chain.get(0), 0, source), 1, LevelData.of(flow, chain.get(1), 1, avg),
                2, LevelData.of(flow, chain.get(2), 2, avg));
        List<CallRecord> calls = new ArrayList<>();
        String[] modes = {"Verify", "Calculate", "Expand"};
        String[] inputs = {LevelData.SOURCE_NAME, chain.get(0), chain.get(1)};
        for (int p = 0; p < 3; p++) {
            calls.add(new CallRecord(p + 1, p, chain.get(p), modes[p], inputs[p], ROWS, Map.of(),
                    p == 2 ? List.of("ActionDataReuse") : List.of(), "continue", p == 2 ? 0 : ROWS, 1_000_000L, null, List.of(), 0, List.of()));
        }
        return new RunRecord(1, flow, Instant.now(), RunOutcome.FINISHED, chain, LevelData.source(flow, source), levels, calls,
                null, -1, 3_000_000L, 0, Map.of(), false, List.of(), List.of(source, avg, List.of()), -1, "");
    }

    private static StoredRuns stored() {
        return vm.debugger.session().storedRuns();
    }

    private static FlowDebugState flow() {
        return vm.debugger.session().flow("StuScore");
    }

    private static Object open(Path project) throws Exception {
        vm = new DesignerViewModel(Files.createTempDirectory("kisflow-bench-state"));
        DesignerWindow w = new DesignerWindow(new Stage(), vm, (o, t, i) -> Optional.empty());
        w.show();
        vm.session.open(project);
        vm.canvas.showOpened();
        w.showTab("historyTab");
        vm.document.select(Selection.step("StuScore", 0));
        return null;
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(2);
        }
    }

    private static boolean fxQuiet(Callable<Boolean> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%s: median %.1f ms, max %.1f ms (%d runs: %s)%n", what, s[s.length / 2], s[s.length - 1], s.length,
                Arrays.toString(Arrays.stream(ms).map(v -> Math.round(v * 10) / 10.0).toArray()));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(5, TimeUnit.MINUTES);
    }

    private StoredRunOpenBench() {
    }
}
