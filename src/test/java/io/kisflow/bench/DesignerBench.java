package io.kisflow.bench;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Designer benchmark (not a unit test): opens a generated project of 200 flows x 10 functions
 * (2,000 cards, 40 connectors) in a real designer window on headless Monocle, then pans and zooms
 * it. Reports the time to open (files read, window built, first frame rendered) and per-frame
 * times (view update + canvas paint + canvas render) at several zoom levels.
 *
 * <pre>{@code java -cp ... -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw io.kisflow.bench.DesignerBench}</pre>
 */
public final class DesignerBench {
    static final int FLOWS = 200;
    static final int STEPS = 10;
    static final int FRAMES = 240;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kisflow-bench-project");
        ConfigExporter.export(generate(), dir);
        System.out.printf("generated %d flows x %d functions in %s%n", FLOWS, STEPS, dir);
        Platform.startup(() -> { });
        // warm-up run: class loading and JIT of a first open, as a user's second open would see
        run(dir, false);
        run(dir, true);
        Platform.exit();
    }

    private static void run(Path dir, boolean report) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                measure(dir, report);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(10, TimeUnit.MINUTES);
    }

    private static void measure(Path dir, boolean report) throws Exception {
        long t0 = System.nanoTime();
        DesignerViewModel vm = new DesignerViewModel(Files.createTempDirectory("kisflow-bench-state"));
        Stage stage = new Stage();
        DesignerWindow w = new DesignerWindow(stage, vm, (o, t, i) -> Optional.empty());
        w.show();
        long t1 = System.nanoTime();
        vm.session.open(dir);
        vm.canvas.showOpened();
        long t2 = System.nanoTime();
        w.scene().getRoot().applyCss();
        w.scene().getRoot().layout();
        w.canvasView().paintNow();
        w.scene().snapshot(null);
        long t3 = System.nanoTime();
        if (report) {
            System.out.printf("open: window %.0f ms + project read and view-models %.0f ms + first full frame %.0f ms = %.0f ms (%d cards)%n",
                    ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - t0),
                    vm.document.state().configs().flows().values().stream().mapToInt(f -> f.flows().size()).sum());
        }
        SnapshotParameters params = new SnapshotParameters();
        if (report) {
            System.out.println("| zoom | pan frame median / p95 | zoom frame median / p95 | repaint without cache median / p95 | layer renders in " + FRAMES + " pan frames |");
            System.out.println("|---|---|---|---|---|");
        }
        for (double zoom : new double[]{1.0, 0.5, 0.25, -1}) {
            if (zoom < 0) {
                vm.canvas.fit();
            } else {
                vm.canvas.viewportProperty().set(new io.kisflow.designer.canvas.Viewport(zoom, 20, 20));
            }
            long rendersBefore = w.canvasView().layerRenders();
            double[] pan = frames(vm, w, params, false, false);
            long panRenders = w.canvasView().layerRenders() - rendersBefore;
            double[] zoomed = frames(vm, w, params, true, false);
            double[] uncached = frames(vm, w, params, false, true);
            if (report) {
                System.out.printf("| %s | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms | %d |%n", label(zoom, vm),
                        pct(pan, 50), pct(pan, 95), pct(zoomed, 50), pct(zoomed, 95), pct(uncached, 50), pct(uncached, 95), panRenders);
            }
        }
        w.shutdown();
        stage.close();
    }

    /** One frame: move the view, paint the canvas, render it (a snapshot of the canvas node forces the render). */
    private static double[] frames(DesignerViewModel vm, DesignerWindow w, SnapshotParameters params, boolean zoom, boolean uncached) {
        double[] times = new double[FRAMES];
        double cx = vm.canvas.viewWidth() / 2;
        double cy = vm.canvas.viewHeight() / 2;
        for (int i = 0; i < FRAMES; i++) {
            long s = System.nanoTime();
            if (zoom) {
                vm.canvas.zoomAt(i % 20 < 10 ? 1.03 : 1 / 1.03, cx, cy);
            } else {
                vm.canvas.panBy(i % 40 < 20 ? -37 : 37, i % 80 < 40 ? -23 : 23);
            }
            if (uncached) {
                w.canvasView().paintWithoutCache();
            } else {
                w.canvasView().paintNow();
            }
            w.canvasView().snapshot(params, null);
            times[i] = ms(System.nanoTime() - s);
        }
        return times;
    }

    private static String label(double zoom, DesignerViewModel vm) {
        return zoom < 0 ? String.format("fit (%.2f, all 2,000 cards)", vm.canvas.viewport().zoom()) : String.format("%.2f", zoom);
    }

    public static ConfigSet generate() {
        ConfigSet set = ConfigSet.EMPTY;
        String[] modes = {"Verify", "Calculate", "Calculate", "Expand"};
        for (int c = 0; c < FLOWS / 5; c++) {
            set = set.withConn(ConnConfig.of("Store" + c, "redis", "127.0.0.1:6379", "k" + c));
        }
        for (int f = 0; f < FLOWS; f++) {
            List<FlowStep> steps = new ArrayList<>();
            for (int s = 0; s < STEPS; s++) {
                String name = "F" + f + "_" + s;
                FuncConfig fn;
                if (s == STEPS - 1 && f % 2 == 0) {
                    fn = FuncConfig.of(name, "Save").withOption(FuncOption.EMPTY.withCname("Store" + (f / 5)));
                } else if (s == 0 && f % 2 == 1) {
                    fn = FuncConfig.of(name, "Load").withOption(FuncOption.EMPTY.withCname("Store" + (f / 5)));
                } else {
                    fn = FuncConfig.of(name, modes[s % modes.length]);
                }
                set = set.withFunc(fn);
                steps.add(s == 2 ? new FlowStep(name, Map.of("k", "v")) : FlowStep.of(name));
            }
            set = set.withFlow(new FlowConfig(f % 10 == 9 ? 0 : 1, "Flow" + f, steps, Map.of()));
        }
        return set;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double pct(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

}
