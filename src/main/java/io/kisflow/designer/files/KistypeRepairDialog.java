package io.kisflow.designer.files;

import io.kisflow.config.KistypeRepair;
import io.kisflow.designer.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The offer to repair Go's {@code kistype: ""} files, shown when a project holding them opens. The
 * layout is {@code KistypeRepairDialog.fxml}; this controller puts in the count and the files.
 *
 * <pre>{@code if (KistypeRepairDialog.create(stage, dir, fixes).showAndWait().orElse(null) == KistypeRepairDialog.REPAIR) repair();}</pre>
 */
public final class KistypeRepairDialog {
    public static final ButtonType REPAIR = new ButtonType("Repair", ButtonBar.ButtonData.YES);
    public static final ButtonType NOT_NOW = new ButtonType("Not now", ButtonBar.ButtonData.NO);
    private static final int LISTED = 8;

    @FXML
    DialogPane pane;
    @FXML
    Label fileList;

    /** Made by the FXML loader; use {@link #create}. */
    public KistypeRepairDialog() {
    }

    public static Alert create(Window owner, Path project, List<KistypeRepair.Fix> fixes) {
        KistypeRepairDialog c = Fxml.load(KistypeRepairDialog.class);
        c.show(project, fixes);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle("Repair kistype");
        // the alert's own pane carries the confirmation icon; it takes the loaded layout as its content
        a.getDialogPane().setId(c.pane.getId());
        a.getDialogPane().setPrefWidth(c.pane.getPrefWidth());
        a.setHeaderText(c.pane.getHeaderText());
        a.getDialogPane().setContent(c.pane.getContent());
        a.getButtonTypes().setAll(REPAIR, NOT_NOW);
        return a;
    }

    /** Fills the loaded layout: how many files, and the first few of them with the kind each gets. */
    void show(Path project, List<KistypeRepair.Fix> fixes) {
        pane.setHeaderText(fixes.size() + (fixes.size() == 1 ? " file has" : " files have") + " an empty kistype, as Go's export writes it"
                + " for flows built in code; neither Go nor the designer can open them.");
        String listed = fixes.stream().limit(LISTED)
                .map(f -> "  " + project.relativize(f.file()) + "  \u2192  kistype: " + f.kind().yaml())
                .collect(Collectors.joining("\n"));
        fileList.setText(listed + (fixes.size() > LISTED ? "\n  and " + (fixes.size() - LISTED) + " more" : ""));
    }
}
