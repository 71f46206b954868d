package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CardState;
import io.kisflow.designer.debug.CardStatus;
import io.kisflow.designer.debug.CodeSource;
import io.kisflow.designer.debug.DryRunEffect;
import io.kisflow.designer.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The top of the Call tab: the card's function, its place in the flow and mode, and chips for where
 * its code comes from (plugin, pass-through, pinned rows), what a dry run does to it, its status and
 * the stale mark.
 *
 * <pre>{@code CallHeader header = new CallHeader();  header.show(card);}</pre>
 */
final class CallHeader extends VBox {
    private final StackPane icon = new StackPane();
    private final Label function = new Label();
    private final Label where = new Label();
    private final Label source = RunViewParts.chip("callCodeSource", "run-chip-subtle");
    private final Label status = RunViewParts.chip("callStatus", "run-chip-subtle");
    private final Label stale = RunViewParts.chip("callStale", "run-chip-warning");
    private final Label dryRun = RunViewParts.chip("callDryRun", "run-chip-dry");
    private Subscription subscriptions = Subscription.EMPTY;

    CallHeader() {
        getStyleClass().add("call-header");
        setSpacing(4);
        function.setId("callFunction");
        function.getStyleClass().add("call-function");
        where.setId("callWhere");
        where.getStyleClass().add("run-sentence");
        icon.setMinSize(18, 18);
        icon.setPrefSize(18, 18);
        icon.setMaxSize(18, 18);
        HBox name = new HBox(6, icon, function);
        name.setAlignment(Pos.CENTER_LEFT);
        stale.setText("Stale");
        stale.setTooltip(new Tooltip("Edited since this run: run again to refresh these results"));
        RunViewParts.collapsible(stale);
        RunViewParts.collapsible(dryRun);
        FlowPane chips = new FlowPane(4, 4, source, dryRun, status, stale);
        getChildren().addAll(name, where, chips);
    }

    void show(CardState card) {
        subscriptions.unsubscribe();
        function.setText(card.function());
        where.setText("#" + (card.position() + 1) + " of flow " + card.key().flowName()
                + (card.mode().isEmpty() ? "" : " · " + card.mode()));
        icon.getChildren().setAll(Icons.node(Icons.forMode(card.mode()), 16, "icon-" + Icons.forMode(card.mode())));
        subscriptions = Subscription.combine(
                card.codeSourceProperty().subscribe(s -> showSource(s, card.builtInProperty().get())),
                card.statusProperty().subscribe(this::showStatus),
                card.dryRunEffectProperty().subscribe(this::showDryRun),
                card.staleProperty().subscribe(stale::setVisible));
    }

    private void showSource(CodeSource s, String builtIn) {
        restyle(source, switch (s) {
            case PLUGIN -> "run-chip-accent";
            case PASS_THROUGH -> "run-chip-subtle";
            case PINNED -> "run-chip-pinned";
            case BUILT_IN -> "run-chip-subtle";
            case UNCOMPILED -> "run-chip-error";
        });
        source.setText(switch (s) {
            case PLUGIN -> "Plugin code";
            case PASS_THROUGH -> "No code: passes rows on";
            case PINNED -> "PINNED ROWS";
            case BUILT_IN -> builtIn == null ? "built-in" : builtIn;
            case UNCOMPILED -> "Code does not compile: passes rows on";
        });
        source.setTooltip(new Tooltip(switch (s) {
            case PLUGIN -> "A plugin (or the built-in samples) implements this function: its code runs";
            case PASS_THROUGH -> "No plugin implements this function: designer runs pass its input on unchanged";
            case PINNED -> "Designer runs commit the pinned rows below instead of running its code or calling its connector;"
                    + " never used on a server";
            case BUILT_IN -> "No code of its own: its connector's built-in client stores or loads the rows (see docs/CONNECTORS.md)";
            case UNCOMPILED -> "Its source file does not compile (see the Code tab): designer runs pass its input on unchanged until it does";
        }));
    }

    private void showDryRun(DryRunEffect e) {
        dryRun.setVisible(e != DryRunEffect.NONE);
        restyle(dryRun, e == DryRunEffect.NEEDS_PIN ? "run-chip-error" : "run-chip-dry");
        dryRun.setText(e == DryRunEffect.NEEDS_PIN ? "DRY RUN: pin its rows" : "DRY RUN: calls recorded");
        dryRun.setTooltip(new Tooltip(e == DryRunEffect.NEEDS_PIN
                ? "A dry run opens no connector, so this Load function has nothing to read: pin its rows below, or turn dry run off"
                : "A dry run records this function's connector calls (listed under the call) instead of performing them"));
    }

    private void showStatus(CardStatus s) {
        status.setText(switch (s) {
            case NOT_RUN -> "Not run";
            case CURRENT -> "Current";
            case DONE -> "Done";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        });
        restyle(status, switch (s) {
            case NOT_RUN, STOPPED -> "run-chip-subtle";
            case CURRENT -> "run-chip-warning";
            case DONE -> "run-chip-accent";
            case FAILED -> "run-chip-error";
        });
    }

    private static void restyle(Label chip, String styleClass) {
        chip.getStyleClass().removeAll("run-chip-subtle", "run-chip-accent", "run-chip-warning", "run-chip-error", "run-chip-pinned",
                "run-chip-dry");
        chip.getStyleClass().add(styleClass);
    }
}
