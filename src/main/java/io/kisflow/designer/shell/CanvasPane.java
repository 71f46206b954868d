package io.kisflow.designer.shell;

import io.kisflow.designer.canvas.CanvasView;
import io.kisflow.designer.canvas.CanvasViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The canvas with its find field and zoom buttons floating over its top-right corner, scroll bars
 * to reach what lies off screen, and the hint line under it (under, not over: it must never hide
 * the last lane). The find bar's height is told to the view-model, so fit and reveal keep cards
 * and badges clear of it.
 */
final class CanvasPane extends BorderPane {
    private final TextField find = new TextField();
    private final CanvasViewModel vm;
    private final CanvasView canvas;
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    private boolean syncing;

    CanvasPane(CanvasView canvas) {
        this.canvas = canvas;
        this.vm = canvas.viewModel();
        find.setId("findField");
        find.setPromptText("Find flow, card, connector (Ctrl+F)");
        find.setPrefColumnCount(18);
        find.setOnAction(e -> {
            if (!find.getText().isBlank()) {
                vm.find(find.getText());
            }
        });
        find.textProperty().addListener((o, a, b) -> {
            if (!b.isBlank()) {
                vm.find(b);
            }
        });
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                find.clear();
                canvas.requestFocus();
            } else if (e.getCode() == KeyCode.ENTER) {
                vm.findNext();
                e.consume();
            }
        });
        HBox tools = new HBox(4, find,
                tool("zoomOutButton", "\u2212", "Zoom out (Ctrl+-)", () -> vm.zoomBy(0.8)),
                tool("zoomInButton", "+", "Zoom in (Ctrl+=)", () -> vm.zoomBy(1.25)),
                tool("fitButton", "Fit", "Fit everything in view (Ctrl+0)", vm::fit),
                tool("actualSizeButton", "100%", "Actual size (Ctrl+1)", vm::actualSize));
        tools.getStyleClass().add("canvas-tools");
        tools.setAlignment(Pos.TOP_RIGHT);
        tools.setPickOnBounds(false);
        tools.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
        StackPane.setAlignment(tools, Pos.TOP_RIGHT);
        StackPane.setMargin(tools, new Insets(8));
        tools.boundsInParentProperty().addListener((o, a, b) -> vm.setCovered(b.getMaxY() + 4, 0));
        StackPane surface = new StackPane(canvas, tools);
        surface.setMinSize(0, 0);

        horizontal.setId("canvasScrollX");
        vertical.setId("canvasScrollY");
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.scrollToX(b.doubleValue());
            }
        });
        vertical.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.scrollToY(b.doubleValue());
            }
        });
        vm.paintRequestsProperty().addListener((o, a, b) -> syncScrollBars());
        GridPane grid = new GridPane();
        grid.add(surface, 0, 0);
        grid.add(vertical, 1, 0);
        grid.add(horizontal, 0, 1);
        GridPane.setHgrow(surface, Priority.ALWAYS);
        GridPane.setVgrow(surface, Priority.ALWAYS);
        setCenter(grid);

        Label legend = new Label("Drag functions from the palette into a lane \u00b7 drag connectors onto Save/Load cards \u00b7 F1 for all keys");
        legend.setId("canvasLegend");
        legend.getStyleClass().add("canvas-legend");
        legend.setMaxWidth(Double.MAX_VALUE);
        setBottom(legend);
        setMinSize(0, 0);
        syncScrollBars();
    }

    /** Moves the scroll bars to where the view is (without scrolling again). */
    private void syncScrollBars() {
        syncing = true;
        try {
            sync(horizontal, vm.horizontalScroll());
            sync(vertical, vm.verticalScroll());
        } finally {
            syncing = false;
        }
    }

    private static void sync(ScrollBar bar, CanvasViewModel.ScrollAxis axis) {
        bar.setMin(axis.min());
        bar.setMax(axis.max());
        bar.setValue(axis.value());
        double range = axis.max() - axis.min();
        // the thumb is visibleAmount / (max - min) of the track: the share of the whole the view shows
        bar.setVisibleAmount(range <= 0 ? 1 : axis.visible() * range);
        bar.setUnitIncrement(40);
        bar.setBlockIncrement(Math.max(40, range * axis.visible()));
        bar.setDisable(range <= 0);
    }

    private static Button tool(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("canvas-tool");
        return b;
    }

    void focusFind() {
        find.requestFocus();
        find.selectAll();
    }

    CanvasView canvas() {
        return canvas;
    }
}
