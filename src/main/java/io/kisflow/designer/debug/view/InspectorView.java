package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.inspect.InspectorModel;
import io.kisflow.designer.debug.inspect.InspectorRow;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The data inspector on screen: which level is shown and how many rows it has, a filter, the rows
 * as a virtual table (sorted by the model when a header is clicked, copied with Ctrl+C), the raw JSON
 * of the selected row beside it, and Export. Before any level is shown it says how to get one.
 *
 * <pre>{@code InspectorView inspector = new InspectorView(session.inspector(), InspectorExportChooser.system());
 * bottomTabs.getTabs().add(new Tab("Data", inspector));}</pre>
 */
public final class InspectorView extends StackPane {
    static final String EMPTY = "Run or step a flow, or click a card's output, to see its rows here.";

    private final InspectorModel model;
    private final InspectorHeader header;
    private final InspectorTable table;
    private final InspectorRawJson json;
    private final TextField filter = new TextField();
    private final ToggleButton jsonToggle = new ToggleButton("Raw JSON");
    private final SplitPane body;
    private final VBox content;
    private final RowsEmptyState empty = new RowsEmptyState("inspectorEmpty", EMPTY);

    public InspectorView(InspectorModel model) {
        this(model, InspectorExportChooser.system());
    }

    /** @param chooser asks where to export (the system save dialog, or a test's answer) */
    public InspectorView(InspectorModel model, InspectorExportChooser chooser) {
        this.model = model;
        setId("inspector");
        getStyleClass().add("inspector-view");
        header = new InspectorHeader(model);
        table = new InspectorTable(model);
        json = new InspectorRawJson(model, table);
        InspectorCopy.install(table, model, header);
        body = new SplitPane(table);
        body.getStyleClass().add("rows-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        content = new VBox(header, toolbar(new InspectorExport(model, chooser, header)), body);
        content.getStyleClass().add("rows-content");
        getChildren().addAll(content, empty);

        jsonToggle.selectedProperty().addListener((obs, old, on) -> showRawJson(on));
        json.setVisible(false);
        model.levelProperty().addListener((obs, old, now) -> showEmptyState());
        showEmptyState();
    }

    private HBox toolbar(InspectorExport export) {
        filter.setId("inspectorFilter");
        filter.setPromptText("Filter: text anywhere in the row");
        filter.setPrefColumnCount(26);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            }
        });
        CheckBox matchCase = new CheckBox("Match case");
        matchCase.setId("inspectorMatchCase");
        matchCase.selectedProperty().bindBidirectional(model.matchCaseProperty());
        jsonToggle.setId("inspectorJsonToggle");
        jsonToggle.getStyleClass().add("small-button");
        jsonToggle.setTooltip(new Tooltip("Show the selected row as JSON (the first rows when none is selected)"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(filter, matchCase, spacer, jsonToggle, export);
        bar.getStyleClass().add("rows-toolbar");
        return bar;
    }

    /** Shows or hides the raw JSON pane beside the table. */
    public void showRawJson(boolean show) {
        jsonToggle.setSelected(show);
        if (show && !body.getItems().contains(json)) {
            body.getItems().add(json);
            body.setDividerPositions(0.62);
        } else if (!show) {
            body.getItems().remove(json);
        }
        json.setVisible(show);
    }

    /** Puts the keyboard in the filter field (for the window's Ctrl+F). */
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** The rows table, for the window's focus handling and for tests. */
    public TableView<InspectorRow> table() {
        return table;
    }

    private void showEmptyState() {
        boolean none = !model.hasLevel();
        empty.setVisible(none);
        content.setVisible(!none);
    }
}
