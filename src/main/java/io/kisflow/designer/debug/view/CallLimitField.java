package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CallLimit;
import io.kisflow.designer.debug.DebugSession;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The run panel's "Call limit": how many function calls one run may make before it ends as a
 * JumpFunc loop, kept in the project's sidecar (an undoable edit, like input rows). Like a name, the
 * typed number reaches the project on Enter or when the focus leaves; a value that is not a limit is
 * refused with the reason beside the field and the project keeps its limit; Escape restores it; an
 * empty field goes back to the default.
 *
 * <pre>{@code header.getChildren().add(new CallLimitField(session));}</pre>
 */
public final class CallLimitField extends HBox {
    private final DebugSession session;
    private final TextField field = new TextField();
    private final Label problem = new Label();

    public CallLimitField(DebugSession session) {
        this.session = session;
        setId("callLimit");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        Label label = new Label(CallLimit.LABEL);
        label.getStyleClass().add("run-field-label");
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        field.setId("callLimitField");
        field.setPrefColumnCount(7);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.setPromptText(CallLimit.text(CallLimit.DEFAULT));
        field.setTooltip(new Tooltip("Function calls one run may make before it ends as a JumpFunc loop (default "
                + CallLimit.text(CallLimit.DEFAULT) + "; empty for the default). Kept with the project."));
        problem.setId("callLimitProblem");
        problem.getStyleClass().add("run-error-text");
        // it shrinks (ending in "…", whole on hover) rather than widen the header past the panel
        problem.setWrapText(false);
        problem.setMinWidth(0);
        problem.setMaxWidth(320);
        problem.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        RunViewParts.collapsible(problem).setVisible(false);
        field.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commit();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !shown().equals(field.getText())) {
                show();
                e.consume();
            }
        });
        field.textProperty().addListener((o, a, b) -> refuse(""));
        session.callLimitProperty().addListener((o, a, b) -> show());
        show();
        getChildren().addAll(label, field, problem);
    }

    /** Applies the typed limit to the project (Enter, focus leaving); false when refused. */
    public boolean commit() {
        String typed = field.getText();
        Integer limit;
        if (typed == null || typed.isBlank()) {
            limit = null;
        } else {
            try {
                limit = CallLimit.parse(typed);
            } catch (IllegalArgumentException e) {
                refuse(e.getMessage());
                return false;
            }
        }
        session.setCallLimit(limit);
        show();
        return true;
    }

    private String shown() {
        Integer limit = session.callLimitProperty().get();
        return limit == null ? "" : CallLimit.text(limit);
    }

    private void show() {
        field.setText(shown());
        refuse("");
    }

    private void refuse(String message) {
        problem.setText(message);
        problem.setTooltip(message.isEmpty() ? null : new Tooltip(message));
        problem.setVisible(!message.isEmpty());
        field.getStyleClass().remove("invalid");
        if (!message.isEmpty()) {
            field.getStyleClass().add("invalid");
        }
    }

    /** The text field, for tests and focus. */
    public TextField field() {
        return field;
    }

    /** Why the typed value was refused, or "". */
    public String problem() {
        return problem.getText();
    }
}
