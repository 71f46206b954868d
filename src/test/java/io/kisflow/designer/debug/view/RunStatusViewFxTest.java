package io.kisflow.designer.debug.view;

import io.kisflow.config.GlobalConfig;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run panel's status column and the timings' metrics switch on a project whose global config
 * asks for Prometheus metrics, and the warning about a run thread Stop had to abandon.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class RunStatusViewFxTest {
    private RunViewsFixture fixture;
    private RunPanel panel;
    private TimingsView timings;
    private int port;

    @Start
    void start(Stage stage) {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var configs = RunViewsFixture.project().withGlobal(new GlobalConfig(true, true, "127.0.0.1:" + port, Map.of()));
        fixture = new RunViewsFixture(null, configs, DebugOptions.defaults().withStopGrace(Duration.ofMillis(200)));
        panel = new RunPanel(fixture.session, (o, i) -> java.util.Optional.empty());
        timings = new TimingsView(fixture.session);
        stage.setScene(new Scene(new VBox(panel, timings), 1000, 600));
        Theme.LIGHT.applyTo(stage.getScene());
        stage.show();
        panel.showFlow("Spin");
        timings.showFlow("Spin");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theMetricsEndpointIsShownOnceTheUserTurnsMetricsOn(FxRobot robot) {
        String url = "http://127.0.0.1:" + port + "/metrics";
        Label metrics = fx(() -> robot.lookup("#runMetrics").queryAs(Label.class));
        // the global config asks for metrics, but the designer serves nothing until asked
        assertFalse(fx(() -> shown(metrics)));
        assertTrue(fx(() -> robot.lookup("#timingsMetrics").queryAs(Label.class).getText()).startsWith("Metrics are off: no port is open."
                + " The global config turns metrics on for servers and has them listen at 127.0.0.1:" + port + "."));
        robot.clickOn("#metricsSwitch");
        assertTrue(fx(() -> shown(metrics)));
        assertEquals("Prometheus metrics: " + url, fx(metrics::getText));
        assertTrue(fx(() -> robot.lookup("#timingsMetrics").queryAs(Label.class).getText()).startsWith("Prometheus metrics of designer runs: " + url));
    }

    @Test
    void aThreadStopGaveUpOnIsWarnedAboutUntilItReturns(FxRobot robot) throws InterruptedException {
        Label warning = fx(() -> robot.lookup("#runAbandoned").queryAs(Label.class));
        assertFalse(fx(() -> shown(warning)));
        robot.clickOn("#runButton");
        assertTrue(fixture.functions.spinning.await(RunViewsFixture.LIMIT_SECONDS, TimeUnit.SECONDS));
        robot.clickOn("#stopButton");
        fixture.await(SessionState.STOPPED);
        RunViewsFixture.until("thread abandoned", () -> fixture.session.abandonedThreadsProperty().get() == 1);
        assertTrue(fx(() -> shown(warning)));
        assertTrue(fx(warning::getText).startsWith("1 run thread that Stop gave up on is still running"), fx(warning::getText));
        // the session is ready again: Run is enabled
        assertFalse(fx(() -> panel.controls().runButton().isDisabled()));

        fixture.functions.releaseSpinner.set(true);
        RunViewsFixture.until("thread returned", () -> fixture.session.abandonedThreadsProperty().get() == 0);
        assertFalse(fx(() -> shown(warning)));
    }
}
