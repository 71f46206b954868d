package io.kisflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.ConfigLoader;
import io.kisflow.config.FolderExport;
import io.kisflow.config.UnfinishedSave;
import io.kisflow.reliability.CrashProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} checks everything first, then replaces the output folder as a whole (issue 9, items 5-7). */
class ExportAllOrNothingTest {
    @TempDir
    Path tmp;
    Path conf;
    Path out;

    @BeforeEach
    void source() throws IOException {
        conf = tmp.resolve("conf");
        ConfigExporter.export(CrashProjects.version(0, 18), conf); // 18 functions, 2 flows + Old, 1 connector: 22 files
        out = tmp.resolve("out");
    }

    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private CliRunner export(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--conf", conf.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aFolderNamedLikeAnOutputFileStopsTheExportBeforeAnyFileIsWritten() throws IOException {
        Files.createDirectories(out.resolve("func-F15.yaml"));
        CliRunner r = export();
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("cannot write " + out.resolve("func-F15.yaml") + ": a folder of that name is in the way"), r.err());
        assertTrue(r.err().contains("nothing was written"), r.err());
        assertEquals(List.of("func-F15.yaml"), tree(out), "not one file written");
        assertEquals(List.of("conf", "out"), tree(tmp).stream().filter(p -> !p.contains("/")).toList(), "nothing beside it either");
    }

    @Test
    void theOutputIsReplacedAsAWholeKeepingOtherFilesAndLeavingNoTemporaries() throws IOException {
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(out.resolve("README.md"), "deployed configs\n");
        Files.writeString(out.resolve(".flow-Old.yaml.4242.tmp"), "left by a killed export of an earlier version");
        Files.writeString(out.resolve("flow-Old.yaml"), "kistype: flow\nstatus: 1\nflow_name: Old\nflows: []\n");
        CliRunner r = export();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("wrote 22 file(s) to " + out), r.out());
        assertEquals(ConfigLoader.load(conf).configs(), ConfigLoader.load(out).configs());
        assertEquals("deployed configs\n", Files.readString(out.resolve("README.md")));
        assertEquals("ref: refs/heads/main\n", Files.readString(out.resolve(".git/HEAD")));
        assertFalse(Files.exists(out.resolve(".flow-Old.yaml.4242.tmp")), "debris of old exports is not carried over");
        assertEquals(List.of("conf", "out"), tree(tmp).stream().filter(p -> !p.contains("/")).toList(), "no staging folder left");
        assertEquals("", r.err());
    }

    @Test
    void exportIntoTheSourceOrAroundItIsRefused() throws IOException {
        List<String> before = tree(tmp);
        for (Path target : List.of(conf, conf.resolve("exported"), conf.resolve("a/../."), tmp)) {
            out = target;
            CliRunner r = export();
            assertEquals(1, r.exit(), target + ": " + r.out());
            assertTrue(r.err().contains("cannot export " + conf + " to "), r.err());
            assertTrue(r.err().contains("Choose a folder outside " + conf + " (nothing was written)"), r.err());
            assertEquals(before, tree(tmp), "nothing written for " + target);
        }
        out = conf;
        assertTrue(export().err().contains("it is the source folder itself"));
        out = conf.resolve("exported");
        assertTrue(export().err().contains("it lies inside the source folder"));
        out = tmp;
        assertTrue(export().err().contains("lies inside it, so loading"));
    }

    @Test
    void filesOfObjectsThatAreGoneAreShownAndRemovedOnlyWithPrune() throws IOException {
        assertEquals(0, export().exit());
        conf = tmp.resolve("conf1");
        ConfigExporter.export(CrashProjects.version(1, 18), conf); // flow Old deleted, New added, connector renamed

        CliRunner refused = export();
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains(out + " holds 2 config file(s) that this export does not write"), refused.err());
        assertTrue(refused.err().contains(out.resolve("flow-Old.yaml") + " (flow Old, not in the source)"), refused.err());
        assertTrue(refused.err().contains(out.resolve("conn-Store.yaml") + " (connector Store, not in the source)"), refused.err());
        assertTrue(refused.err().contains("Run again with --prune"), refused.err());
        assertEquals(0, CrashProjects.which(ConfigLoader.load(out).configs(), 18), "the folder is untouched");

        CliRunner pruned = export("--prune");
        assertEquals(0, pruned.exit(), pruned.err());
        assertTrue(pruned.out().contains("removed " + out.resolve("flow-Old.yaml")), pruned.out());
        assertTrue(pruned.out().contains("removed 2"), pruned.out());
        assertEquals(ConfigLoader.load(conf).configs(), ConfigLoader.load(out).configs(), "loads exactly as the source");
    }

    @Test
    void anExportInterruptedBetweenItsTwoRenamesIsNamedByTheCommandsAndFinishedByTheNextExport() throws IOException {
        assertEquals(0, export().exit());
        // the state a kill between "old folder aside" and "new folder in place" leaves
        Files.move(out, out.resolveSibling(".out.kisflow-export-new"));
        Files.createDirectories(out.resolveSibling(".out.kisflow-export-old"));
        CliRunner v = CliRunner.run("validate", "--conf", out.toString());
        assertEquals(1, v.exit());
        assertTrue(v.err().contains(out + " is missing because an export into it was interrupted"), v.err());
        assertTrue(v.err().contains("Run the same export again to finish it"), v.err());

        assertTrue(FolderExport.recover(out).orElseThrow().contains("was finished"));
        assertEquals(ConfigLoader.load(conf).configs(), ConfigLoader.load(out).configs());
        assertEquals(List.of("conf", "out"), tree(tmp).stream().filter(p -> !p.contains("/")).toList());
    }

    @Test
    void commandsRefuseAFolderWithAnUnfinishedDesignerSave() throws IOException {
        Files.writeString(conf.resolve(UnfinishedSave.JOURNAL), "{}");
        for (String[] cmd : List.of(new String[] {"validate", "--conf", conf.toString()},
                new String[] {"run", "--conf", conf.toString(), "--flow", "Old"},
                new String[] {"export", "--conf", conf.toString(), "--out", out.toString()})) {
            CliRunner r = CliRunner.run(cmd);
            assertEquals(1, r.exit(), cmd[0]);
            assertTrue(r.err().contains(conf + " holds an unfinished save of KisFlow Studio"), cmd[0] + ": " + r.err());
            assertTrue(r.err().contains("open " + conf + ") to finish or undo that save"), r.err());
        }
        assertFalse(Files.exists(out));
    }
}
