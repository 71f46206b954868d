package io.kisflow.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.FolderExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --prune} killed with SIGKILL ({@code kill -9}) in a real child JVM while it switches
 * an output folder between two generated projects (1,000 functions each in the long run) (a README kept beside the configs): after
 * each kill, what a server loading the folder reads is entirely one version, or the folder is
 * missing while the complete new one waits beside it (the commands name that); after the recovery
 * the next export runs, the folder is entirely one version, the README is there, and no temporary
 * file or folder is left. Long run: {@code mvn -o test -Dtest=KillDuringExportTest -Dkisflow.kills=200 -Dkisflow.functions=1000}.
 */
class KillDuringExportTest {
    /** 300 functions in {@code mvn test}; {@code -Dkisflow.functions=1000} for the size the issue measured. */
    static final int FUNCTIONS = Integer.getInteger("kisflow.functions", 300);

    @TempDir
    Path tmp;

    @Test
    void anExportKilledAtRandomMomentsLeavesTheOldOrTheNewFolderNeverAMix() throws Exception {
        Path conf0 = tmp.resolve("conf0");
        Path conf1 = tmp.resolve("conf1");
        Path out = tmp.resolve("out");
        CrashProjects.write(CrashProjects.version(0, FUNCTIONS), conf0);
        CrashProjects.write(CrashProjects.version(1, FUNCTIONS), conf1);
        CrashProjects.write(CrashProjects.version(1, FUNCTIONS), out);
        Files.writeString(out.resolve("README.md"), "configs of the scoring servers\n");
        long seed = Long.getLong("kisflow.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> report = new ArrayList<>();
        for (int k = 0; k < KilledChild.kills(3); k++) {
            List<String> lines = KilledChild.runAndKill(ExportLoop.class, List.of(conf0.toString(), conf1.toString(), out.toString()),
                    random.nextInt(2), 2000, random, tmp.resolve("child.log"));
            String where = "kill " + (k + 1) + " (seed " + seed + "), child said " + lines;

            String seen;
            if (Files.isDirectory(out)) {
                int version = CrashProjects.which(ConfigLoader.load(out).configs(), FUNCTIONS);
                assertNotEquals(-1, version, "a server loading the folder reads a mix: " + where);
                seen = "version " + version;
            } else {
                assertTrue(FolderExport.interrupted(out).isPresent(), "the folder is gone and nothing says why: " + where);
                seen = "between the two renames";
            }
            FolderExport.recover(out);
            int version = CrashProjects.which(ConfigLoader.load(out).configs(), FUNCTIONS);
            assertNotEquals(-1, version, where);
            assertEquals("configs of the scoring servers\n", Files.readString(out.resolve("README.md")), where);
            try (Stream<Path> beside = Files.list(tmp)) {
                assertEquals(List.of("child.log", "conf0", "conf1", "out"),
                        beside.map(p -> p.getFileName().toString()).sorted().toList(), "left beside the folder: " + where);
            }
            assertEquals(List.of(), CrashProjects.leftovers(out), "left inside the folder: " + where);
            report.add(seen + " -> version " + version);
        }
        System.out.println("KillDuringExportTest: " + report + " (seed " + seed + ")");
    }
}
