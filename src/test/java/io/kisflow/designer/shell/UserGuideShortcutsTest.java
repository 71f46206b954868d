package io.kisflow.designer.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The user guide's shortcut table lists every key of every action, as the help dialog shows it. */
class UserGuideShortcutsTest {
    @Test
    void everyShortcutIsInTheUserGuide(@TempDir Path state) throws Exception {
        String guide = Files.readString(Path.of("docs/USER-GUIDE.md"));
        List<String> missing = new ArrayList<>();
        for (DesignerAction a : ActionCatalog.build(new DesignerViewModel(state), NO_WINDOW)) {
            if (a.key() != null && !guide.contains("| " + a.keyText() + " | " + a.label().replace("\u2026", "") + " |")) {
                missing.add("| " + a.keyText() + " | " + a.label().replace("\u2026", "") + " |");
            }
        }
        assertEquals(List.of(), missing, "rows missing from the shortcut table of docs/USER-GUIDE.md");
    }

    private static final ActionCatalog.Window NO_WINDOW = new ActionCatalog.Window() {
        public FileCommands files() {
            return null;
        }

        public void showHelp() {
        }

        public void showAbout() {
        }

        public void focusFind() {
        }

        public void findNext() {
        }

        public void focusPaletteSearch() {
        }

        public void insertFunctionDialog() {
        }

        public void bindConnectorDialog() {
        }

        public void quit() {
        }

        public void showTab(String id) {
        }

        public void saveRunAsTest() {
        }
    };
}
