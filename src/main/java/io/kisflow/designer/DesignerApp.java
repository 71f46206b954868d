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
        StartupTrace.mark("JavaFX started");
        Path stateDir = DesignerViewModel.defaultStateDir();
        DesignerViewModel vm = new DesignerViewModel(stateDir);
        vm.themeProperty().set(Settings.load(stateDir).theme());
        vm.themeProperty().addListener((o, a, t) -> Settings.saveTheme(stateDir, t));
        DesignerWindow window = new DesignerWindow(stage, vm, FileDialogs.SYSTEM);
        StartupTrace.mark("window built");
        window.show();
        StartupTrace.mark("window shown");
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
        StartupTrace.mark("project open");
        StartupTrace.reportNextPaint();
    }
}
