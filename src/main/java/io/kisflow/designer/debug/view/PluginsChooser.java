package io.kisflow.designer.debug.view;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for a plugin jar or a plugin class folder. The window uses the system choosers;
 * tests put in answers, since a robot cannot drive a native dialog.
 *
 * <pre>{@code new PluginsView(session, PluginsChooser.SYSTEM)}</pre>
 */
public interface PluginsChooser {
    /** A jar file, or empty when the user cancelled; {@code initial} is a folder to start in (may be null). */
    Optional<Path> chooseJar(Window owner, Path initial);

    /** A folder of compiled classes (with META-INF/services/io.kisflow.engine.KisPlugin), or empty. */
    Optional<Path> chooseFolder(Window owner, Path initial);

    /** The system choosers. */
    PluginsChooser SYSTEM = new PluginsChooser() {
        @Override
        public Optional<Path> chooseJar(Window owner, Path initial) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Add a plugin jar");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Java archives (*.jar)", "*.jar"));
            if (initial != null && Files.isDirectory(initial)) {
                chooser.setInitialDirectory(initial.toFile());
            }
            File f = chooser.showOpenDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseFolder(Window owner, Path initial) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Add a plugin class folder");
            if (initial != null && Files.isDirectory(initial)) {
                chooser.setInitialDirectory(initial.toFile());
            }
            File f = chooser.showDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        }
    };
}
