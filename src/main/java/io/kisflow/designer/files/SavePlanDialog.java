package io.kisflow.designer.files;

import io.kisflow.designer.project.FileChange;
import io.kisflow.designer.project.SavePlan;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;


/**
 * Shows what a Save or Export will do before anything is written: each file to be created,
 * changed or deleted, and for the selected file its new text (created) or the lines that change
 * (changed). Returns true when the user confirms.
 */
public final class SavePlanDialog {
    public static final ButtonType WRITE = new ButtonType("Write files", ButtonBar.ButtonData.OK_DONE);

    private SavePlanDialog() {
    }

    public static Dialog<ButtonType> create(Window owner, SavePlan plan, String title) {
        ListView<FileChange> files = new ListView<>();
        files.setId("savePlanFiles");
        files.getItems().addAll(plan.created());
        files.getItems().addAll(plan.changed());
        files.getItems().addAll(plan.deleted());
        files.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FileChange c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("change-create", "change-change", "change-delete");
                if (empty || c == null) {
                    setText(null);
                    return;
                }
                setText(symbol(c.kind()) + "  " + plan.relative(c) + (c.notes().isEmpty() ? "" : "  \u26a0"));
                getStyleClass().add("change-" + c.kind().name().toLowerCase());
            }
        });
        TextArea preview = new TextArea();
        preview.setId("savePlanPreview");
        preview.setEditable(false);
        preview.getStyleClass().add("code");
        files.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> preview.setText(c == null ? "" : previewOf(c)));
        SplitPane split = new SplitPane(files, preview);
        split.setDividerPositions(0.38);
        split.setPrefSize(860, 420);
        Label summary = new Label(plan.summary() + " in " + plan.targetDir()
                + ". Files not listed are left exactly as they are.");
        summary.setId("savePlanSummary");
        summary.setWrapText(true);
        VBox content = new VBox(8, summary, split);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title + ": check the files before they are written");
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(WRITE, ButtonType.CANCEL);
        d.getDialogPane().setId("savePlanDialog");
        d.setResizable(true);
        if (!files.getItems().isEmpty()) {
            files.getSelectionModel().select(0);
        }
        return d;
    }

    static String previewOf(FileChange c) {
        String notes = c.notes().isEmpty() ? "" : "\u26a0 " + String.join("\n\u26a0 ", c.notes()) + "\n\n";
        return notes + switch (c.kind()) {
            case CREATE -> c.newText();
            case DELETE -> "This file will be deleted. It held:\n\n" + c.oldText();
            case CHANGE -> String.join("\n", TextDiff.lines(c.oldText(), c.newText()));
        };
    }

    private static String symbol(FileChange.Kind k) {
        return switch (k) {
            case CREATE -> "+ new";
            case CHANGE -> "~ changed";
            case DELETE -> "\u2212 deleted";
        };
    }

}
