package io.kisflow.designer.shell;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/**
 * Lists every keyboard shortcut (taken from the same actions the menus use, so the list cannot
 * drift) and the mouse gestures of the canvas.
 */
public final class HelpDialog {
    static final List<String[]> GESTURES = List.of(
            new String[]{"Drag a palette function into a lane", "insert it where it is dropped: between two cards or at either end"},
            new String[]{"Drag a card", "reorder it in its lane, or move it into another lane"},
            new String[]{"Drag a connector onto a Save or Load card", "bind it (other modes are refused with the reason)"},
            new String[]{"Drag a connector badge elsewhere", "move the badge (stored in the sidecar, not in the YAML)"},
            new String[]{"Drag a lane header", "move the lane up or down"},
            new String[]{"Drag empty canvas / middle button", "pan"},
            new String[]{"Wheel / Ctrl+wheel", "scroll / zoom around the pointer"},
            new String[]{"Double-click a card, lane or badge", "rename it"},
            new String[]{"Enter or double-click in the palette", "insert the function after the selected card"});

    private HelpDialog() {
    }

    public static Dialog<Void> create(Window owner, List<DesignerAction> actions) {
        GridPane grid = new GridPane();
        grid.setId("shortcutTable");
        grid.setHgap(18);
        grid.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(150);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        String menu = null;
        for (DesignerAction a : actions) {
            if (a.key() == null) {
                continue;
            }
            if (!a.menu().equals(menu)) {
                menu = a.menu();
                Label heading = new Label(menu);
                heading.getStyleClass().add("section-title");
                grid.add(heading, 0, row++, 2, 1);
            }
            Label key = new Label(a.keyText());
            key.getStyleClass().add("key-cap");
            grid.addRow(row++, key, new Label(a.label().replace("\u2026", "")));
        }
        Label heading = new Label("Mouse");
        heading.getStyleClass().add("section-title");
        grid.add(heading, 0, row++, 2, 1);
        for (String[] g : GESTURES) {
            Label what = new Label(g[0]);
            what.getStyleClass().add("gesture");
            grid.addRow(row++, what, new Label(g[1]));
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(720, 560);
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Keyboard shortcuts");
        d.setHeaderText("Keyboard shortcuts and mouse gestures");
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().setId("helpDialog");
        d.setResizable(true);
        return d;
    }
}
