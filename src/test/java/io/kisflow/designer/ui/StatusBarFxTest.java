package io.kisflow.designer.ui;

import io.kisflow.designer.status.StatusModel;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ControlsFX status bar shows long work reported on {@code vm.status} from another thread: what, how far, Cancel. */
class StatusBarFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws java.io.IOException {
        startDesigner(stage);
    }

    @Test
    void longWorkShowsItsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        org.controlsfx.control.StatusBar bar = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        ProgressBar progress = (ProgressBar) bar.lookup(".progress-bar");
        assertFalse(progress.isVisible(), "no work, no bar");
        assertFalse(robot.lookup("#statusCancel").queryAs(Button.class).isVisible());

        AtomicBoolean cancelled = new AtomicBoolean();
        StatusModel.Work[] work = new StatusModel.Work[1];
        Thread worker = new Thread(() -> {   // reported from a background thread, as long work is
            work[0] = vm.status.begin("Saving 120 files", () -> cancelled.set(true));
            work[0].progress(30, 120);
        });
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Saving 120 files", bar.getText());
        assertTrue(progress.isVisible());
        assertEquals(0.25, progress.getProgress(), 1e-9);
        robot.clickOn("#statusCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cancelled.get(), "Cancel reached the work");
        assertEquals("Saving 120 files (cancelling…)", bar.getText());

        work[0].close();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", bar.getText());
        assertFalse(progress.isVisible());
        assertFalse(robot.lookup("#statusCancel").queryAs(Button.class).isVisible());
        assertTrue(robot.lookup("#statusText").tryQuery().isPresent(), "the status line's message is still there");
    }
}
