package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.inspect.ExportFormat;
import io.kisflow.designer.debug.inspect.InspectorModel;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The inspector's Export menu: the whole level, or only the rows the filter and sort show, as JSON
 * lines or CSV. The file comes from the {@link InspectorExportChooser}; the model writes it off the
 * UI thread and the header reports the file and row count, or the reason it failed.
 */
final class InspectorExport extends MenuButton {
    private final InspectorModel model;
    private final InspectorExportChooser chooser;
    private final InspectorHeader header;

    InspectorExport(InspectorModel model, InspectorExportChooser chooser, InspectorHeader header) {
        super("Export");
        this.model = model;
        this.chooser = chooser;
        this.header = header;
        setId("inspectorExport");
        getStyleClass().add("small-button");
        setTooltip(new Tooltip("Write the rows to a JSON lines or CSV file"));
        MenuItem shownJson = item("inspectorExportShownJson", "Shown rows as JSON lines…", ExportFormat.JSON_LINES, true);
        MenuItem shownCsv = item("inspectorExportShownCsv", "Shown rows as CSV…", ExportFormat.CSV, true);
        getItems().addAll(
                item("inspectorExportAllJson", "All rows as JSON lines…", ExportFormat.JSON_LINES, false),
                item("inspectorExportAllCsv", "All rows as CSV…", ExportFormat.CSV, false),
                new SeparatorMenuItem(), shownJson, shownCsv);
        // "Shown" differs from "all" only under a filter or a sort, and is only ready once computed.
        setOnShowing(e -> {
            String filter = model.filterProperty().get();
            boolean same = (filter == null || filter.isEmpty()) && model.sortProperty().get() == null;
            shownJson.setDisable(same || model.computingProperty().get());
            shownCsv.setDisable(same || model.computingProperty().get());
        });
    }

    private MenuItem item(String id, String text, ExportFormat format, boolean viewOnly) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> export(format, viewOnly));
        return item;
    }

    void export(ExportFormat format, boolean viewOnly) {
        Optional<Path> file = chooser.choose(getScene() == null ? null : getScene().getWindow(), suggestedName(model.level(), format), format);
        if (file.isEmpty()) {
            return;
        }
        header.report("Exporting to " + file.get() + "…", false);
        model.export(file.get(), format, viewOnly).whenComplete((result, failure) -> {
            if (failure != null) {
                header.report("Export failed: " + failure.getMessage(), true);
            } else {
                header.report("Exported " + RowsFormat.rows(result.rows()) + " to " + result.file(), false);
            }
        });
    }

    /** "StuScore-AvgStuScore.csv", "StuScore-source.jsonl": characters file systems dislike become "_". */
    static String suggestedName(LevelData level, ExportFormat format) {
        String name = level.flowName() + "-" + (level.isSource() ? "source" : level.name());
        return name.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "." + format.extension();
    }
}
