package io.kisflow.designer.debug.view;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.Snapshots;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.DebugSettings;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.TestFunctions;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real debugging session for the view tests: conf-samples (with the built-in samples plugin) plus
 * the misbehaving test functions, run events on the FX thread ({@code Platform::runLater}) and heavy
 * work on a small background executor. Flows: StuScore (the quick start, JSON input), Fail
 * (VerifyStu, Boom that throws, AvgStuScore), Print (Printer prints, Tail has no code), Draft
 * (VerifyStu, then Rank and Report that have no code), Loop (Looper jumps to itself until the call limit), Spin (Spinner ignores interruption until released).
 */
final class RunViewsFixture implements AutoCloseable {
    /** Waits are limited only so that a broken test fails instead of hanging; nothing is timed. */
    static final long LIMIT_SECONDS = 20;
    static final Path SNAPSHOTS = Path.of("target", "debug-run-snapshots");

    final TestFunctions functions = new TestFunctions();
    final ExecutorService background = Executors.newFixedThreadPool(1, r -> {
        Thread t = new Thread(r, "run-views-background");
        t.setDaemon(true);
        return t;
    });
    final DebugSession session;

    /** Must be called on the FX thread (the session's properties belong to it). */
    RunViewsFixture(Path projectDir, ConfigSet configs, DebugOptions options) {
        session = new DebugSession(projectDir, configs, settings(), options.withExtraPlugins(List.of(functions)),
                Platform::runLater, background);
    }

    RunViewsFixture(Path projectDir, DebugOptions options) {
        this(projectDir, project(), options);
    }

    RunViewsFixture() {
        this(null, DebugOptions.defaults().withMetrics(false).withMaxCalls(30));
    }

    static ConfigSet project() {
        ConfigSet set = ConfigLoader.load(Path.of("conf-samples")).configs();
        for (String f : List.of("Printer", "Boom", "Looper", "Spinner", "Tail", "Rank", "Report")) {
            set = set.withFunc(FuncConfig.of(f, "Calculate"));
        }
        set = set.withFlow(FlowConfig.of("Fail", FlowStep.of("VerifyStu"), FlowStep.of("Boom"), FlowStep.of("AvgStuScore")));
        set = set.withFlow(FlowConfig.of("Print", FlowStep.of("Printer"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Loop", FlowStep.of("Looper"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Spin", FlowStep.of("Spinner"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Draft", FlowStep.of("VerifyStu"), FlowStep.of("Rank"), FlowStep.of("Report")));
        return set;
    }

    static List<String> studentRows() {
        try {
            return Files.readAllLines(Path.of("conf-samples/student-score/input.jsonl")).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DebugSettings settings() {
        return DebugSettings.EMPTY
                .withInput("StuScore", studentRows(), InputMode.JSON)
                .withInput("Fail", studentRows(), InputMode.JSON)
                .withInput("Draft", studentRows(), InputMode.JSON)
                .withInput("Print", List.of("alpha", "beta"), InputMode.TEXT)
                .withInput("Loop", List.of("x"), InputMode.TEXT)
                .withInput("Spin", List.of("x"), InputMode.TEXT)
                .withInput("RetryPoll", List.of("job-17", "job-18"), InputMode.TEXT);
    }

    /** Runs {@code c} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }

    static void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the session is in one of these states (read on the FX thread). */
    SessionState await(SessionState... wanted) {
        List<SessionState> want = List.of(wanted);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (true) {
            SessionState now = fx(session::state);
            if (want.contains(now)) {
                WaitForAsyncUtils.waitForFxEvents();
                return now;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("session did not reach " + want + "; it is " + now + ": " + fx(() -> session.messageProperty().get()));
            }
            sleep();
        }
    }

    /** Waits until {@code condition} (read on the FX thread) holds. */
    static void until(String what, Callable<Boolean> condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (!fx(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited in vain for: " + what);
            }
            sleep();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Shows {@code root} in a stage of its own, themed. Call on the FX thread. */
    static Stage show(Parent root, double width, double height, Theme theme) {
        Stage stage = new Stage();
        Scene scene = new Scene(root, width, height);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** Saves the stage's scene as target/debug-run-snapshots/NAME-THEME.png, in each theme. */
    static void snapshot(Stage stage, String name) {
        for (Theme theme : Theme.values()) {
            fxRun(() -> theme.applyTo(stage.getScene()));
            WaitForAsyncUtils.waitForFxEvents();
            fxRun(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            Path file = SNAPSHOTS.resolve(name + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png");
            fxRun(() -> {
                try {
                    Snapshots.save(stage.getScene(), file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        fxRun(() -> Theme.LIGHT.applyTo(stage.getScene()));
    }

    @Override
    public void close() {
        functions.releaseSpinner.set(true);
        fxRun(session::close);
        background.shutdownNow();
    }
}
