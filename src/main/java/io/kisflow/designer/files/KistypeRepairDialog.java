package io.kisflow.designer.files;

import io.kisflow.config.KistypeRepair;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The offer to repair Go's {@code kistype: ""} files, shown when a project holding them opens. */
public final class KistypeRepairDialog {
    public static final ButtonType REPAIR = new ButtonType("Repair", ButtonBar.ButtonData.YES);
    public static final ButtonType NOT_NOW = new ButtonType("Not now", ButtonBar.ButtonData.NO);
    private static final int LISTED = 8;

    private KistypeRepairDialog() {
    }

    public static Alert create(Window owner, Path project, List<KistypeRepair.Fix> fixes) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", REPAIR, NOT_NOW);
        a.initOwner(owner);
        a.setTitle("Repair kistype");
        a.setHeaderText(fixes.size() + (fixes.size() == 1 ? " file has" : " files have") + " an empty kistype, as Go's export writes it"
                + " for flows built in code; neither Go nor the designer can open them.");
        String listed = fixes.stream().limit(LISTED)
                .map(f -> "  " + project.relativize(f.file()) + "  \u2192  kistype: " + f.kind().yaml())
                .collect(Collectors.joining("\n"));
        String more = fixes.size() > LISTED ? "\n  and " + (fixes.size() - LISTED) + " more" : "";
        a.setContentText("Their names say what they hold:\n" + listed + more + "\n\nRepair writes kistype into these files and changes"
                + " nothing else in them (comments and key order stay). \"Not now\" leaves the files as they are; they stay listed"
                + " under Problems.");
        a.getDialogPane().setId("kistypeRepairDialog");
        return a;
    }
}
