package io.kisflow.designer.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Switching the theme changes the colours of the controls without touching the scene's style sheets
 * (replacing them made JavaFX restyle the whole window from scratch: a 3-second switch during which
 * clicks were lost), and switching back restores them.
 */
@Tag("window")
class ThemeSwitchFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws IOException {
        startDesigner(stage);
    }

    @Test
    void theSwitchRecoloursTheWindowWithTheSameStyleSheets(FxRobot robot) throws Exception {
        List<String> sheets = WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.scene().getStylesheets())).get();
        double lightText = brightness(robot.lookup("#statusText").queryAs(Label.class));
        double lightButton = WaitForAsyncUtils.asyncFx(() -> buttonBrightness(robot)).get();

        WaitForAsyncUtils.asyncFx(() -> vm.themeProperty().set(Theme.DARK)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(sheets, WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.scene().getStylesheets())).get());
        double darkText = brightness(robot.lookup("#statusText").queryAs(Label.class));
        double darkButton = WaitForAsyncUtils.asyncFx(() -> buttonBrightness(robot)).get();
        assertTrue(darkText > lightText + 0.3, "dark theme: light text, " + lightText + " -> " + darkText);
        assertTrue(darkButton < lightButton - 0.3, "dark theme: dark buttons, " + lightButton + " -> " + darkButton);
        shot(window.scene().getRoot(), "theme-dark-switched.png");

        WaitForAsyncUtils.asyncFx(() -> vm.themeProperty().set(Theme.LIGHT)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lightText, brightness(robot.lookup("#statusText").queryAs(Label.class)), 0.01);
        assertEquals(lightButton, WaitForAsyncUtils.asyncFx(() -> buttonBrightness(robot)).get(), 0.01);
    }

    private static double brightness(Label label) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Color) label.getTextFill()).getBrightness()).get();
    }

    /** The top background colour of the palette's "+ Flow" button. */
    private static double buttonBrightness(FxRobot robot) {
        Button b = robot.lookup("#newFlowButton").queryAs(Button.class);
        var fills = b.getBackground().getFills();
        var fill = fills.get(fills.size() - 1).getFill();
        if (fill instanceof Color c) {
            return c.getBrightness();
        }
        if (fill instanceof javafx.scene.paint.LinearGradient g) {
            return g.getStops().get(0).getColor().getBrightness();
        }
        throw new AssertionError("unexpected button fill " + fill);
    }
}
