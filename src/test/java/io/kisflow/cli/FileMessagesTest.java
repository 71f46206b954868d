package io.kisflow.cli;

import io.kisflow.engine.PluginCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file problem of the command line says what went wrong and what to do, never just the path twice. */
class FileMessagesTest {
    private static CliRunner stuScore(String... more) {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[]{"run", "--conf", "conf-samples", "--flow", "StuScore"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return CliRunner.run(args);
    }

    private static void oneLine(CliRunner r) {
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingInputSaysNoSuchFileAndWhereRelativePathsStart() {
        CliRunner r = stuScore("--input", "in/one.jsonl");
        oneLine(r);
        assertTrue(r.err().contains("--input in/one.jsonl: no such file or directory; check the path (relative paths start at "), r.err());
    }

    @Test
    void aFolderGivenAsInputIsNamedAsSuch(@TempDir Path tmp) {
        CliRunner r = stuScore("--input", tmp.toString());
        oneLine(r);
        assertTrue(r.err().contains("is a folder, not a file"), r.err());
    }

    @Test
    void anEndlessLineStopsAtTheLimitNamingTheLine() {
        CliRunner zero = stuScore("--input", "/dev/zero");
        oneLine(zero);
        assertTrue(zero.err().contains("/dev/zero:1: line longer than 16 MiB; reading stopped there"), zero.err());
        CliRunner zeroJson = stuScore("--json", "--input", "/dev/zero");
        oneLine(zeroJson);
        assertTrue(zeroJson.err().contains("/dev/zero:1: not a JSON value"), zeroJson.err());
        String longString = "{\"stu_id\":1}\n\"" + "a".repeat(InputRows.MAX_LINE_BYTES) + "\"\n";
        CliRunner json = CliRunner.runWithStdin(longString, "run", "--conf", "conf-samples", "--flow", "StuScore", "--json", "--input", "-");
        oneLine(json);
        assertTrue(json.err().contains("standard input:2: line longer than 16 MiB"), json.err());
    }

    @Test
    void jsonRowsAreOnePerLine() {
        CliRunner two = CliRunner.runWithStdin("{\"stu_id\":1}\n{\"stu_id\":2} {\"stu_id\":3}\n", "run", "--conf", "conf-samples",
                "--flow", "StuScore", "--json", "--input", "-");
        oneLine(two);
        assertTrue(two.err().contains("standard input:2: more than one JSON value on this line"), two.err());
        CliRunner spread = CliRunner.runWithStdin("\n{\"stu_id\":\n 1}\n", "run", "--conf", "conf-samples",
                "--flow", "StuScore", "--json", "--input", "-");
        oneLine(spread);
        assertTrue(spread.err().contains("standard input:2: this JSON value goes on to line 3; put each row on one line"), spread.err());
    }

    @Test
    void textThatIsNotUtf8IsNamedWithItsLine(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in.txt");
        Files.write(in, new byte[]{'a', '\n', 'b', '\n', (byte) 0xC3, '(', '\n'});
        CliRunner r = CliRunner.run("run", "--conf", "conf-samples", "--flow", "LogReport", "--input", in.toString());
        oneLine(r);
        assertTrue(r.err().contains(in + ":3: not UTF-8 text; save the input as UTF-8"), r.err());
    }

    @Test
    void aJarThatIsNoZipSaysSo(@TempDir Path tmp) throws Exception {
        Path jar = Files.writeString(tmp.resolve("plugin.jar"), "not a zip at all");
        CliRunner r = stuScore("--plugin", jar.toString());
        oneLine(r);
        assertTrue(r.err().contains("plugin " + jar + " is not a jar file (not a zip archive"), r.err());
        assertFalse(r.err().contains("contains no KisPlugin"), r.err());
    }

    @Test
    void aRealJarStillLoads(@TempDir Path tmp) throws Exception {
        Path classes = PluginCompiler.classFolder(tmp.resolve("classes"), "p.Plug", """
                package p;
                public class Plug implements io.kisflow.engine.KisPlugin {
                    public void register(io.kisflow.engine.Pool pool) { pool.faas("VerifyStu", flow -> flow.commitRow("jar")); }
                }
                """);
        Path jar = PluginCompiler.jar(classes, tmp.resolve("p.jar"));
        CliRunner r = CliRunner.runWithStdin("{\"stu_id\":1}\n", "run", "--conf", "conf-samples", "--flow", "StuScore",
                "--input", "-", "--plugin", jar.toString(), "--json");
        assertEquals(1, r.exit(), "AvgStuScore cannot read the string row the jar's VerifyStu commits: " + r.err());
        assertTrue(r.err().contains("AvgStuScore"), r.err());
    }

    @Test
    void exportIntoAPathUnderAFileSaysWhy(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Path out = file.resolve("out");
        CliRunner r = CliRunner.run("export", "--conf", "conf-samples", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: could not write to " + out + ": "), r.err());
        assertFalse(r.err().contains(out + ": " + out), "the reason, not the path again: " + r.err());
        assertTrue(r.err().contains("not a directory") || r.err().contains("already exists"), r.err());
    }

    @Test
    void aTraceThatCannotBeWrittenSaysWhy(@TempDir Path tmp) {
        CliRunner r = stuScore("--json", "--input", "conf-samples/student-score/input.jsonl", "--trace", tmp.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("could not write the trace to " + tmp + ": "), r.err());
        assertFalse(r.err().contains(tmp + ": " + tmp), r.err());
    }
}
