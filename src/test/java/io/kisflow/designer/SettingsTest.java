package io.kisflow.designer;

import io.kisflow.designer.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    @Test
    void theThemeIsRememberedAndUnreadableFilesFallBackToLight(@TempDir Path state) throws Exception {
        assertEquals(Theme.LIGHT, Settings.load(state).theme());
        Settings.saveTheme(state, Theme.DARK);
        assertEquals(Theme.DARK, Settings.load(state).theme());
        Files.writeString(state.resolve("designer.properties"), "theme=\\u12");
        assertEquals(Theme.LIGHT, Settings.load(state).theme());
    }

    @Test
    void theWindowPlacementIsRememberedBesideTheTheme(@TempDir Path state) {
        assertTrue(WindowPlacement.load(state).isEmpty(), "nothing saved yet: the default size applies");
        new WindowPlacement(100, 50, 1200, 700, false).save(state);
        Settings.saveTheme(state, Theme.DARK);
        assertEquals(java.util.Optional.of(new WindowPlacement(100, 50, 1200, 700, false)), WindowPlacement.load(state),
                "saving the theme keeps the window's place");
        assertEquals(Theme.DARK, Settings.load(state).theme(), "and saving the place keeps the theme");
    }

    @Test
    void aPlacementIsKeptOnAScreen() {
        Rectangle2D left = new Rectangle2D(0, 0, 1600, 1000);
        Rectangle2D right = new Rectangle2D(1600, 0, 1920, 1080);
        assertEquals(new WindowPlacement(1700, 40, 1200, 700, false),
                new WindowPlacement(1700, 40, 1200, 700, false).clampedTo(List.of(left, right)), "on the second screen it stays");
        assertEquals(new WindowPlacement(400, 300, 1200, 700, false),
                new WindowPlacement(5000, 3000, 1200, 700, false).clampedTo(List.of(left)), "off every screen: moved onto one");
        assertEquals(new WindowPlacement(0, 0, 1600, 1000, true),
                new WindowPlacement(-20, -10, 2600, 1500, true).clampedTo(List.of(left)), "larger than the screen: shrunk to it");
        assertEquals(new WindowPlacement(10, 10, WindowPlacement.MIN_WIDTH, WindowPlacement.MIN_HEIGHT, false),
                new WindowPlacement(10, 10, 50, 20, false).clampedTo(List.of(left)), "a tiny window comes back usable");
    }
}
