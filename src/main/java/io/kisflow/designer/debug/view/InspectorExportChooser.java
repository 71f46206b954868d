package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.inspect.ExportFormat;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks where to export a level. The application uses {@link #system()}, a save dialog that itself
 * asks before replacing an existing file; tests answer with a path of their own.
 *
 * <pre>{@code new InspectorView(model, (owner, name, format) -> Optional.of(tmp.resolve(name)));}</pre>
 */
@FunctionalInterface
public interface InspectorExportChooser {
    /**
     * @param owner         the window the dialog belongs to (null when the view is not shown)
     * @param suggestedName a file name with the format's extension, e.g. "StuScore-AvgStuScore.csv"
     * @return the file to write, or empty when the user cancelled
     */
    Optional<Path> choose(Window owner, String suggestedName, ExportFormat format);

    /**
     * The platform's save dialog, starting in the folder of the previous export. The chosen name is
     * used as typed: adding an extension afterwards could replace a file the dialog never asked about.
     */
    static InspectorExportChooser system() {
        File[] lastFolder = new File[1];
        return (owner, suggestedName, format) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export rows");
            chooser.setInitialFileName(suggestedName);
            if (lastFolder[0] != null && lastFolder[0].isDirectory()) {
                chooser.setInitialDirectory(lastFolder[0]);
            }
            String description = format == ExportFormat.CSV ? "CSV" : "JSON lines";
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(description + " (*." + format.extension() + ")", "*." + format.extension()),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File file = chooser.showSaveDialog(owner);
            if (file == null) {
                return Optional.empty();
            }
            lastFolder[0] = file.getParentFile();
            return Optional.of(file.toPath());
        };
    }
}
