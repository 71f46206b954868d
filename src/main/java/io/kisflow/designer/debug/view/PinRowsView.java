package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.input.PinEditor;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * Pinned output rows of one function: a "Pin output rows" check box and the rows (JSON values), with
 * their count, parse error, a loud badge while pinned, and the rule said plainly: pinned rows are for
 * designer runs only, win over any code the function has, and never reach the KisFlow YAML.
 *
 * <pre>{@code PinRowsView pins = new PinRowsView(session);
 * pins.showFunction(card.function());}</pre>
 */
public final class PinRowsView extends VBox {
    private final DebugSession session;
    private final CheckBox pinned = new CheckBox("Pin output rows");
    private final TextArea text = new TextArea();
    private final Label badge = new Label();
    private final Label code = RunViewParts.sentence("pinCode", "");
    private final Label count = new Label();
    private final Label error = new Label();
    private PinEditor editor;
    private Subscription subscriptions = Subscription.EMPTY;

    public PinRowsView(DebugSession session) {
        this.session = session;
        getStyleClass().add("pin-rows");
        setId("pinRows");
        setSpacing(6);
        Label rule = new Label("Designer runs only. Pinned rows stand in for the function's output while you design,"
                + " instead of its code and its connector: they are kept in .kisflow-studio.json and never written"
                + " into the KisFlow YAML nor exported, so a server always runs the real code.");
        rule.setId("pinRule");
        rule.setWrapText(true);
        rule.setMinHeight(Region.USE_PREF_SIZE);
        rule.getStyleClass().add("pin-rule");
        rule.setMaxWidth(Double.MAX_VALUE);
        pinned.setId("pinCheck");
        badge.setId("pinBadge");
        badge.getStyleClass().add("pin-badge");
        badge.setWrapText(true);
        badge.setMinHeight(Region.USE_PREF_SIZE);
        badge.setMaxWidth(Double.MAX_VALUE);
        RunViewParts.collapsible(badge);
        text.setId("pinText");
        text.getStyleClass().addAll("code", "pin-text");
        text.setPromptText("JSON values, one row each, e.g. {\"stu_id\": 101, \"avg_score\": 84}");
        text.setPrefRowCount(6);
        text.setWrapText(true);
        count.setId("pinRowCount");
        count.getStyleClass().add("input-count");
        error.setId("pinError");
        error.getStyleClass().add("run-error-text");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        RunViewParts.collapsible(error).visibleProperty().bind(error.textProperty().isNotEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, pinned, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(RunViewParts.sectionTitle("PINNED OUTPUT ROWS"), rule, code, bar, badge, text, error);
        RunViewParts.onChange(session.implementedFunctions(), this::showCode);
        showFunction(null);
    }

    /** Edits the pins of this function (made on first use, not pinned until the box is checked); null: none. */
    public void showFunction(String functionName) {
        subscriptions.unsubscribe();
        if (editor != null) {
            pinned.selectedProperty().unbindBidirectional(editor.pinnedProperty());
            text.textProperty().unbindBidirectional(editor.textProperty());
        }
        editor = functionName == null ? null : session.pins(functionName);
        setVisible(editor != null);
        setManaged(editor != null);
        if (editor == null) {
            subscriptions = Subscription.EMPTY;
            return;
        }
        pinned.selectedProperty().bindBidirectional(editor.pinnedProperty());
        text.textProperty().bindBidirectional(editor.textProperty());
        subscriptions = Subscription.combine(
                editor.rowCountProperty().subscribe(n -> count.setText(RunViewParts.rows(n.intValue()))),
                editor.errorProperty().subscribe(error::setText),
                editor.pinnedProperty().subscribe(on -> showCode()),
                editor.rowCountProperty().subscribe(n -> showCode()));
    }

    private boolean implemented() {
        return editor != null && session.implementedFunctions().contains(editor.functionName());
    }

    private void showCode() {
        if (editor == null) {
            return;
        }
        String f = editor.functionName();
        boolean plugin = implemented();
        // a built-in connector type does the work of a bound Save or Load function: no plugin is involved
        String builtIn = session.builtInDescription(f);
        code.setText(builtIn != null
                ? f + " has no code of its own: its connector stores or loads the rows (" + builtIn + "). Designer runs"
                        + " call the connector unless you pin rows, which then win over it until you unpin them."
                : plugin
                ? "A plugin implements " + f + ": its code runs in designer runs unless you pin rows, which then win"
                        + " over its code (and its connector) until you unpin them."
                : "No plugin implements " + f + " yet: unless you pin rows, designer runs pass its input on unchanged.");
        boolean on = editor.isPinned();
        badge.setVisible(on);
        if (on) {
            int n = editor.rowCountProperty().get();
            badge.setText("PINNED · " + RunViewParts.rows(n) + (n == 1 ? " replaces" : " replace") + " the output of "
                    + f + " in designer runs" + (builtIn != null ? ": its connector is not called" : plugin ? ": its code does not run" : ""));
        }
    }

    /** The function whose pins are shown, or null. */
    public String functionName() {
        return editor == null ? null : editor.functionName();
    }

    public CheckBox pinnedCheckBox() {
        return pinned;
    }

    public TextArea textArea() {
        return text;
    }

    /** The loud "PINNED" line, visible while the function is pinned. */
    public Label badge() {
        return badge;
    }
}
