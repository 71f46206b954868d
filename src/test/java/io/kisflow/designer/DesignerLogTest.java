package io.kisflow.designer;

import io.kisflow.designer.ui.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The designer's log file (issue 10, §3): in the state directory, rotating, with what was passed over quietly. */
class DesignerLogTest {
    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        DesignerLog.close();
    }

    @Test
    void whatWasPassedOverQuietlyIsInTheLogWithItsContext() throws Exception {
        Path log = DesignerLog.install(tmp.resolve("state"));
        assertEquals(tmp.resolve("state/logs/designer-0.log"), log);
        // the preferences cannot be written where a file stands in the state folder's place
        Path blocked = Files.writeString(tmp.resolve("blocked"), "a file, not a folder");
        Settings.saveTheme(blocked, Theme.DARK);
        String logged = Files.readString(log);
        assertTrue(logged.contains(" FINE [" + Thread.currentThread().getName() + "] io.kisflow.designer.Settings: could not write the preferences to "
                + blocked.resolve("designer.properties")), logged);
        assertTrue(logged.contains("java.nio.file.FileAlreadyExistsException"), logged);
    }

    @Test
    void theLogRotatesAtItsLimitKeepingFiveFiles() throws Exception {
        Path log = DesignerLog.install(tmp.resolve("state"));
        System.Logger logger = System.getLogger("io.kisflow.designer.DesignerLogTest");
        String line = "x".repeat(1000);
        for (int i = 0; i < 7 * 1100; i++) {
            logger.log(System.Logger.Level.INFO, line);
        }
        DesignerLog.close();
        try (var files = Files.list(log.getParent())) {
            assertEquals(5, files.filter(f -> f.getFileName().toString().matches("designer-\\d\\.log")).count());
        }
        assertTrue(Files.size(log) <= DesignerLog.LIMIT_BYTES + 2000, Files.size(log) + " bytes");
    }
}
