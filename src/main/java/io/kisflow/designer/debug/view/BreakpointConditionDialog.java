package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.BreakCondition;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks for the condition of a conditional breakpoint ("score > 90 and name contains \"Li\""). A
 * malformed condition keeps the dialog open with the parser's message and the caret at its column;
 * blank means a plain breakpoint.
 *
 * <pre>{@code BreakpointConditionDialog.ask(stage, "#2 Score", "").ifPresent(debugger::setBreakpointCondition);}</pre>
 */
public final class BreakpointConditionDialog {
    private BreakpointConditionDialog() {
    }

    /** The condition typed (checked to parse; "" for a plain breakpoint), or empty when cancelled. */
    public static Optional<String> ask(Window owner, String card, String current) {
        Dialog<String> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Breakpoint condition");
        d.setHeaderText("Pause before " + card + " when a row of its input matches");
        TextField field = new TextField(current == null ? "" : current);
        field.setId("breakpointCondition");
        field.setPromptText("score >= 90 and (name contains \"Li\" or class == 3)");
        field.setPrefColumnCount(40);
        Label help = new Label("Compare fields with == != < <= > >= contains; join with and, or, not and parentheses;"
                + " quote text. Leave empty for a breakpoint without a condition.");
        help.setWrapText(true);
        Label error = new Label();
        error.setId("breakpointConditionError");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        d.getDialogPane().setContent(new VBox(6, field, help, error));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = problem(field.getText());
            if (problem != null) {
                e.consume();   // stays open: the user fixes the condition where the message says
                error.setText(problem);
                try {
                    BreakCondition.parse(field.getText());
                } catch (BreakCondition.Invalid bad) {
                    field.positionCaret(Math.min(field.getText().length(), Math.max(0, bad.column() - 1)));
                }
                field.requestFocus();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK ? field.getText().strip() : null);
        javafx.application.Platform.runLater(field::requestFocus);
        return d.showAndWait();
    }

    /** What is wrong with the condition, or null when it parses (or is blank). */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BreakCondition.parse(text);
            return null;
        } catch (BreakCondition.Invalid e) {
            return e.getMessage();
        }
    }
}
