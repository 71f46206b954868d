package io.kisflow.designer.files;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.time.Instant;

/** The questions the designer asks about unsaved work, as dialogs with plainly named buttons. */
public final class Questions {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    public static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private Questions() {
    }

    public static Alert unsavedChanges(Window owner, String project, String doing) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText(project + " has unsaved changes.");
        a.setContentText("Save them before " + doing + "? \"Don't save\" drops the changes and their recovery copy.");
        a.getDialogPane().setId("unsavedDialog");
        return a;
    }

    public static Alert restoreOffer(Window owner, String project, Instant savedAt,
                                     java.util.Optional<io.kisflow.designer.project.RecoveryStore.FileChange> changedSince, java.nio.file.Path projectDir) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", RESTORE, DISCARD);
        a.initOwner(owner);
        a.setTitle("Recover unsaved work");
        a.setHeaderText("The designer was closed with unsaved changes to " + project + ".");
        a.setContentText(restoreText(savedAt, changedSince, projectDir));
        if (changedSince.isPresent()) {
            // the files moved on since the copy: keeping them is the safe default
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(RESTORE)).setDefaultButton(false);
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(DISCARD)).setDefaultButton(true);
        }
        a.getDialogPane().setId("recoveryDialog");
        return a;
    }

    /** The restore offer's words; a file changed after the copy was made is named, with what restoring would do to it. */
    static String restoreText(Instant savedAt, java.util.Optional<io.kisflow.designer.project.RecoveryStore.FileChange> changedSince,
                              java.nio.file.Path projectDir) {
        String offer = "A recovery copy from " + LocalTimes.describe(savedAt)
                + " exists. Restore it (it stays unsaved until you save), or discard it and keep the files as they are?";
        if (changedSince.isEmpty()) {
            return offer;
        }
        var c = changedSince.get();
        return offer + "\n\nThe project's files were changed after that copy was made, outside the designer ("
                + projectDir.relativize(c.file()) + ", " + LocalTimes.describe(c.at()) + "): restoring and then saving"
                + " would write the copy over those changes. Discard keeps the files as they are now.";
    }

    public static Alert error(Window owner, String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("KisFlow Studio");
        a.setHeaderText(header);
        a.getDialogPane().setId("errorDialog");
        return a;
    }
}
