package io.kisflow.designer;

import io.kisflow.designer.ui.Theme;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The user's designer preferences ({@code designer.properties} in the state directory): the theme,
 * and the window's place and size ({@link WindowPlacement}). Each writer keeps the others' keys.
 */
record Settings(Theme theme) {
    private static final String FILE = "designer.properties";

    static Settings load(Path stateDir) {
        Properties p = properties(stateDir);
        return new Settings("dark".equals(p.getProperty("theme")) ? Theme.DARK : Theme.LIGHT);
    }

    /** The stored preferences; none when the file is missing or unreadable (the defaults apply). */
    static Properties properties(Path stateDir) {
        Properties p = new Properties();
        Path file = stateDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties(); // unreadable preferences are not worth an error
            }
        }
        return p;
    }

    static void saveTheme(Path stateDir, Theme theme) {
        update(stateDir, java.util.Map.of("theme", theme == Theme.DARK ? "dark" : "light"));
    }

    /** Sets these keys and keeps the others. */
    static void update(Path stateDir, java.util.Map<String, String> values) {
        Properties p = properties(stateDir);
        values.forEach(p::setProperty);
        try {
            Files.createDirectories(stateDir);
            try (Writer w = Files.newBufferedWriter(stateDir.resolve(FILE))) {
                p.store(w, "KisFlow Studio designer preferences");
            }
        } catch (IOException e) {
            // the preference still applies for this session; it is only not remembered
            System.getLogger(Settings.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not write the preferences to " + stateDir.resolve(FILE), e);
        }
    }
}
