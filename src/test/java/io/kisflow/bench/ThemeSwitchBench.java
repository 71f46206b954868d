package io.kisflow.bench;

import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How long switching the theme blocks the UI thread: the designer window on conf-samples (every
 * debugger tab shown once, as after some use), then the theme is switched back and forth; each
 * switch is timed from the change to the end of the frame that shows it (style sheets applied to
 * every node, layout, canvas repainted, the scene rendered). The swap of style sheets alone is
 * timed too, the way the window did it before ({@code setAll} of the four sheets) against the
 * swap of the theme's own sheet only.
 *
 * <pre>{@code java -cp ... -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw io.kisflow.bench.ThemeSwitchBench}</pre>
 */
public final class ThemeSwitchBench {
    static final int SWITCHES = 10;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("conf-samples").toAbsolutePath();
        Platform.startup(() -> { });
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                measure(dir);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(10, TimeUnit.MINUTES);
        Platform.exit();
    }

    private static void measure(Path dir) throws Exception {
        DesignerViewModel vm = new DesignerViewModel(Files.createTempDirectory("kisflow-bench-state"));
        Stage stage = new Stage();
        DesignerWindow w = new DesignerWindow(stage, vm, (o, t, i) -> Optional.empty());
        w.show();
        vm.session.open(dir);
        vm.canvas.showOpened();
        for (String tab : new String[]{"yamlTab", "runTab", "inspectorTab", "diffTab", "historyTab", "timingsTab", "callTab", "pluginsTab", "problemsTab", "propertiesTab"}) {
            w.showTab(tab);
            frame(w);
        }
        frame(w);
        double[] switches = new double[SWITCHES];
        double[][] parts = new double[5][SWITCHES];
        for (int i = 0; i < SWITCHES; i++) {
            long s = System.nanoTime();
            vm.themeProperty().set(vm.themeProperty().get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
            long[] t = new long[5];
            t[0] = System.nanoTime();
            w.scene().getRoot().applyCss();
            t[1] = System.nanoTime();
            w.scene().getRoot().layout();
            t[2] = System.nanoTime();
            w.canvasView().paintNow();
            t[3] = System.nanoTime();
            w.scene().snapshot(null);
            t[4] = System.nanoTime();
            switches[i] = ms(t[4] - s);
            for (int p = 0; p < 4; p++) {
                parts[p + 1][i] = ms(t[p + 1] - t[p]);
            }
            parts[0][i] = ms(t[0] - s);
        }
        javafx.scene.paint.Paint lightText = ((javafx.scene.control.Label) w.scene().lookup("#statusText")).getTextFill();
        vm.themeProperty().set(vm.themeProperty().get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
        frame(w);
        javafx.scene.paint.Paint darkText = ((javafx.scene.control.Label) w.scene().lookup("#statusText")).getTextFill();
        if (lightText.equals(darkText)) {
            throw new IllegalStateException("the switch did not change the status line's colour: " + lightText);
        }
        System.out.printf("theme switch, change to rendered frame: %s ms; median %.0f ms, max %.0f ms%n",
                Arrays.toString(Arrays.stream(switches).map(Math::round).toArray()), pct(switches, 50), pct(switches, 100));
        String[] names = {"theme change (sheets swapped)", "style sheets applied (CSS)", "layout", "canvas repaint", "scene render"};
        for (int p = 0; p < 5; p++) {
            System.out.printf("  %-28s median %.0f ms%n", names[p], pct(parts[p], 50));
        }
        w.shutdown();
        stage.close();
    }

    /** What the next pulse does to show a change: CSS, layout, the canvas's paint, and a render (the snapshot forces it). */
    private static void frame(DesignerWindow w) {
        w.scene().getRoot().applyCss();
        w.scene().getRoot().layout();
        w.canvasView().paintNow();
        w.scene().snapshot(null);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double pct(double[] values, int p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
