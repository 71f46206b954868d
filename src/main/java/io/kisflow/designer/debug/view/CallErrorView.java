package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.ErrorInfo;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The error of a call: its message in the error colour, and the stack trace behind a "Show stack
 * trace" expander (selectable, with a Copy button). An engine verdict, such as a JumpFunc loop, has
 * no trace: a sentence says so.
 *
 * <pre>{@code CallErrorView error = new CallErrorView();  error.show(call.error());}</pre>
 */
final class CallErrorView extends VBox {
    private final Label message = new Label();
    private final TextArea trace = new TextArea();
    private final TitledPane expander;
    private final Label noTrace = RunViewParts.sentence("callNoTrace",
            "No stack trace: this is the engine's own verdict, not an exception of the function's code.");

    CallErrorView() {
        getStyleClass().add("call-error");
        setSpacing(4);
        message.setId("callErrorMessage");
        message.getStyleClass().addAll("run-error-text", "call-error-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        trace.setId("callStackTrace");
        trace.setEditable(false);
        trace.setWrapText(false);
        trace.getStyleClass().addAll("code", "call-trace");
        trace.setPrefRowCount(14);
        Button copy = new Button("Copy stack trace");
        copy.setId("callCopyTrace");
        copy.getStyleClass().add("small-button");
        copy.setTooltip(new Tooltip("Copy the message and the whole stack trace"));
        copy.setOnAction(e -> RunViewParts.copy(trace.getText()));
        Button window = new Button("Open in a window");
        window.setId("callTraceWindow");
        window.getStyleClass().add("small-button");
        window.setTooltip(new Tooltip("Read the whole stack trace in a larger window"));
        window.setOnAction(e -> openWindow());
        expander = new TitledPane("Show stack trace", new VBox(4, trace, new HBox(4, copy, window)));
        expander.setId("callTraceExpander");
        expander.setExpanded(false);
        expander.setAnimated(false);
        expander.textProperty().bind(expander.expandedProperty().map(open -> open ? "Hide stack trace" : "Show stack trace"));
        RunViewParts.collapsible(expander);
        RunViewParts.collapsible(noTrace);
        getChildren().addAll(RunViewParts.sectionTitle("ERROR"), message, expander, noTrace);
    }

    /** Shows the error; null hides the view. */
    void show(ErrorInfo error) {
        setVisible(error != null);
        if (error == null) {
            return;
        }
        message.setText(error.message());
        trace.setText(error.details());
        boolean hasTrace = !error.details().isEmpty();
        expander.setVisible(hasTrace);
        noTrace.setVisible(!hasTrace);
        if (!hasTrace) {
            expander.setExpanded(false);
        }
    }

    /** The stack trace in a window of its own, wide enough to read (the side panel is narrow). */
    Stage openWindow() {
        TextArea big = new TextArea(trace.getText());
        big.setId("callStackTraceWindowText");
        big.setEditable(false);
        big.getStyleClass().addAll("code", "call-trace");
        Label title = new Label(message.getText());
        title.setWrapText(true);
        title.getStyleClass().addAll("run-error-text", "call-error-message");
        VBox.setVgrow(big, Priority.ALWAYS);
        VBox root = new VBox(8, title, big);
        root.setPadding(new Insets(10));
        root.getStyleClass().add("call-trace-window");
        Scene scene = new Scene(root, 860, 520);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        Stage stage = new Stage();
        stage.setTitle("Stack trace: " + message.getText());
        if (getScene() != null && getScene().getWindow() != null) {
            stage.initOwner(getScene().getWindow());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    TitledPane expander() {
        return expander;
    }
}
