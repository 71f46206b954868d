package io.kisflow.designer.shell;

import io.kisflow.designer.document.StatusMessage;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line at the bottom: what just happened (refusals in red), the selection's zoom, unsaved state. */
final class StatusBar extends HBox {
    StatusBar(DesignerViewModel vm) {
        getStyleClass().add("status-bar");
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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.SOMETIMES);
        getChildren().addAll(message, spacer, saved, zoom);
        setSpacing(16);
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
