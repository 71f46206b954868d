package io.kisflow.designer.shell;

import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.status.StatusModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * The line at the bottom, a ControlsFX status bar: what just happened (refusals in red) at the left;
 * long work in progress ({@link StatusModel}: what, a progress bar, Cancel while it can be cancelled)
 * in the middle; unsaved state and the zoom at the right.
 */
final class StatusBar extends org.controlsfx.control.StatusBar {
    StatusBar(DesignerViewModel vm) {
        getStyleClass().add("designer-status-bar");
        setId("statusBar");
        Label message = new Label();
        message.setId("statusText");
        message.setMinWidth(0);
        vm.document.statusProperty().addListener((o, a, s) -> show(message, s));
        show(message, vm.document.status());
        Label zoom = new Label();
        zoom.setId("zoomText");
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(vm.canvas.viewport().zoom() * 100) + "%", vm.canvas.viewportProperty()));
        Label saved = new Label();
        saved.setId("savedText");
        saved.textProperty().bind(Bindings.when(vm.document.dirtyProperty()).then("Unsaved changes").otherwise("All changes saved"));
        StatusModel work = vm.status;
        // the status bar's own text and progress bar show the long work (the bar is hidden at 0)
        textProperty().bind(work.messageProperty());
        progressProperty().bind(work.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("statusCancel");
        cancel.getStyleClass().add("small-button");
        cancel.visibleProperty().bind(work.cancellableProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> work.cancel());
        getLeftItems().add(message);
        getRightItems().addAll(cancel, saved, zoom);
    }

    private static void show(Label label, StatusMessage s) {
        label.setText(s.text());
        label.getStyleClass().removeAll("status-refused", "status-error");
        if (s.kind() == StatusMessage.Kind.REFUSED) {
            label.getStyleClass().add("status-refused");
        } else if (s.kind() == StatusMessage.Kind.ERROR) {
            label.getStyleClass().add("status-error");
        }
    }
}
