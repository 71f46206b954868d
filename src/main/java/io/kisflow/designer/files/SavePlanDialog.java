package io.kisflow.designer.files;

import io.kisflow.designer.project.FileChange;
import io.kisflow.designer.project.SavePlan;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import io.kisflow.designer.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.DialogPane;

/**
 * Shows what a Save or Export will do before anything is written: each file to be created,
 * changed or deleted, and for the selected file its new text (created) or the lines that change
 * (changed). The layout is {@code SavePlanDialog.fxml} (open it in Scene Builder); this controller
 * fills it in. The dialog answers {@link #WRITE} when the user confirms.
 *
 * <pre>{@code if (SavePlanDialog.create(stage, plan, "Save").showAndWait().orElse(null) == SavePlanDialog.WRITE) write(plan);}</pre>
 */
public final class SavePlanDialog {
    public static final ButtonType WRITE = new ButtonType("Write files", ButtonBar.ButtonData.OK_DONE);

    @FXML
    DialogPane pane;
    @FXML
    Label summary;
    @FXML
    ListView<FileChange> files;
    @FXML
    TextArea preview;

    /** Made by the FXML loader; use {@link #create}. */
    public SavePlanDialog() {
    }

    public static Dialog<ButtonType> create(Window owner, SavePlan plan, String title) {
        SavePlanDialog c = Fxml.load(SavePlanDialog.class);
        c.show(plan);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setDialogPane(c.pane);
        d.setTitle(title);
        c.pane.setHeaderText(title + ": check the files before they are written");
        c.pane.getButtonTypes().setAll(WRITE, ButtonType.CANCEL);
        d.setResizable(true);
        return d;
    }

    /** Fills the loaded layout with the plan; the first file is selected. */
    void show(SavePlan plan) {
        files.getItems().setAll(plan.created());
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
        files.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> preview.setText(c == null ? "" : previewOf(c)));
        summary.setText(plan.summary() + " in " + plan.targetDir() + ". Files not listed are left exactly as they are.");
        if (!files.getItems().isEmpty()) {
            files.getSelectionModel().select(0);
        }
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
