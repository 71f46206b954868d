package io.kisflow.designer;

import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.files.FileDialogs;
import io.kisflow.designer.files.Questions;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import io.kisflow.designer.shell.UnexpectedErrorDialog;
import io.kisflow.designer.shell.UnexpectedErrors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The JavaFX application: one designer window on the project given as the first parameter, or on
 * the samples project. Started through {@link DesignerLauncher} (a class extending Application
 * cannot be the main class of a jar), which starts reading the project before JavaFX starts; the
 * window is shown with the project in it when the reading is done by then (one layout, one paint),
 * else at once with "Opening ..." in the status line, the project following.
 */
public final class DesignerApp extends Application {
    /** The first project being read; set by the launcher before JavaFX starts. */
    static volatile CompletableFuture<StartupProject.First> first;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("JavaFX started");
        // the plugins' loading and the first compile wait for the first paint (opened in openFirst)
        io.kisflow.designer.ui.FirstPaint.hold();
        Path stateDir = DesignerViewModel.defaultStateDir();
        CompletableFuture<StartupProject.First> reading = first;
        if (reading == null) {
            List<String> args = getParameters().getRaw();
            reading = StartupProject.First.read(args.isEmpty() ? null : Path.of(args.get(0)), Path.of(""), stateDir);
        }
        first = null;
        // the plugins load while the window paints; the palette says so meanwhile
        DesignerViewModel vm = new DesignerViewModel(stateDir, io.kisflow.designer.debug.DebugOptions.defaults().withLoadInBackground(true));
        vm.themeProperty().set(Settings.load(stateDir).theme());
        vm.themeProperty().addListener((o, a, t) -> Settings.saveTheme(stateDir, t));
        DesignerWindow window = new DesignerWindow(stage, vm, FileDialogs.SYSTEM);
        handleUnexpectedErrors(stage, vm);
        rememberPlacement(stage, stateDir);
        StartupTrace.mark("window built");
        if (reading.isDone()) {
            openFirst(window, stage, reading);
            window.show();
        } else {
            vm.document.tell(StatusMessage.info("Opening the project..."));
            window.show();
            CompletableFuture<StartupProject.First> r = reading;
            reading.whenComplete((f, e) -> Platform.runLater(() -> openFirst(window, stage, r)));
        }
        StartupTrace.mark("window shown");
    }

    /** Every thread's uncaught exception: recovery copy first, then the log, then one dialog (see UnexpectedErrors). */
    private static void handleUnexpectedErrors(Stage stage, DesignerViewModel vm) {
        UnexpectedErrors errors = new UnexpectedErrors(vm::saveRecoveryNow, DesignerLog.file(),
                task -> {
                    if (Platform.isFxApplicationThread()) {
                        task.run();
                    } else {
                        Platform.runLater(task);
                    }
                },
                // shown from an event of its own: an error inside a layout or a paint cannot open a dialog there
                (report, closed) -> Platform.runLater(() -> {
                    var dialog = UnexpectedErrorDialog.create(stage, report);
                    dialog.setOnHidden(e -> closed.run());
                    dialog.show();
                }));
        Thread.setDefaultUncaughtExceptionHandler(errors::handle);
        Thread.currentThread().setUncaughtExceptionHandler(errors::handle);
    }

    private static void openFirst(DesignerWindow window, Stage stage, CompletableFuture<StartupProject.First> reading) {
        StartupProject.First f;
        try {
            f = reading.get();
        } catch (ExecutionException | InterruptedException e) {
            io.kisflow.designer.ui.FirstPaint.open();
            stage.show();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Questions.error(stage, "Could not open the samples project", cause.getMessage()
                    + "\n\nUse File > Open to open a KisFlow config directory.").showAndWait();
            return;
        }
        window.files().openProject(f.dir(), f.files());
        StartupTrace.mark("project open");
        StartupTrace.afterNextPaint(() -> {
            io.kisflow.designer.ui.FirstPaint.open();
            if (StartupTrace.training()) {
                trainAndExit(window);
            }
        });
    }

    /**
     * The build's training run for the class-data archive: once the plugins are loaded and the
     * sources compiled, shows every tab once (their views are built when first shown), then exits;
     * so the classes of all of it are in the archive, not only those of the first frame.
     */
    private static void trainAndExit(DesignerWindow window) {
        DesignerViewModel vm = window.viewModel();
        java.util.List<javafx.scene.control.Tab> tabs = new java.util.ArrayList<>(window.bottomTabs().getTabs());
        tabs.addAll(window.sideTabs().getTabs());
        javafx.animation.Timeline poll = new javafx.animation.Timeline();
        poll.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.millis(100), e -> {
            var session = vm.debugger.session();
            if (session != null && session.loadingPluginsProperty().get() || vm.code.compilingProperty().get()) {
                return;
            }
            if (!tabs.isEmpty()) {
                javafx.scene.control.Tab t = tabs.remove(0);
                t.getTabPane().getSelectionModel().select(t);
                return;
            }
            poll.stop();
            System.exit(0);
        }));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        poll.play();
    }

    /** Opens the window where it was last closed (kept on a screen), and remembers where it is when it closes. */
    private static void rememberPlacement(Stage stage, Path stateDir) {
        List<javafx.geometry.Rectangle2D> screens = javafx.stage.Screen.getScreens().stream()
                .map(javafx.stage.Screen::getVisualBounds).toList();
        WindowPlacement.load(stateDir).map(p -> p.clampedTo(screens)).ifPresent(p -> p.applyTo(stage));
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> {
            WindowPlacement now = WindowPlacement.of(stage);
            if (now.width() > 0 && now.height() > 0) {
                now.save(stateDir);
            }
        });
    }
}
