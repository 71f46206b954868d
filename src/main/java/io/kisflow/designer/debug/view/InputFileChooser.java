package io.kisflow.designer.debug.view;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for a file of input rows. The window uses the system chooser; tests put in answers,
 * since a robot cannot drive a native dialog.
 *
 * <pre>{@code new RunPanel(session, InputFileChooser.SYSTEM)}</pre>
 */
@FunctionalInterface
public interface InputFileChooser {
    /** The chosen file, or empty when the user cancelled. {@code initial} is a folder to start in (may be null). */
    Optional<Path> chooseInputFile(Window owner, Path initial);

    /** The system file chooser, offering text and JSON lines files first. */
    InputFileChooser SYSTEM = (owner, initial) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load input rows");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Rows (*.txt, *.jsonl, *.json, *.csv)", "*.txt", "*.jsonl", "*.json", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initial != null && Files.isDirectory(initial)) {
            chooser.setInitialDirectory(initial.toFile());
        }
        File f = chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    };
}
