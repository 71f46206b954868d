package io.kisflow.designer;

import io.kisflow.designer.files.FileDialogs;
import io.kisflow.designer.files.Questions;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * The JavaFX application: one designer window on the project given as the first parameter, or on
 * the samples project. Started through {@link DesignerLauncher} (a class extending Application
 * cannot be the main class of a jar).
 */
public final class DesignerApp extends Application {
    @Override
    public void start(Stage stage) {
        Path stateDir = DesignerViewModel.defaultStateDir();
        DesignerViewModel vm = new DesignerViewModel(stateDir);
        vm.themeProperty().set(Settings.load(stateDir).theme());
        vm.themeProperty().addListener((o, a, t) -> Settings.saveTheme(stateDir, t));
        DesignerWindow window = new DesignerWindow(stage, vm, FileDialogs.SYSTEM);
        rememberPlacement(stage, stateDir);
        window.show();
        List<String> args = getParameters().getRaw();
        Path dir;
        try {
            dir = args.isEmpty() ? StartupProject.samples(Path.of(""), stateDir) : Path.of(args.get(0));
        } catch (Exception e) {
            Questions.error(stage, "Could not open the samples project", e.getMessage()
                    + "\n\nUse File > Open to open a KisFlow config directory.").showAndWait();
            return;
        }
        window.files().openProject(dir);
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
