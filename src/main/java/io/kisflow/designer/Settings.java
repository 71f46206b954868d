package io.kisflow.designer;

import io.kisflow.designer.ui.Theme;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The user's designer preferences ({@code designer.properties} in the state directory): the theme. */
record Settings(Theme theme) {
    private static final String FILE = "designer.properties";

    static Settings load(Path stateDir) {
        Properties p = new Properties();
        Path file = stateDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // unreadable preferences are not worth an error: the defaults apply
            }
        }
        return new Settings("dark".equals(p.getProperty("theme")) ? Theme.DARK : Theme.LIGHT);
    }

    static void saveTheme(Path stateDir, Theme theme) {
        Properties p = new Properties();
        p.setProperty("theme", theme == Theme.DARK ? "dark" : "light");
        try {
            Files.createDirectories(stateDir);
            try (Writer w = Files.newBufferedWriter(stateDir.resolve(FILE))) {
                p.store(w, "KisFlow Studio designer preferences");
            }
        } catch (IOException e) {
            // the theme still applies for this session; it is only not remembered
        }
    }
}
