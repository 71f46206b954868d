package io.kisflow.bench;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.diff.LevelDiff;
import io.kisflow.designer.debug.input.InputEditor;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.debug.input.RowsText;
import io.kisflow.designer.debug.view.RunPanel;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import io.kisflow.engine.Engine;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.samples.SamplesPlugin;
import javafx.application.Platform;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
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
 * Issue 8, item 4, in the real designer window on the real JavaFX thread (headless Monocle, software
 * renderer), each figure beside a baseline measured in the same run:
 * <ul>
 *   <li>load: "Load from file…" of a 1,000,000-row input file; the longest time the UI thread was
 *       blocked while it loads (a heartbeat task posted to the UI thread again and again measures how
 *       late it runs); bar under 200 ms. Baselines: the heartbeat while the window is idle, and the old
 *       way (the rows as text in the text area, parsed on the UI thread) on 20,000 rows.</li>
 *   <li>run: StuScore on 100,000 rows, from pressing Run to the window showing the finished run; bar
 *       under 1 s. Baseline: the engine alone running the same flow on the same parsed rows.</li>
 *   <li>diff: VerifyStu's input (100,000 maps) against its output (100,000 records), from "Compare
 *       input and output" to the diff ready; bar under 300 ms, and the UI thread's longest block.
 *       Baseline: the least any diff must do, pairing the rows by stu_id in a HashMap.</li>
 * </ul>
 * Not a unit test; see docs/PERFORMANCE.md.
 *
 * <pre>{@code java -Xmx4g -cp ... -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw io.kisflow.bench.DebuggerBigInputBench}</pre>
 */
public final class DebuggerBigInputBench {
    static final int LOAD_ROWS = 1_000_000;
    static final int RUN_ROWS = 100_000;
    static final int OLD_WAY_ROWS = 20_000;
    static final int REPEATS = 5;

    private static DesignerViewModel vm;
    private static RunPanel runPanel;

    public static void main(String[] args) throws Exception {
        boolean loadOnly = List.of(args).contains("--load-only");
        Heartbeat.stacks = List.of(args).contains("--stacks");
        Path project = Files.createTempDirectory("kisflow-bench-input");
        copyTree(Path.of("conf-samples"), project);
        Path million = write(project.resolve("rows/million.jsonl"), LOAD_ROWS);
        Path hundredK = write(project.resolve("rows/hundred-k.jsonl"), RUN_ROWS);
        System.out.printf("files: %s (%d MB), %s (%d MB)%n", million.getFileName(), Files.size(million) >> 20,
                hundredK.getFileName(), Files.size(hundredK) >> 20);
        Platform.startup(() -> { });
        fx(() -> open(project));
        Heartbeat.uiThread = fx(Thread::currentThread);
        Heartbeat beat = new Heartbeat();

        // ---------------------------------------------------------------- load
        double[] idle = new double[REPEATS];
        double[] load = new double[REPEATS];
        double[] loadWall = new double[REPEATS];
        double[] loadGc = new double[REPEATS];
        double[] loadCpu = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            fx(() -> {
                editor().setFile("");
                return null;
            });
            beat.start();
            Thread.sleep(1500);
            idle[i] = beat.stop();
            long t0 = System.nanoTime();
            beat.start();
            fx(() -> {
                editor().loadFile(million);
                return null;
            });
            until(() -> fxQuiet(() -> !editor().loadingProperty().get() && editor().rowCountProperty().get() == LOAD_ROWS));
            load[i] = beat.stop();
            loadWall[i] = ms(System.nanoTime() - t0);
            loadGc[i] = beat.lastGc;
            loadCpu[i] = beat.lastCpu;
        }
        report("idle window, 1.5 s (baseline): UI thread's longest block", idle);
        report("load a 1,000,000-row file: UI thread's longest block", load);
        report("load a 1,000,000-row file: until every row is read (background)", loadWall);
        report("the same: longest GC pause", loadGc);
        report("the same: CPU time of the process (all threads)", loadCpu);
        if (loadOnly) {
            Platform.exit();
            System.exit(0);
        }
        String oldText = Files.readString(hundredK).lines().limit(OLD_WAY_ROWS).reduce(new StringBuilder(),
                (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
        double[] oldWay = new double[2];
        for (int i = 0; i < oldWay.length; i++) {
            oldWay[i] = fx(() -> {
                TextArea area = runPanel.input().textArea();
                area.setVisible(true);
                long t0 = System.nanoTime();
                area.setText(oldText);
                RowsText.parse(oldText, InputMode.JSON);
                area.applyCss();
                area.layout();
                runPanel.getScene().getRoot().layout();
                double ms = ms(System.nanoTime() - t0);
                area.setText("");
                area.setVisible(false);
                return ms;
            });
        }
        report("the old way (baseline): 20,000 rows as text in the text area, parsed on the UI thread", oldWay);

        // ---------------------------------------------------------------- run
        fx(() -> {
            editor().loadFile(hundredK);
            return null;
        });
        until(() -> fxQuiet(() -> !editor().loadingProperty().get() && editor().rowCountProperty().get() == RUN_ROWS));
        List<Object> parsedRows = fx(() -> editor().parsed().rows());
        ConfigSet configs = ConfigLoader.load(project).configs();
        double[] engineAlone = new double[REPEATS];
        double[] engineAloneCpu = new double[REPEATS];
        double[] designer = new double[REPEATS];
        double[] runBlock = new double[REPEATS];
        double[] runGc = new double[REPEATS];
        double[] runCpu = new double[REPEATS];
        for (int i = -1; i < REPEATS; i++) {   // one warm-up
            try (Engine e = Engine.builder().configs(configs).plugin(new SamplesPlugin()).build()) {
                KisFlowRun f = e.flow("StuScore");
                long t0 = System.nanoTime();
                double c0 = cpuMs();
                f.commitRowBatch(parsedRows);
                f.run();
                if (i >= 0) {
                    engineAlone[i] = ms(System.nanoTime() - t0);
                    engineAloneCpu[i] = cpuMs() - c0;
                }
            }
            CompletableFuture<Double> done = new CompletableFuture<>();
            beat.start();
            fx(() -> {
                DebugSession s = vm.debugger.session();
                long t0 = System.nanoTime();
                javafx.beans.value.ChangeListener<SessionState> l = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends SessionState> o, SessionState a, SessionState now) {
                        if (!now.isActive()) {
                            s.stateProperty().removeListener(this);
                            // the window shows it: the next pulse lays out and paints the finished run
                            runPanel.getScene().getRoot().applyCss();
                            runPanel.getScene().getRoot().layout();
                            done.complete(ms(System.nanoTime() - t0));
                        }
                    }
                };
                s.stateProperty().addListener(l);
                if (!runPanel.controls().run()) {
                    throw new IllegalStateException("Run refused: " + s.flow("StuScore").messageProperty().get());
                }
                return null;
            });
            double ms = done.get(5, TimeUnit.MINUTES);
            double block = beat.stop();
            if (i >= 0) {
                designer[i] = ms;
                runBlock[i] = block;
                runGc[i] = beat.lastGc;
                runCpu[i] = beat.lastCpu;
            }
            String message = fx(() -> vm.debugger.session().flow("StuScore").messageProperty().get());
            if (!message.contains("finished")) {
                throw new IllegalStateException(message);
            }
        }
        report("StuScore on 100,000 rows, the engine alone (baseline)", engineAlone);
        report("the same: CPU time of the process (all threads)", engineAloneCpu);
        report("StuScore on 100,000 rows in the designer: Run pressed -> finished run shown", designer);
        report("the same: UI thread's longest block during the run", runBlock);
        report("the same: longest GC pause", runGc);
        report("the same: CPU time of the process (all threads)", runCpu);

        // ---------------------------------------------------------------- diff
        LevelData in = fx(() -> vm.debugger.session().card(new CardKey("StuScore", 0)).inputProperty().get());
        LevelData out = fx(() -> vm.debugger.session().card(new CardKey("StuScore", 0)).outputProperty().get());
        System.out.printf("diff levels: %d rows (%s) against %d rows (%s)%n", in.size(), in.rows().get(0).getClass().getSimpleName(),
                out.size(), out.rows().get(0).getClass().getSimpleName());
        double[] join = new double[REPEATS];
        double[] diff = new double[REPEATS];
        double[] diffBlock = new double[REPEATS];
        double[] diffCpu = new double[REPEATS];
        for (int i = -1; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            int paired = hashJoin(in.rows(), out.rows());
            double joinMs = ms(System.nanoTime() - t0);
            if (paired != out.size()) {
                throw new IllegalStateException("paired " + paired);
            }
            fx(() -> {
                vm.debugger.session().diff().compare(LevelData.of("x", "none", 0, List.of()), LevelData.of("x", "none", 0, List.of()));
                return null;
            });
            until(() -> fxQuiet(() -> !vm.debugger.session().diff().computingProperty().get()));
            CompletableFuture<Double> done = new CompletableFuture<>();
            beat.start();
            fx(() -> {
                DebugSession s = vm.debugger.session();
                long s0 = System.nanoTime();
                javafx.beans.value.ChangeListener<LevelDiff> l = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends LevelDiff> o, LevelDiff a, LevelDiff now) {
                        if (now != null && now.size() >= RUN_ROWS) {
                            s.diff().resultProperty().removeListener(this);
                            done.complete(ms(System.nanoTime() - s0));
                        }
                    }
                };
                s.diff().resultProperty().addListener(l);
                s.compareInputOutput(new CardKey("StuScore", 0));
                return null;
            });
            double ms = done.get(5, TimeUnit.MINUTES);
            double block = beat.stop();
            if (i >= 0) {
                join[i] = joinMs;
                diff[i] = ms;
                diffBlock[i] = block;
                diffCpu[i] = beat.lastCpu;
            }
        }
        LevelDiff d = fx(() -> vm.debugger.session().diff().resultProperty().get());
        System.out.printf("diff result: %d entries, key %s, %d same, %d changed%n", d.size(),
                fx(() -> vm.debugger.session().diff().keyColumnProperty().get()),
                d.count(io.kisflow.designer.debug.diff.DiffKind.SAME), d.count(io.kisflow.designer.debug.diff.DiffKind.CHANGED));
        report("pair 100,000 rows by stu_id in a HashMap (baseline)", join);
        report("diff of two 100,000-row levels (maps against records): compare -> ready", diff);
        report("the same: UI thread's longest block", diffBlock);
        report("the same: CPU time of the process (all threads)", diffCpu);
        Platform.exit();
        System.exit(0);
    }

    private static InputEditor editor() {
        return vm.debugger.session().flow("StuScore").input();
    }

    private static Object open(Path project) throws Exception {
        vm = new DesignerViewModel(Files.createTempDirectory("kisflow-bench-state"));
        Stage stage = new Stage();
        DesignerWindow w = new DesignerWindow(stage, vm, (o, t, i) -> Optional.empty());
        w.show();
        vm.session.open(project);
        vm.canvas.showOpened();
        w.showTab("runTab");
        vm.document.select(Selection.step("StuScore", 0));
        runPanel = (RunPanel) w.scene().getRoot().lookup("#runPanel");
        return null;
    }

    /** Writes StuScore rows (three scores each, all valid). */
    private static Path write(Path file, int rows) throws Exception {
        Files.createDirectories(file.getParent());
        Random r = new Random(8);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 1; i <= rows; i++) {
                w.write("{\"stu_id\": " + i + ", \"score_1\": " + r.nextInt(101) + ", \"score_2\": " + r.nextInt(101)
                        + ", \"score_3\": " + r.nextInt(101) + "}\n");
            }
        }
        return file;
    }

    private static int hashJoin(List<Object> left, List<Object> right) {
        Map<Object, ArrayDeque<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < left.size(); i++) {
            byKey.computeIfAbsent(((Map<?, ?>) left.get(i)).get("stu_id"), k -> new ArrayDeque<>()).add(i);
        }
        int paired = 0;
        for (Object row : right) {
            Object key;
            try {
                java.lang.reflect.Method id = row.getClass().getRecordComponents()[0].getAccessor();
                id.setAccessible(true);
                key = id.invoke(row);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            ArrayDeque<Integer> q = byKey.get(key);
            if (q != null && q.poll() != null) {
                paired++;
            }
        }
        return paired;
    }

    /**
     * Measures how late tasks posted to the UI thread run: one task at a time, each posted when the
     * previous one ran. The longest wait is the longest time the UI thread could not answer.
     */
    static final class Heartbeat {
        private final GcPauses gc = new GcPauses();
        private volatile boolean on;
        private volatile double max;
        private Thread thread;
        private double cpuAtStart;
        /** Of the last start-stop: the longest GC pause and the process's CPU time, ms. */
        double lastGc;
        double lastCpu;

        /** {@code --stacks}: where the UI thread was during the longest block (sampled every 2 ms while a beat waits). */
        static boolean stacks;
        static Thread uiThread;
        private volatile long waitingSince;
        private Map<String, Integer> samples = new HashMap<>();
        private Map<String, Integer> longestSamples = Map.of();
        private Thread sampler;

        void start() {
            gc.start();
            cpuAtStart = cpuMs();
            max = 0;
            on = true;
            longestSamples = Map.of();
            thread = new Thread(() -> {
                while (on) {
                    CompletableFuture<Void> ran = new CompletableFuture<>();
                    long posted = System.nanoTime();
                    synchronized (this) {
                        samples = new HashMap<>();
                    }
                    waitingSince = posted;
                    Platform.runLater(() -> ran.complete(null));
                    try {
                        ran.get(5, TimeUnit.MINUTES);
                        waitingSince = 0;
                        double waited = ms(System.nanoTime() - posted);
                        if (waited > max) {
                            max = waited;
                            synchronized (this) {
                                longestSamples = samples;
                            }
                        }
                        Thread.sleep(2);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "heartbeat");
            thread.setDaemon(true);
            thread.start();
            if (stacks) {
                sampler = new Thread(() -> {
                    while (on) {
                        long since = waitingSince;
                        if (since != 0 && System.nanoTime() - since > 20_000_000L) {
                            StackTraceElement[] st = uiThread.getStackTrace();
                            StringBuilder key = new StringBuilder();
                            for (int i = 0; i < Math.min(st.length, 14); i++) {
                                key.append("\n        ").append(st[i]);
                            }
                            synchronized (this) {
                                samples.merge(key.toString(), 1, Integer::sum);
                            }
                        }
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "heartbeat-sampler");
                sampler.setDaemon(true);
                sampler.start();
            }
        }

        double stop() throws InterruptedException {
            on = false;
            thread.join();
            if (sampler != null) {
                sampler.join();
            }
            lastGc = gc.stop();
            lastCpu = cpuMs() - cpuAtStart;
            if (stacks && max > 50) {
                System.out.printf("    longest block %.0f ms; the UI thread's stacks then (2 ms samples after its first 20 ms):%n", max);
                longestSamples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                        .forEach(e -> System.out.println("      " + e.getValue() + " samples:" + e.getKey()));
            }
            return max;
        }
    }

    /**
     * The longest garbage-collection pause while on (every thread stops for it, the UI thread too),
     * from the JVM's own GC notifications: it tells the collector's share of a long block from the
     * share of a machine too busy to run the UI thread.
     */
    static final class GcPauses {
        private volatile boolean on;
        private volatile long max;

        GcPauses() {
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    if (on && n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                        // G1's concurrent cycle is not a pause
                        if (!info.getGcName().contains("Concurrent")) {
                            max = Math.max(max, info.getGcInfo().getDuration());
                        }
                    }
                }, null, null);
            }
        }

        void start() {
            max = 0;
            on = true;
        }

        double stop() {
            on = false;
            return max;
        }
    }

    /** CPU time of the whole process (every thread: UI, background, JIT, GC) in ms. */
    static double cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(5);
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

    private DebuggerBigInputBench() {
    }
}
