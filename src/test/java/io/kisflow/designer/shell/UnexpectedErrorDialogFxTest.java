package io.kisflow.designer.shell;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unexpected-error dialog on screen: the words, the log's path, the details folded, and Copy details that keeps it open. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorDialogFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void copyDetailsPutsThemOnTheClipboardAndTheDialogStays(FxRobot robot) {
        UnexpectedErrors.Report report = new UnexpectedErrors.Report("Something went wrong inside KisFlow Studio (boom).",
                "There were no unsaved changes.", "java.lang.IllegalStateException: boom\n\tat x.Y.z(Y.java:1)\n",
                Path.of("/home/u/.kisflow-studio/logs/designer-0.log"));
        Alert[] dialog = new Alert[1];
        robot.interact(() -> {
            dialog[0] = UnexpectedErrorDialog.create(stage, report);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(report.summary(), robot.lookup("#unexpectedErrorSummary").queryAs(Label.class).getText());
        assertEquals("The details are also in the log: " + report.logFile(), robot.lookup("#unexpectedErrorLog").queryAs(Label.class).getText());
        assertFalse(dialog[0].getDialogPane().isExpanded(), "the details start folded");
        assertEquals(report.details(), ((TextArea) dialog[0].getDialogPane().getExpandableContent()).getText());

        robot.interact(() -> robot.lookup("#copyErrorDetails").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(report.summary() + "\n\n" + report.details(), copied[0]);
        assertTrue(dialog[0].isShowing(), "Copy details leaves the dialog open");
        assertEquals("Copied", robot.lookup("#copyErrorDetails").queryAs(Button.class).getText());
        robot.interact(() -> dialog[0].close());
    }
}
