package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The run header's "Go semantics" switch and its chip: while on, designer runs do as a Go KisFlow
 * server would, quirks included (docs/DIFFERENCES.md), so the levels shown are a Go server's. Bound
 * to the session's setting, which the project keeps (toggling it is an undoable edit).
 *
 * <pre>{@code header.getChildren().add(new GoSemanticsSwitch(session));}</pre>
 */
public final class GoSemanticsSwitch extends HBox {
    private final CheckBox toggle = new CheckBox("Go semantics");
    private final Label chip = RunViewParts.chip("goSemanticsChip", "run-chip-go");

    public GoSemanticsSwitch(DebugSession session) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        toggle.setId("goSemanticsSwitch");
        toggle.setMinWidth(CheckBox.USE_PREF_SIZE);
        toggle.setTooltip(new Tooltip("Run as a Go KisFlow server would, quirks included: ForceEntryNext empties a level,"
                + " DataReuse on an empty input and failed runs leave rows behind, retry settings are ignored. Off: the"
                + " Java engine's fixes, with the points where Go differs marked on the cards. Kept with the project."));
        toggle.selectedProperty().bindBidirectional(session.goSemanticsProperty());
        chip.setText("GO SEMANTICS · levels as on a Go server");
        chip.setTooltip(new Tooltip("Each card's Call tab says where the run did as Go does and the Java engine would not"));
        RunViewParts.collapsible(chip).visibleProperty().bind(session.goSemanticsProperty());
        getChildren().addAll(chip, toggle);
    }

    public CheckBox toggle() {
        return toggle;
    }

    /** Visible while the switch is on. */
    public Label chip() {
        return chip;
    }
}
