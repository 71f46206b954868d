package io.kisflow.designer.shell;

import io.kisflow.designer.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Help > About: what the designer is for and its version. The layout is {@code AboutDialog.fxml}.
 *
 * <pre>{@code AboutDialog.create(stage).showAndWait();}</pre>
 */
public final class AboutDialog {
    @FXML
    DialogPane pane;
    @FXML
    Label version;

    /** Made by the FXML loader; use {@link #create}. */
    public AboutDialog() {
    }

    public static Dialog<ButtonType> create(Window owner) {
        AboutDialog c = Fxml.load(AboutDialog.class);
        String v = AboutDialog.class.getPackage().getImplementationVersion();
        c.version.setText("Version " + (v == null ? "0.1.0 (development build)" : v) + " · Java " + Runtime.version().feature()
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("About KisFlow Studio");
        d.setDialogPane(c.pane);
        return d;
    }
}
