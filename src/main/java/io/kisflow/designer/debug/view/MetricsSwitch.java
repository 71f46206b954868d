package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The Timings tab's metrics line: a switch that turns on Go's Prometheus metrics for designer runs,
 * served on 127.0.0.1 only, and a sentence saying where they are served and what the project's
 * global config asks of servers (the designer shows that setting and keeps it in the file, but never
 * opens a port because of it).
 *
 * <pre>{@code box.getChildren().add(new MetricsSwitch(session));}</pre>
 */
final class MetricsSwitch extends VBox {
    MetricsSwitch(DebugSession session) {
        super(2);
        CheckBox serve = new CheckBox("Serve Prometheus metrics of designer runs on 127.0.0.1");
        serve.setId("metricsSwitch");
        serve.selectedProperty().bindBidirectional(session.metricsServedProperty());
        Label text = new Label();
        text.setId("timingsMetrics");
        text.getStyleClass().add("run-sentence");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> sentence(session),
                session.metricsEndpointProperty(), session.metricsServedProperty()));
        getChildren().addAll(serve, text);
    }

    private static String sentence(DebugSession session) {
        String file = session.configuredMetrics();
        String endpoint = session.metricsEndpointProperty().get();
        String now = !endpoint.isEmpty() ? "Prometheus metrics of designer runs: " + endpoint
                : session.metricsServedProperty().get() ? "Metrics are on; they are served from the next run."
                : "Metrics are off: no port is open.";
        return file.isEmpty() ? now : now + " " + file + " The designer does not act on it (the command line does, as Go does).";
    }
}
