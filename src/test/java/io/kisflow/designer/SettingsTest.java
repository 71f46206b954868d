package io.kisflow.designer;

import io.kisflow.designer.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsTest {
    @Test
    void theThemeIsRememberedAndUnreadableFilesFallBackToLight(@TempDir Path state) throws Exception {
        assertEquals(Theme.LIGHT, Settings.load(state).theme());
        Settings.saveTheme(state, Theme.DARK);
        assertEquals(Theme.DARK, Settings.load(state).theme());
        Files.writeString(state.resolve("designer.properties"), "theme=\\u12");
        assertEquals(Theme.LIGHT, Settings.load(state).theme());
    }
}
