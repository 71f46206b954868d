package io.kisflow.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.UnfinishedSave;
import io.kisflow.designer.project.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designer's Save killed with SIGKILL ({@code kill -9}) in a real child JVM while it renames a
 * connector bound by a generated project's functions (1,000 in the long run: 1,000 files changed, one deleted, one created, the sidecar
 * written): after each kill the folder is either already whole, or holds the save journal and is
 * refused by the command line; opening it makes it entirely the old or entirely the new version,
 * with no temporary file left. The next child opens the folder first, so recovery itself is killed
 * too. Long run: {@code mvn -o test -Dtest=KillDuringSaveTest -Dkisflow.kills=200 -Dkisflow.functions=1000}.
 */
class KillDuringSaveTest {
    /** 300 functions in {@code mvn test}; {@code -Dkisflow.functions=1000} for the size the issue measured. */
    static final int FUNCTIONS = Integer.getInteger("kisflow.functions", 300);

    @TempDir
    Path tmp;

    @Test
    void aSaveKilledAtRandomMomentsIsAlwaysEntirelyOldOrEntirelyNewAfterReopening() throws Exception {
        Path dir = tmp.resolve("project");
        CrashProjects.write(CrashProjects.version(0, FUNCTIONS), dir);
        long seed = Long.getLong("kisflow.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> report = new ArrayList<>();
        int midSave = 0;
        for (int k = 0; k < KilledChild.kills(3); k++) {
            List<String> lines = KilledChild.runAndKill(SaveLoop.class, List.of(dir.toString(), String.valueOf(FUNCTIONS)),
                    random.nextInt(2), 3000, random, tmp.resolve("child.log"));
            String where = "kill " + (k + 1) + " (seed " + seed + "), child said " + lines;
            assertTrue(lines.stream().noneMatch(l -> l.equals("mixed")), where);

            boolean journal = Files.exists(dir.resolve(UnfinishedSave.JOURNAL));
            if (journal) {
                midSave++;
                assertTrue(UnfinishedSave.in(dir).isPresent(), "the command line refuses the folder: " + where);
            } else {
                assertNotEquals(-1, CrashProjects.which(ConfigLoader.load(dir).configs(), FUNCTIONS),
                        "without a journal the folder is whole even before it is opened: " + where);
            }
            ProjectFiles reopened = ProjectFiles.open(dir);
            int version = CrashProjects.which(reopened.configs(), FUNCTIONS);
            assertNotEquals(-1, version, "mixed after reopening: " + where);
            assertEquals(version + 1.0, reopened.layout().zoom(), "the sidecar is of the same version: " + where);
            assertEquals(List.of(), CrashProjects.leftovers(dir), "left behind after reopening: " + where);
            report.add((journal ? "mid-save" : "between saves") + " -> version " + version);
        }
        System.out.println("KillDuringSaveTest: " + report + " (" + midSave + " kills inside a save; seed " + seed + ")");
    }
}
