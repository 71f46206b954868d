package io.kisflow.designer.shell;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dialog of an {@link UnexpectedErrors.Report}: the error in words, whether unsaved work was
 * kept, where the log is, the details folded away (stack trace, versions) and "Copy details", which
 * puts them on the clipboard for a bug report without closing the dialog.
 *
 * <pre>{@code UnexpectedErrorDialog.create(stage, report).showAndWait();}</pre>
 */
public final class UnexpectedErrorDialog {
    public static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

    private UnexpectedErrorDialog() {
    }

    public static Alert create(Window owner, UnexpectedErrors.Report report) {
        Alert a = new Alert(Alert.AlertType.ERROR, "", COPY, ButtonType.OK);
        if (owner != null && owner.isShowing()) {
            a.initOwner(owner);
        }
        a.setTitle("KisFlow Studio: unexpected error");
        a.setHeaderText("Something went wrong");
        a.getDialogPane().setId("unexpectedErrorDialog");
        Label summary = new Label(report.summary());
        summary.setId("unexpectedErrorSummary");
        summary.setWrapText(true);
        Label recovery = new Label(report.recovery());
        recovery.setWrapText(true);
        Label log = new Label(report.logFile() == null ? "No log file could be written; the details below are all there is."
                : "The details are also in the log: " + report.logFile());
        log.setId("unexpectedErrorLog");
        log.setWrapText(true);
        VBox content = new VBox(8, summary, recovery, log);
        content.setPrefWidth(520);
        a.getDialogPane().setContent(content);
        TextArea details = new TextArea(report.details());
        details.setId("unexpectedErrorDetails");
        details.setEditable(false);
        details.setPrefRowCount(14);
        a.getDialogPane().setExpandableContent(details);
        a.getDialogPane().setExpanded(false);
        Button copy = (Button) a.getDialogPane().lookupButton(COPY);
        copy.setId("copyErrorDetails");
        copy.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(report.summary() + "\n\n" + report.details());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
            e.consume(); // the dialog stays open
        });
        return a;
    }
}
