package io.kisflow.designer.debug.view;

import io.kisflow.designer.ui.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static io.kisflow.designer.debug.view.RunViewsFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Run tab at the width it has in the default window (about 820 px): with the dry-run chip shown
 * the header needed more than that, the panel was laid out wider than its tab, and the switch, the
 * chip and the run's status were cut off at the right. Everything stays inside the tab.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class RunHeaderFitsFxTest {
    private static final double WIDTH = 820;
    private RunViewsFixture fixture;
    private RunPanel panel;

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
        panel = new RunPanel(fixture.session, (owner, initial) -> Optional.empty());
        Scene scene = new Scene(new StackPane(panel), WIDTH, 300);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.setWidth(WIDTH);   // the test stage is shared: a scene's own size does not resize it
        stage.setHeight(340);
        stage.show();
        panel.showFlow("SaveScores");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void withDryRunOnTheHeaderAndTheStatusStayInsideTheTab(FxRobot robot) {
        fxRun(() -> fixture.session.dryRunProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        double width = fx(() -> panel.getScene().getWidth());
        assertTrue(width <= WIDTH, "the test's tab is no wider than the default window's: " + width);
        assertTrue(fx(() -> panel.getWidth()) <= width + 0.5, "the panel is as wide as its tab: " + fx(() -> panel.getWidth()));
        for (String id : new String[] {"#dryRunChip", "#dryRunSwitch", "#runFlowName"}) {
            Node n = robot.lookup(id).query();
            Bounds b = fx(() -> n.localToScene(n.getBoundsInLocal()));
            assertTrue(fx(n::isVisible) && b.getMaxX() <= width + 0.5, id + " inside the tab: " + b);
        }
    }
}
