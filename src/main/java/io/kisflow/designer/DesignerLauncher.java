package io.kisflow.designer;

import javafx.application.Application;

import java.nio.file.Path;

/**
 * Opens the designer (a plain class: see {@link DesignerApp}). With no directory it opens the
 * samples project.
 *
 * <pre>{@code DesignerLauncher.launch(Path.of("conf-samples"));}</pre>
 */
public final class DesignerLauncher {
    private DesignerLauncher() {
    }

    /** Blocks until the window is closed. {@code dir} may be null for the samples. */
    public static void launch(Path dir) {
        DesignerLog.install(io.kisflow.designer.shell.DesignerViewModel.defaultStateDir());
        DesignerApp.first = StartupProject.First.read(dir, Path.of(""), io.kisflow.designer.shell.DesignerViewModel.defaultStateDir());
        if (dir == null) {
            Application.launch(DesignerApp.class);
        } else {
            Application.launch(DesignerApp.class, dir.toString());
        }
    }
}
