package io.kisflow.designer.files;

import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for a directory. The window uses the system chooser; tests put in answers, since
 * a robot cannot drive a native dialog.
 */
public interface FileDialogs {
    Optional<Path> chooseDirectory(Window owner, String title, Path initial);

    /** The system directory chooser. */
    FileDialogs SYSTEM = (owner, title, initial) -> {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && initial.toFile().isDirectory()) {
            chooser.setInitialDirectory(initial.toFile());
        }
        File f = chooser.showDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    };
}
