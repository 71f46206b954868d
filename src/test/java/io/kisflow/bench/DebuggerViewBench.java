package io.kisflow.bench;

import io.kisflow.config.ConfigSet;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.DebugSettings;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.debug.view.InspectorView;
import io.kisflow.designer.ui.Theme;
import io.kisflow.engine.KisPlugin;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The debugger's quality bars with the real inspector view on the real JavaFX thread (headless
 * Monocle, software renderer), where the JMH benchmarks stand a plain executor in for the UI:
 * <ul>
 *   <li>step: from pressing Step until the inspector's table is laid out showing the new 10,000-row
 *       level (target under 100 ms);</li>
 *   <li>open: the time the UI thread is blocked when a 1,000,000-row level is shown in the
 *       inspector, including the table's CSS and layout pass (target under 200 ms).</li>
 * </ul>
 * Not a unit test; see docs/PERFORMANCE.md.
 *
 * <pre>{@code java -cp ... -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw io.kisflow.bench.DebuggerViewBench}</pre>
 */
public final class DebuggerViewBench {
    static final int STEP_ROWS = 10_000;
    static final int BIG_ROWS = 1_000_000;
    static final int STEPS = 60;
    static final int OPENS = 20;

    private static Stage stage;
    private static InspectorView view;
    private static DebugSession session;

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> { });
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-background");
            t.setDaemon(true);
            return t;
        });
        fx(() -> open(background));
        double[] steps = new double[STEPS];
        fx(() -> session.step("Loop"));
        awaitPaused();
        for (int i = -10; i < STEPS; i++) {   // ten warm-up steps
            double ms = stepOnce();
            if (i >= 0) {
                steps[i] = ms;
            }
        }
        report("step, 10,000 rows of JSON objects: Step -> table laid out on the new level", steps);

        for (String kind : List.of("strings", "maps")) {
            LevelData big = LevelData.of("Big", "Huge", 0, bigRows(kind));
            double[] opens = new double[OPENS];
            for (int i = -5; i < OPENS; i++) {
                double ms = fx(() -> {
                    long t0 = System.nanoTime();
                    session.inspector().show(big);
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    return (System.nanoTime() - t0) / 1e6;
                });
                if (i >= 0) {
                    opens[i] = ms;
                }
                fx(() -> {
                    session.inspector().show(LevelData.of("Big", "Small", 0, List.of("x")));
                    return null;
                });
            }
            report("open a 1,000,000-row level (" + kind + "): UI thread blocked", opens);
        }
        fx(() -> {
            session.stop();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static Object open(ExecutorService background) {
        KisPlugin plugin = LoopFlow.PLUGIN;
        ConfigSet project = LoopFlow.PROJECT;
        List<String> input = new ArrayList<>();
        for (int i = 0; i < STEP_ROWS; i++) {
            input.add("{\"id\":" + i + ",\"name\":\"row " + i + "\",\"score\":" + (i % 100) + "}");
        }
        DebugOptions options = DebugOptions.defaults().withMetrics(false).withMaxCalls(Integer.MAX_VALUE).withSamples(false)
                .withExtraPlugins(List.of(plugin));
        session = new DebugSession(null, project, DebugSettings.EMPTY.withInput("Loop", input, InputMode.JSON), options,
                Platform::runLater, background);
        view = new InspectorView(session.inspector());
        stage = new Stage();
        Scene scene = new Scene(view, 1000, 300);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        return null;
    }

    /** One Step, timed from the call on the UI thread until the table is laid out on the level the step made. */
    private static double stepOnce() throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            LevelData before = session.inspector().level();
            javafx.beans.value.ChangeListener<LevelData> shown = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends LevelData> o, LevelData a, LevelData now) {
                    if (now != before && now != null && now.size() == STEP_ROWS) {
                        session.inspector().levelProperty().removeListener(this);
                        stage.getScene().getRoot().applyCss();
                        stage.getScene().getRoot().layout();
                        done.complete((System.nanoTime() - t0) / 1e6);
                    }
                }
            };
            session.inspector().levelProperty().addListener(shown);
            session.step();
        });
        double ms = done.get(30, TimeUnit.SECONDS);
        awaitPaused();
        return ms;
    }

    private static void awaitPaused() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fx(() -> session.state()) != SessionState.PAUSED) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the session did not pause: " + fx(() -> session.messageProperty().get()));
            }
            Thread.sleep(1);
        }
    }

    private static List<Object> bigRows(String kind) {
        List<Object> rows = new ArrayList<>(BIG_ROWS);
        for (int i = 0; i < BIG_ROWS; i++) {
            if (kind.equals("maps")) {
                Map<String, Object> m = new HashMap<>();
                m.put("id", i);
                m.put("name", "row " + i);
                m.put("score", i % 100);
                rows.add(m);
            } else {
                rows.add("row " + i);
            }
        }
        return List.copyOf(rows);
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%s: median %.2f ms, p95 %.2f ms, max %.2f ms (%d runs)%n", what, s[s.length / 2],
                s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1], s.length);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
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
}
