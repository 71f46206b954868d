package io.kisflow.config;

import static io.kisflow.config.ProjectFiles.assertError;
import static io.kisflow.config.ProjectFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Loading never runs code, never blows up in memory or time, and says what it refused. */
class HostileFilesTest {
    @TempDir
    Path dir;

    @Test
    void globalTypeTagsNeverConstructJavaObjects() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/x.jar\"]]]]\n");
        LoadResult r = ConfigLoader.load(f);
        assertError(r, f, 2, "the type tag !!javax.script.ScriptEngineManager is not allowed", "plain values only");
        assertTrue(r.configs().funcs().isEmpty());
    }

    @Test
    void localTagsAreNotRead() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: a\nfmode: !Run Calculate\n");
        assertError(ConfigLoader.load(f), f, 3, "fmode has the tag !Run, which KisFlow does not read");
    }

    @Test
    @Timeout(10)
    void aliasBombIsRefused() throws Exception {
        StringBuilder y = new StringBuilder("kistype: flow\nflow_name: lol\nstatus: 1\nflows: []\n");
        y.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        Path f = write(dir, "f.yml", y.toString());
        LoadResult r = ConfigLoader.load(f);
        assertError(r, f, 8, "too many aliases", "alias bomb"); // line 8 holds the 21st alias
        assertTrue(r.configs().flows().isEmpty());
    }

    @Test
    @Timeout(10)
    void expansionBudgetStopsBombsThatStayUnderTheAliasLimit() throws Exception {
        // 20 aliases (the limit) doubling a 1,000-item list ten times: a million values
        StringBuilder y = new StringBuilder("kistype: global\nx0: &x0 [");
        for (int i = 0; i < 1000; i++) {
            y.append(i == 0 ? "" : ",").append("v");
        }
        y.append("]\n");
        for (int i = 1; i <= 10; i++) {
            y.append("x").append(i).append(": &x").append(i).append(" [*x").append(i - 1).append(", *x").append(i - 1).append("]\n");
        }
        Path f = write(dir, "f.yml", y.toString());
        LoadResult r = ConfigLoader.load(f);
        assertError(r, f, 9, "expands to more than 200000 values", "alias bomb"); // x7, on line 9, is where the budget runs out
        assertTrue(r.configs().global() == null);
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "[".repeat(100) + "]".repeat(100);
        Path f = write(dir, "f.yml", "kistype: global\n\nx: " + deep + "\n");
        assertError(ConfigLoader.load(f), f, 3, "nested more than 32 levels deep");
    }

    @Test
    void selfReferencingAliasIsRefused() throws Exception {
        Path f = write(dir, "f.yml", "kistype: global\nloop: &l [a, *l]\n");
        LoadResult r = ConfigLoader.load(f);
        assertTrue(r.hasErrors(), ProjectFiles.dump(r));
        ProjectFiles.assertError(r, f, 2, "the alias *l is used inside the list or map it names; a value cannot contain itself");
    }

    @Test
    void oversizedFileIsRefusedUnread() throws Exception {
        Path f = dir.resolve("big.yml");
        byte[] bytes = new byte[LoadLimits.MAX_FILE_BYTES + 10];
        java.util.Arrays.fill(bytes, (byte) '#');
        Files.write(f, bytes);
        assertError(ConfigLoader.load(f), f, 0, "the file is 1048586 bytes (1.0 MiB), over the limit of 1048576 bytes (1.0 MiB)");
    }

    @Test
    void binaryGarbageIsReportedNotThrown() throws Exception {
        Path f = dir.resolve("bin.yml");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(f, bytes);
        LoadResult r = ConfigLoader.load(f);
        assertEquals(1, r.errors().size(), ProjectFiles.dump(r));
        assertTrue(r.errors().get(0).message().contains("not valid UTF-8"), ProjectFiles.dump(r));
    }

    @Test
    void utf16WithByteOrderMarkIsReadAsGoDoes() throws Exception {
        Path f = dir.resolve("f.yml");
        Files.write(f, ("\uFEFF" + ProjectFiles.func("Wide", "Calculate")).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        LoadResult r = ConfigLoader.load(f);
        ProjectFiles.assertNoProblems(r);
        assertEquals("Calculate", r.configs().func("Wide").fmode());
    }

    @Test
    @Timeout(10)
    void namedPipeIsSkippedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("pipe.yml");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo is not available");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        write(dir, "ok.yml", ProjectFiles.func("F", "Calculate"));
        LoadResult r = ConfigLoader.load(dir);
        assertError(r, fifo, 0, "not a regular file");
        assertEquals(1, r.configs().funcs().size());
    }

    @Test
    void mergeKeyLoopIsRefused() throws Exception {
        Path f = write(dir, "f.yml", "kistype: global\na: &a\n  <<: *a\n  x: 1\n");
        LoadResult r = ConfigLoader.load(f);
        assertTrue(r.hasErrors(), ProjectFiles.dump(r));
    }
}
