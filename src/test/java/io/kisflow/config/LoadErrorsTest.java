package io.kisflow.config;

import static io.kisflow.config.ProjectFiles.assertError;
import static io.kisflow.config.ProjectFiles.func;
import static io.kisflow.config.ProjectFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of error: each asserts the file, the line and what the message tells the user. */
class LoadErrorsTest {
    @TempDir
    Path dir;

    private LoadResult load() {
        LoadResult r = ConfigLoader.load(dir);
        assertTrue(r.hasErrors(), "expected errors");
        return r;
    }

    @Test
    void yamlSyntaxErrorUsesSnakeYamlsPosition() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: a\nfmode: [Calculate\nsource: x\n");
        Problem p = assertError(load(), f, 4, "YAML syntax error");
        assertTrue(p.message().contains("column"), p.message());
    }

    @Test
    void aFunctionWithoutFnameOrAFlowWithoutFlowNameIsAnError() throws Exception {
        Path func = write(dir, "func.yml", "# no name\nkistype: func\nfmode: Verify\n");
        Path flow = write(dir, "flow.yml", "kistype: flow\nstatus: 1\nflow_name: \"\"\nflows:\n  - fname: x\n");
        LoadResult r = load();
        assertError(r, func, 2, "the function has no fname", "add fname: NAME");
        assertError(r, flow, 3, "the flow has no flow_name", "add flow_name: NAME");
    }

    @Test
    void tabIndentationIsExplained() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nsource:\n\tname: x\n");
        assertError(load(), f, 3, "tab character", "spaces");
    }

    @Test
    void fileThatIsNotAMapping() throws Exception {
        Path f = write(dir, "f.yml", "# a list\n- kistype: flow\n- kistype: func\n");
        assertError(load(), f, 2, "has to be a mapping of keys", "but it is a list");
    }

    @Test
    void fileThatIsASingleValue() throws Exception {
        Path f = write(dir, "f.yml", "just text\n");
        assertError(load(), f, 1, "has to be a mapping", "\"just text\"");
    }

    @Test
    void missingKistype() throws Exception {
        Path f = write(dir, "f.yml", "\nfname: a\nfmode: Calculate\n");
        assertError(load(), f, 2, "no kistype key", "kistype: flow, func, conn or global");
    }

    @Test
    void unknownKistype() throws Exception {
        Path f = write(dir, "f.yml", "fname: a\nkistype: function\n");
        assertError(load(), f, 2, "kistype \"function\" is not a kind of KisFlow file", "flow, func, conn or global");
    }

    @Test
    void kistypeInWrongCaseGetsAHint() throws Exception {
        Path f = write(dir, "f.yml", "kistype: Flow\n");
        assertError(load(), f, 1, "write it in lower case: kistype: flow");
    }

    @Test
    void statusThatIsNotANumber() throws Exception {
        Path f = write(dir, "f.yml", "kistype: flow\nflow_name: x\nstatus: yes\nflows: []\n");
        Problem p = assertError(load(), f, 3, "status has to be a whole number (1 = enabled, 0 = disabled), but it is \"yes\"");
        assertEquals("x", p.subject());
    }

    @Test
    void quotedNumberIsRefusedAsGoDoes() throws Exception {
        Path f = write(dir, "f.yml", "kistype: flow\nflow_name: x\nstatus: \"1\"\nflows: []\n");
        assertError(load(), f, 3, "status has to be a whole number", "quoted text \"1\"; remove the quotes");
    }

    @Test
    void mustThatIsNotAList() throws Exception {
        Path f = write(dir, "f.yml", func("a", "Calculate") + "source:\n  name: s\n  must: 3\n");
        assertError(load(), f, 6, "source.must has to be a list of field names", "but it is \"3\"");
    }

    @Test
    void retryTimesThatIsNotANumber() throws Exception {
        Path f = write(dir, "f.yml", func("a", "Calculate") + "option:\n  retry_times: x\n");
        assertError(load(), f, 5, "option.retry_times has to be a whole number", "but it is \"x\"");
    }

    @Test
    void numberOutOfRange() throws Exception {
        Path f = write(dir, "f.yml", func("a", "Calculate") + "option:\n  return_duration: 99999999999\n");
        assertError(load(), f, 5, "option.return_duration is 99999999999, which is out of range");
    }

    @Test
    void booleanThatIsNotTrueOrFalse() throws Exception {
        Path f = write(dir, "g.yml", "kistype: global\nprometheus_enable: maybe\n");
        assertError(load(), f, 2, "prometheus_enable has to be true or false, but it is \"maybe\"");
    }

    @Test
    void textFieldGivenAList() throws Exception {
        Path f = write(dir, "c.yml", "kistype: conn\ncname: c\ntype: redis\naddrs:\n  - a:1\n  - b:2\n");
        assertError(load(), f, 5, "addrs has to be text, but it is a list");
    }

    @Test
    void paramsThatAreNotAMappingOrHoldNestedValues() throws Exception {
        Path f = write(dir, "f.yml", "kistype: flow\nflow_name: x\nstatus: 1\nflows:\n  - fname: a\n    params: [a]\n"
                + "  - fname: a\n    params:\n      k: {deep: 1}\n");
        write(dir, "a.yml", func("a", "Calculate"));
        LoadResult r = load();
        assertError(r, f, 6, "flows[0].params has to be a mapping of names to values", "but it is a list");
        assertError(r, f, 9, "flows[1].params.k has to be a single value (text or a number), but it is a mapping");
    }

    @Test
    void flowStepThatIsNotAMapping() throws Exception {
        Path f = write(dir, "f.yml", "kistype: flow\nflow_name: x\nstatus: 1\nflows:\n  - a\n");
        assertError(load(), f, 5, "step 1 of flows has to be a mapping such as - fname: NAME, but it is \"a\"");
    }

    @Test
    void unknownFmodeListsTheFive() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: a\nfmode: Sav\n");
        Problem p = assertError(load(), f, 3, "function \"a\" has fmode \"Sav\"",
                "use one of Verify, Save, Load, Calculate, Expand", "did you mean \"Save\"?");
        assertEquals("a", p.subject());
    }

    @Test
    void aShortenedFmodeIsRecognised() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: a\nfmode: Calc\n");
        assertError(load(), f, 3, "function \"a\" has fmode \"Calc\"", "did you mean \"Calculate\"?");
        write(dir, "f.yml", "kistype: func\nfname: a\nfmode: exp\n");
        assertError(load(), f, 3, "has fmode \"exp\"", "did you mean \"Expand\"?");
    }

    @Test
    void missingFmode() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: a\n");
        assertError(load(), f, 1, "function \"a\" has no fmode", "Verify, Save, Load, Calculate, Expand");
    }

    @Test
    void duplicateNamesAcrossFilesNameBothFiles() throws Exception {
        Path first = write(dir, "a/one.yml", func("Same", "Calculate"));
        Path second = write(dir, "b/two.yml", "kistype: func\nfmode: Verify\nfname: Same\n");
        LoadResult r = load();
        Problem p = assertError(r, second, 3, "function \"Same\" is defined twice: here and in " + first + ":1",
                "rename or delete one");
        assertEquals("Same", p.subject());
        assertEquals("Calculate", r.configs().func("Same").fmode(), "the first one read is kept");
    }

    @Test
    void duplicateKeyInOneMapping() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: a\nfmode: Calculate\nfname: b\n");
        assertError(load(), f, 4, "the key fname appears twice in the file (lines 2 and 4); keep only one");
    }

    @Test
    void flowNamingAMissingFunction() throws Exception {
        write(dir, "func.yml", func("funcName1", "Calculate"));
        Path f = write(dir, "flow.yml", ProjectFiles.flow("F", "funcName1", "funcNme2"));
        write(dir, "func2.yml", func("funcName2", "Calculate"));
        Problem p = assertError(load(), f, 6, "flow \"F\" runs function \"funcNme2\", which has no config",
                "did you mean \"funcName2\"?");
        assertEquals("F", p.subject());
    }

    @Test
    void functionNamingAMissingConnector() throws Exception {
        Path f = write(dir, "f.yml", func("s", "Save") + "option:\n  cname: Conn1\n");
        assertError(load(), f, 5, "function \"s\" uses connector \"Conn1\", which has no config (no conn file has this cname)");
    }

    @Test
    void emptyFile() throws Exception {
        Path f = write(dir, "f.yml", "");
        assertError(load(), f, 1, "the file is empty");
    }

    @Test
    void fileWithOnlyComments() throws Exception {
        Path f = write(dir, "f.yml", "# nothing here\n# yet\n");
        assertError(load(), f, 1, "no content (only comments or blank lines)");
    }

    @Test
    void nonUtf8BytesAreReportedWithOffsetAndLine() throws Exception {
        Path f = dir.resolve("f.yml");
        byte[] head = "kistype: func\nfname: caf".getBytes();
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 'é'
        bytes[head.length + 1] = '\n';
        Files.write(f, bytes);
        assertError(load(), f, 2, "not valid UTF-8", "byte 24 (0xE9, column 11 of line 2)", "save the file as UTF-8");
    }

    @Test
    void controlCharacterIsReported() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: a\u0001b\n");
        assertError(load(), f, 2, "control character U+0001");
    }

    @Test
    void symlinkLoopIsReportedAndTheRestLoads() throws Exception {
        write(dir, "sub/f.yml", func("F", "Calculate"));
        Path link = dir.resolve("sub/back");
        Files.createSymbolicLink(link, dir);
        LoadResult r = load();
        assertError(r, link, 0, "symbolic link loop", "was not followed");
        assertNotNull(r.configs().func("F"));
        assertEquals(1, r.configs().funcs().size());
    }

    @Test
    void brokenSymlinkIsReported() throws Exception {
        Path link = dir.resolve("gone.yml");
        Files.createSymbolicLink(link, dir.resolve("missing.yml"));
        assertError(load(), link, 0, "symbolic link whose target does not exist");
    }

    @Test
    void unreadableFileIsReported() throws Exception {
        Path f = write(dir, "f.yml", func("a", "Calculate"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: permissions are not enforced");
        assertError(load(), f, 0, "cannot read the file: permission denied");
    }

    @Test
    void folderNamedLikeAConfigFile() throws Exception {
        Files.createDirectories(dir.resolve("odd.yml"));
        assertError(load(), dir.resolve("odd.yml"), 0, "folder whose name ends in .yml");
    }

    @Test
    void missingPath() {
        Path nowhere = dir.resolve("nope");
        LoadResult r = ConfigLoader.load(nowhere);
        assertError(r, nowhere, 0, "there is no such file or folder");
    }

    @Test
    void everyProblemOfAFolderIsReportedAtOnceSortedByFileAndLine() throws Exception {
        Path a = write(dir, "a.yml", "kistype: flow\nflow_name: x\nstatus: 1\nflows:\n  - fname: missing\n    params: 7\n");
        Path b = write(dir, "b.yml", "kistype: [\n");
        Path c = write(dir, "c.yml", "kistype: func\nfname: c\nfmode: Nope\noption: {retry_times: x}\n");
        Path d = write(dir, "d.yml", "");
        LoadResult r = load();
        assertError(r, a, 5, "runs function \"missing\", which has no config");
        assertError(r, a, 6, "flows[0].params has to be a mapping");
        assertError(r, b, 2, "YAML syntax error");
        assertError(r, c, 3, "fmode \"Nope\"");
        assertError(r, c, 4, "option.retry_times has to be a whole number");
        assertError(r, d, 1, "the file is empty");
        assertEquals(6, r.errors().size(), ProjectFiles.dump(r));
        assertEquals(r.problems().stream().sorted(java.util.Comparator.comparing((Problem p) -> p.file().toString())
                .thenComparingInt(Problem::line)).toList(), r.problems());
    }

    @Test
    void problemsPrintAsFileLineMessage() throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: a\nfmode: Sav\n");
        String line = load().errors().get(0).toString();
        assertTrue(line.startsWith(f + ":3: function \"a\" has fmode \"Sav\""), line);
        assertFalse(line.contains("Exception"), line);
    }
}
