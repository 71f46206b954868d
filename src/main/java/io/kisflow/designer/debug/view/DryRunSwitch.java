package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The run header's dry-run switch and its loud chip: while on, designer runs open no connector and
 * record every connector call (shown in the Call tab) instead of performing it, so a Save flow
 * writes nothing; a Load function with code must be pinned. Bound to the session's setting, which
 * the project keeps (toggling it is an undoable edit).
 *
 * <pre>{@code header.getChildren().add(new DryRunSwitch(session));}</pre>
 */
public final class DryRunSwitch extends HBox {
    private final CheckBox toggle = new CheckBox("Dry run");
    private final Label chip = RunViewParts.chip("dryRunChip", "run-chip-dry");

    public DryRunSwitch(DebugSession session) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        toggle.setId("dryRunSwitch");
        toggle.getStyleClass().add("dry-run-switch");
        toggle.setMinWidth(CheckBox.USE_PREF_SIZE);
        toggle.setTooltip(new Tooltip("Record connector calls instead of performing them: no connector is opened and"
                + " nothing is written. Load functions with code need pinned rows. Kept with the project."));
        toggle.selectedProperty().bindBidirectional(session.dryRunProperty());
        chip.setText("DRY RUN · nothing is written");
        chip.setTooltip(new Tooltip("Connector calls are recorded (see each function's Call tab), not performed"));
        RunViewParts.collapsible(chip).visibleProperty().bind(session.dryRunProperty());
        getChildren().addAll(chip, toggle);
    }

    public CheckBox toggle() {
        return toggle;
    }

    /** "DRY RUN · nothing is written", visible while the switch is on. */
    public Label chip() {
        return chip;
    }
}
