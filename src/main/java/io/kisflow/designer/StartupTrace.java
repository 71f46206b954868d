package io.kisflow.designer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.io.PrintStream;

/**
 * Timestamps of the designer's start, for the start-up benchmark and for finding what is slow:
 * with {@code -Dkisflow.startupTrace=true} each phase prints one line on stderr,
 * {@code startup <ms since the JVM started> <phase>}, and the first frame painted with the project
 * in it prints {@code first-full-paint <epoch ms>} (the benchmark subtracts its own launch time).
 * Without the property every call is a field read. With {@code -Dkisflow.startupTrace=exit}
 * ({@link #training()}) the designer also exits once the work after that frame is done and every
 * tab was shown once: the build's training run for the class-data archive (pom.xml, cds-archive)
 * records the classes of a start, and of what is built later, this way.
 *
 * <pre>{@code StartupTrace.mark("window built");}</pre>
 */
public final class StartupTrace {
    private static final String MODE = System.getProperty("kisflow.startupTrace", "");
    private static final boolean ON = MODE.equals("true") || MODE.equals("exit");
    private static final PrintStream OUT = System.err;
    private static boolean painted;

    private StartupTrace() {
    }

    public static boolean on() {
        return ON;
    }

    /** The build's training run ({@code -Dkisflow.startupTrace=exit}): the designer exits after its start. */
    public static boolean training() {
        return MODE.equals("exit");
    }

    public static void mark(String phase) {
        if (ON) {
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            OUT.println("startup " + (System.currentTimeMillis() - jvmStart) + " " + phase + " (" + Thread.currentThread().getName() + ": " + cpu + " ms CPU)");
        }
    }

    /**
     * The nodes of every showing window at the first paint, by class, most first: what the first
     * frame had to style and lay out (the benchmark's {@code --trace} prints it).
     */
    private static String census() {
        java.util.Map<String, Integer> byClass = new java.util.HashMap<>();
        int[] total = {0};
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.getScene() != null) {
                count(w.getScene().getRoot(), byClass, total);
            }
        }
        StringBuilder out = new StringBuilder("total=" + total[0]);
        java.util.Map<String, Integer> byId = new java.util.LinkedHashMap<>();
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.getScene() != null) {
                sizesById(w.getScene().getRoot(), byId);
            }
        }
        byId.forEach((id, n) -> {
            if (n >= 10) {
                out.append(", #").append(id).append('=').append(n);
            }
        });
        byClass.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                .forEach(e -> out.append(", ").append(e.getKey()).append('=').append(e.getValue()));
        return out.toString();
    }

    /** The size of each subtree under a node with an id (the window's parts: #paletteView=120). */
    private static int sizesById(javafx.scene.Node n, java.util.Map<String, Integer> byId) {
        int size = 1;
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                size += sizesById(c, byId);
            }
        }
        if (n.getId() != null) {
            byId.merge(n.getId(), size, Integer::sum);
        }
        return size;
    }

    private static void count(javafx.scene.Node n, java.util.Map<String, Integer> byClass, int[] total) {
        total[0]++;
        byClass.merge(n.getClass().getName().substring(n.getClass().getName().lastIndexOf('.') + 1), 1, Integer::sum);
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                count(c, byClass, total);
            }
        }
    }

    /**
     * Reports the first frame painted after now: the coming pulse lays the scene out and hands it to
     * the render thread; the pulse after it waits for that render before it renders again, so the
     * timer's third frame starts after the first render has reached the window.
     */
    public static void reportNextPaint() {
        afterNextPaint(() -> { });
    }

    /**
     * Runs {@code then} (on the JavaFX thread) once the next frame is painted, as above, and reports
     * that frame when tracing; only the first call reports.
     */
    public static void afterNextPaint(Runnable then) {
        boolean report = ON && !painted;
        painted = true;
        Platform.requestNextPulse();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 3) {
                    stop();
                    if (report) {
                        long at = System.currentTimeMillis();
                        mark("first full frame painted");
                        OUT.println("startup-nodes " + census());   // after the time is taken: not part of it
                        OUT.println("first-full-paint " + at);
                        OUT.flush();
                    }
                    then.run();
                }
            }
        }.start();
    }
}
