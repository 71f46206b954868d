package io.kisflow.designer.palette;

import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.ui.Icons;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

import java.util.function.Consumer;

/**
 * The palette on screen: a search field, the "new" buttons, and three lists (functions,
 * connectors, plugin functions without a config). An entry is dragged onto the canvas with the
 * mouse (the drag is a plain press-drag-release, forwarded to the {@link PaletteDropTarget} in scene
 * coordinates); Enter or a double click inserts a function after the selected card instead.
 *
 * <pre>{@code new PaletteView(paletteVm, document, canvasView, actions::insertFunction, ...)}</pre>
 */
public final class PaletteView extends VBox {
    private final PaletteViewModel vm;
    private final ProjectDocument document;
    private final PaletteDropTarget canvas;
    private final Consumer<PaletteItem> onActivate;
    private final TextField search = new TextField();

    public PaletteView(PaletteViewModel vm, ProjectDocument document, PaletteDropTarget canvas, Consumer<PaletteItem> onActivate,
                       Runnable newFlow, Runnable newFunction, Runnable newConnector) {
        this.vm = vm;
        this.document = document;
        this.canvas = canvas;
        this.onActivate = onActivate;
        getStyleClass().add("palette");
        setId("palette");
        search.setId("paletteSearch");
        search.setPromptText("Search functions and connectors");
        search.textProperty().bindBidirectional(vm.filterProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        HBox buttons = new HBox(4,
                button("newFlowButton", "+ Flow", "New flow (Ctrl+Shift+N)", newFlow),
                button("newFunctionButton", "+ Function", "New function (Ctrl+Alt+N)", newFunction),
                button("newConnectorButton", "+ Connector", "New connector (Ctrl+Alt+C)", newConnector));
        buttons.getStyleClass().add("palette-buttons");
        Label heading = new Label("Palette");
        heading.getStyleClass().add("panel-heading");
        TitledPane functions = section("Functions", "paletteFunctions", vm.functions());
        TitledPane connectors = section("Connectors", "paletteConnectors", vm.connectors());
        TitledPane unconfigured = section("In plugins, no config yet", "paletteUnconfigured", vm.unconfigured());
        unconfigured.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loadingPluginsProperty())
                .then("In plugins: loading the plugins\u2026")
                .otherwise(javafx.beans.binding.Bindings.size(vm.unconfigured()).asString("In plugins, no config yet (%d)")));
        VBox.setVgrow(functions, Priority.ALWAYS);
        getChildren().addAll(heading, search, buttons, functions, connectors, unconfigured);
        setSpacing(6);
    }

    public TextField searchField() {
        return search;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("small-button");
        b.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(b, Priority.ALWAYS);
        return b;
    }

    private TitledPane section(String title, String id, ObservableList<PaletteItem> items) {
        ListView<PaletteItem> list = new ListView<>(items);
        list.setId(id);
        list.setCellFactory(l -> new ItemCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.select(b);
            }
        });
        list.setOnKeyPressed(e -> {
            PaletteItem item = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                onActivate.accept(item);
                e.consume();
            }
        });
        list.setPrefHeight(120);
        TitledPane pane = new TitledPane(title, list);
        pane.textProperty().bind(javafx.beans.binding.Bindings.size(items).asString(title + " (%d)"));
        pane.setCollapsible(true);
        pane.setMaxHeight(Double.MAX_VALUE);
        return pane;
    }

    static StackPane iconBox(String icon, String styleClass) {
        SVGPath p = Icons.node(icon, 16, styleClass);
        StackPane box = new StackPane(p);
        box.setMinSize(16, 16);
        box.setPrefSize(16, 16);
        box.setMaxSize(16, 16);
        return box;
    }

    /** A palette entry: icon in its mode's colour, name, detail; draggable onto the canvas. */
    private final class ItemCell extends ListCell<PaletteItem> {
        private boolean dragging;

        ItemCell() {
            getStyleClass().add("palette-cell");
            // a cell as wide as the list, never wider: long names are cut, the list does not scroll sideways
            setPrefWidth(0);
            addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
                if (getItem() != null && e.getButton() == MouseButton.PRIMARY) {
                    dragging = true;
                    document.tell(StatusMessage.info(
                            getItem().isFunctionLike() ? "Drop " + getItem().name() + " into a lane, between two cards or at either end."
                                    : "Drop " + getItem().name() + " onto a Save or Load card to bind it."));
                }
            });
            addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
                if (dragging) {
                    canvas.paletteDragOver(getItem(), e.getSceneX(), e.getSceneY());
                }
            });
            addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
                if (!dragging) {
                    return;
                }
                dragging = false;
                canvas.paletteDrop(getItem(), e.getSceneX(), e.getSceneY());
            });
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    onActivate.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(PaletteItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String icon = switch (item.kind()) {
                case CONNECTOR -> "connector";
                case UNCONFIGURED -> "unknown";
                case FUNCTION -> Icons.forMode(item.detail().split(" ")[0]);
            };
            Label name = new Label(item.name());
            name.getStyleClass().add("palette-name");
            Label detail = new Label(item.detail());
            detail.getStyleClass().add("palette-detail");
            VBox text = new VBox(name, detail);
            HBox row = new HBox(8, iconBox(icon, "icon-" + icon), text);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setTooltip(new Tooltip(item.name() + "\n" + item.detail()));
        }
    }
}
