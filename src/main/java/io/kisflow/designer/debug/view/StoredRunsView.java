package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.RunRecord;
import io.kisflow.designer.debug.RunStore;
import io.kisflow.designer.debug.StoredRun;
import io.kisflow.designer.debug.StoredRuns;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Supplier;

/**
 * The History tab's "on disk" part: the flow's runs kept in the project's {@code .kisflow-studio/runs/}
 * (they survive a restart), with Open, Delete, "Import trace…" (a {@code run --trace} file, for
 * example from a server) and "Export trace…" (the run selected above, in the same format).
 */
final class StoredRunsView extends VBox {
    private final StoredRuns stored;
    private final FilteredList<StoredRun> shown;
    private final ListView<StoredRun> list = new ListView<>();
    private final Label title = RunViewParts.sectionTitle("ON DISK");
    private final Label message = RunViewParts.sentence("storedRunsMessage", "");

    StoredRunsView(StoredRuns stored, TraceFileChooser chooser, Supplier<RunRecord> selectedRun) {
        super(4);
        this.stored = stored;
        setId("storedRunsView");
        shown = new FilteredList<>(stored == null ? javafx.collections.FXCollections.observableArrayList() : stored.runs(), r -> false);
        list.setId("storedRunsList");
        list.setItems(shown);
        list.setPlaceholder(new Label(stored == null ? "Runs are kept on disk once the project is saved in a folder."
                : "No run of this flow is kept on disk yet: each finished run is."));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button open = new Button("Open");
        open.setId("storedRunsOpen");
        open.setTooltip(new Tooltip("Put this stored run back on the cards and in the runs above, to compare it with the current run"));
        open.setOnAction(e -> openSelected());
        Button delete = new Button("Delete");
        delete.setId("storedRunsDelete");
        delete.setTooltip(new Tooltip("Delete this run's file from " + RunStore.DIR));
        delete.setOnAction(e -> {
            if (stored != null) {
                stored.delete(list.getSelectionModel().getSelectedItem());
            }
        });
        var selected = list.getSelectionModel().selectedItemProperty();
        open.disableProperty().bind(selected.isNull());
        delete.disableProperty().bind(selected.isNull());
        Button importTrace = new Button("Import trace…");
        importTrace.setId("storedRunsImport");
        importTrace.setTooltip(new Tooltip("Open a trace written by run --trace (on a server, say) as a run of this project"));
        importTrace.setOnAction(e -> chooser.chooseTraceToImport(getScene() == null ? null : getScene().getWindow())
                .ifPresent(stored::importTrace));
        Button exportTrace = new Button("Export trace…");
        exportTrace.setId("storedRunsExport");
        exportTrace.setTooltip(new Tooltip("Write the run selected above as run --trace writes it"));
        exportTrace.setOnAction(e -> {
            RunRecord r = selectedRun.get();
            if (r != null && stored != null) {
                chooser.chooseTraceToExport(getScene() == null ? null : getScene().getWindow(),
                        r.flowName() + "-run" + r.number() + ".trace.json").ifPresent(p -> stored.exportTrace(r, p));
            }
        });
        boolean none = stored == null;
        importTrace.setDisable(none);
        exportTrace.setDisable(none);
        HBox buttons = new HBox(6, open, delete, importTrace, exportTrace);
        buttons.setAlignment(Pos.CENTER_LEFT);
        message.setWrapText(false);
        if (stored != null) {
            message.textProperty().bind(stored.messageProperty());
            message.setTooltip(new Tooltip());
            message.getTooltip().textProperty().bind(stored.messageProperty());
        }
        getChildren().addAll(title, list, buttons, message);
    }

    void showFlow(String flowName) {
        shown.setPredicate(r -> r.flowName().equals(flowName));
        title.setText(flowName == null ? "ON DISK" : "ON DISK · " + RunStore.DIR);
    }

    private void openSelected() {
        StoredRun r = list.getSelectionModel().getSelectedItem();
        if (stored != null && r != null) {
            stored.open(r);
        }
    }

    ListView<StoredRun> list() {
        return list;
    }
}
