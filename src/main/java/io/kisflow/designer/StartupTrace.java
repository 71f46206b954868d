package io.kisflow.designer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.io.PrintStream;

/**
 * Timestamps of the designer's start, for the start-up benchmark and for finding what is slow:
 * with {@code -Dkisflow.startupTrace=true} each phase prints one line on stderr,
 * {@code startup <ms since the JVM started> <phase>}, and the first frame painted with the project
 * in it prints {@code first-full-paint <epoch ms>} (the benchmark subtracts its own launch time).
 * Without the property every call is a field read. With {@code -Dkisflow.startupTrace=exit} the
 * JVM also exits right after that frame: the build's training run for the class-data archive
 * (pom.xml, cds-archive) records the classes of a start this way.
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

    public static void mark(String phase) {
        if (ON) {
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            OUT.println("startup " + (System.currentTimeMillis() - jvmStart) + " " + phase);
        }
    }

    /**
     * Reports the first frame painted after now: the coming pulse lays the scene out and hands it to
     * the render thread; the pulse after it waits for that render before it renders again, so the
     * timer's third frame starts after the first render has reached the window.
     */
    public static void reportNextPaint() {
        if (!ON || painted) {
            return;
        }
        painted = true;
        Platform.requestNextPulse();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 3) {
                    stop();
                    mark("first full frame painted");
                    OUT.println("first-full-paint " + System.currentTimeMillis());
                    OUT.flush();
                    if (MODE.equals("exit")) {
                        System.exit(0);
                    }
                }
            }
        }.start();
    }
}
