package io.kisflow.designer.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * A small window showing a {@link LongWork}: what is being done, a progress bar and Cancel. It
 * appears only when the work is still running after {@link #DELAY} (quick work shows nothing) and
 * closes itself when the work ends. Until the designer's status bar shows long work, this is where
 * it is seen.
 *
 * <pre>{@code LongWorkDialog.showWhileRunning(stage, work);}</pre>
 */
public final class LongWorkDialog {
    static final Duration DELAY = Duration.millis(400);

    private LongWorkDialog() {
    }

    /** Shows the work's progress after {@link #DELAY} if it is still running; call on the UI thread. */
    public static void showWhileRunning(Window owner, LongWork<?> work) {
        PauseTransition wait = new PauseTransition(DELAY);
        wait.setOnFinished(e -> {
            if (work.runningProperty().get()) {
                Stage stage = create(owner, work);
                stage.show();
            }
        });
        wait.play();
    }

    static Stage create(Window owner, LongWork<?> work) {
        Label message = new Label();
        message.setId("longWorkMessage");
        message.textProperty().bind(work.messageProperty());
        message.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("longWorkProgress");
        bar.progressProperty().bind(work.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Button cancel = new Button("Cancel");
        cancel.setId("longWorkCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            work.cancel();
            cancel.setDisable(true);
            cancel.setText("Cancelling...");
        });
        HBox row = new HBox(8, bar, cancel);
        HBox.setHgrow(bar, Priority.ALWAYS);
        VBox root = new VBox(10, message, row);
        root.setPadding(new Insets(14));
        root.setPrefWidth(420);
        root.getStyleClass().add("long-work");
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.setTitle(work.title());
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null) {
                // the window's theme and styles
                root.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(new Scene(root));
        stage.setOnCloseRequest(e -> work.cancel());
        work.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                stage.close();
            }
        });
        if (!work.runningProperty().get()) {
            stage.close();
        }
        return stage;
    }
}
