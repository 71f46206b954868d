package io.kisflow.designer.debug.view;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks for a run trace to import, or where to export one. The window uses the system chooser; tests
 * put in answers, since a robot cannot drive a native dialog.
 */
public interface TraceFileChooser {
    /** The trace to import, or empty when the user cancelled. */
    Optional<Path> chooseTraceToImport(Window owner);

    /** Where to write a run's trace ({@code suggested} is a file name), or empty when cancelled. */
    Optional<Path> chooseTraceToExport(Window owner, String suggested);

    TraceFileChooser SYSTEM = new TraceFileChooser() {
        @Override
        public Optional<Path> chooseTraceToImport(Window owner) {
            FileChooser chooser = chooser("Import a run trace (run --trace)");
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseTraceToExport(Window owner, String suggested) {
            FileChooser chooser = chooser("Export the run as a trace");
            chooser.setInitialFileName(suggested);
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        }

        private FileChooser chooser(String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Run traces (*.json)", "*.json"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            return chooser;
        }
    };
}
