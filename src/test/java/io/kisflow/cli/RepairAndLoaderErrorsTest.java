package io.kisflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line on files the loader refuses: Go's kistype: "" exports (and their repair), nameless objects, oversized exports. */
class RepairAndLoaderErrorsTest {
    /** Go's export of a flow built in code, with a comment a user added since. */
    static final String GO_FLOW = "kistype: \"\"\nstatus: 1\nflow_name: Built\n# steps in order\nflows:\n    - fname: A\n      params: {}\n";
    static final String GO_FUNC = "kistype: ''\r\nfname: A\r\nfmode: Calculate\r\n";
    static final String GO_CONN = "cname: C  # a connector\nkistype:   # empty\ntype: redis\n";

    @Test
    void validateNamesTheKindTheFileNameSaysAndTheRepairThenRepairWritesOnlyKistype(@TempDir Path dir) throws Exception {
        Path flow = write(dir, "flow-Built.yaml", GO_FLOW);
        Path func = write(dir, "sub/func-A.yaml", GO_FUNC);
        Path conn = write(dir, "conn-C.yml", GO_CONN);
        Path other = write(dir, "other.yaml", "kistype: \"\"\nfname: B\n");

        CliRunner v = CliRunner.run("validate", "--conf", dir.toString());
        assertEquals(1, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains(flow + ":1: kistype is empty, as Go's export writes it for configs built in code; "
                + "the file name says this is a flow. Repair: java -jar kisflow-studio.jar repair --conf DIR writes kistype: flow"), v.out());
        assertTrue(v.out().contains(func + ":1: kistype is empty") && v.out().contains("says this is a func."), v.out());
        assertTrue(v.out().contains(conn + ":2: kistype is empty") && v.out().contains("says this is a conn."), v.out());
        assertTrue(v.out().contains(other + ":1: kistype \"\" is not a kind of KisFlow file"), v.out());
        byte[] before = Files.readAllBytes(other);

        CliRunner r = CliRunner.run("repair", "--conf", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(conn + ":2: wrote kistype: conn\n" + flow + ":1: wrote kistype: flow\n" + func + ":1: wrote kistype: func\n",
                r.out().replace("\r", ""));
        assertTrue(r.err().contains("repaired 3 file(s)"), r.err());
        assertEquals(GO_FLOW.replace("kistype: \"\"", "kistype: flow"), Files.readString(flow));
        assertEquals(GO_FUNC.replace("kistype: ''", "kistype: func"), Files.readString(func), "CRLF line ends stay");
        assertEquals(GO_CONN.replace("kistype:   # empty", "kistype: conn   # empty"), Files.readString(conn));
        assertArrayEquals(before, Files.readAllBytes(other), "a file whose name says nothing is left alone");

        CliRunner after = CliRunner.run("validate", "--conf", dir.toString());
        assertTrue(!after.out().contains("kistype is empty"), after.out());
        assertTrue(after.out().contains("other.yaml:1:"), "the file without a telling name still needs a hand");
        CliRunner again = CliRunner.run("repair", "--conf", dir.toString());
        assertEquals(0, again.exit());
        assertTrue(again.err().contains("nothing to repair"), again.err());
    }

    @Test
    void aFunctionWithoutFnameFailsValidateWithFileAndLine(@TempDir Path dir) throws Exception {
        Path f = write(dir, "f.yml", "kistype: func\nfname: \"\"\nfmode: Calculate\n");
        Path g = write(dir, "g.yml", "kistype: flow\nstatus: 1\nflows: []\n");
        CliRunner v = CliRunner.run("validate", "--conf", dir.toString());
        assertEquals(1, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains(f + ":2: the function has no fname"), v.out());
        assertTrue(v.out().contains(g + ":1: the flow has no flow_name"), v.out());
    }

    @Test
    void aFileWhoseExportWouldPassTheLimitFailsValidateWithTheReason(@TempDir Path dir) throws Exception {
        StringBuilder y = new StringBuilder("kistype: func\nfname: Big\nfmode: Calculate\nx: [");
        for (int i = 0; i < 150_000; i++) {
            y.append(i == 0 ? "" : ",").append('1');
        }
        Path f = write(dir, "func-Big.yml", y.append("]\n").toString());
        CliRunner v = CliRunner.run("validate", "--conf", dir.toString());
        assertEquals(1, v.exit());
        assertTrue(v.out().contains(f + ":1: written out in Go's layout"), v.out());
        assertTrue(v.out().contains("would be over the limit of 1048576 bytes"), v.out());
        CliRunner e = CliRunner.run("export", "--conf", dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, e.exit(), "nothing that could not be read back is exported");
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
