package io.kisflow.designer.shell;

import io.kisflow.designer.canvas.CanvasView;
import io.kisflow.designer.canvas.CanvasViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** The canvas with its find field and zoom buttons floating over its top-right corner. */
final class CanvasPane extends StackPane {
    private final TextField find = new TextField();
    private final CanvasViewModel vm;
    private final CanvasView canvas;

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
        Label legend = new Label("Drag functions from the palette into a lane \u00b7 drag connectors onto Save/Load cards \u00b7 F1 for all keys");
        legend.getStyleClass().add("canvas-legend");
        legend.setMouseTransparent(true);
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(6, 10, 6, 10));
        getChildren().addAll(canvas, legend, tools);
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
