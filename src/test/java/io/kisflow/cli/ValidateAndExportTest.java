package io.kisflow.cli;

import io.kisflow.SharedMaterial;
import io.kisflow.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateAndExportTest {
    @Test
    void samplesValidateCleanly() {
        CliRunner r = CliRunner.run("validate", "--conf", "conf-samples");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("0 error(s), 0 warning(s)"), r.err());
    }

    @Test
    void functionsWithoutCodeAreWarnings() {
        CliRunner r = CliRunner.run("validate", "--conf", SharedMaterial.loadConf().toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("func-FuncName1.yml:"), r.out());
        assertTrue(r.out().contains("warning: function funcName1 (used by flow "), r.out());
        // ConnName1 is type redis: a built-in connector, so its Save function funcName2 needs no code (issue 11)
        assertTrue(!r.out().contains("ConnName1"), r.out());
        assertTrue(!r.out().contains("function funcName2 "), r.out());
        // AvgStuScore and PrintStuAvgScore have code in the built-in samples plugin
        assertTrue(!r.out().contains("function AvgStuScore "), r.out());
    }

    @Test
    void aConnectorTypeWithoutBuiltInClientOrCodeIsNamedBeforeTheRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("conn-Docs.yml"), "kistype: conn\ncname: Docs\naddrs: 127.0.0.1:27017\ntype: mongo\nkey: docs\n");
        Files.writeString(dir.resolve("func-SaveDocs.yml"), "kistype: func\nfname: SaveDocs\nfmode: Save\noption:\n  cname: Docs\n");
        Files.writeString(dir.resolve("flow-F.yml"), "kistype: flow\nstatus: 1\nflow_name: F\nflows:\n  - fname: SaveDocs\n");
        CliRunner r = CliRunner.run("validate", "--conf", dir.toString());
        assertTrue(r.out().contains("func-SaveDocs.yml:1: warning: connector Docs (bound by SaveDocs) has no code: its type 'mongo' has no built-in client,"
                + " no plugin registers it; set its type to a built-in one (file, h2, http, kafka, mariadb, mysql, postgres, redis, sqlite)"
                + " or add one with --plugin"), r.out());
        assertTrue(r.out().contains("warning: function SaveDocs (used by flow F) has no code"), r.out());
    }

    @Test
    void errorsArePrintedAsFileLineMessageAndExitOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("flow-a.yml"), "kistype: flow\nstatus: 1\nflow_name: a\nflows:\n  - fname: missing\n");
        Files.writeString(dir.resolve("bad.yml"), "kistype: func\nfname: [oops\n");
        CliRunner r = CliRunner.run("validate", "--conf", dir.toString());
        assertEquals(1, r.exit());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(dir.resolve("flow-a.yml") + ":5: ") && l.contains("missing")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(dir.resolve("bad.yml") + ":")), r.out());
        assertTrue(r.err().contains("2 error(s)") || r.err().contains(" error(s)"), r.err());
    }

    /** A big project's warnings reach stdout in a few writes, not one flush per line (System.out flushes at every println). */
    @Test
    void manyWarningsArePrintedWholeInAFewWrites(@TempDir Path dir) throws Exception {
        StringBuilder flow = new StringBuilder("kistype: flow\nstatus: 1\nflow_name: F\nflows:\n");
        for (int i = 0; i < 2000; i++) {
            Files.writeString(dir.resolve("func-F" + i + ".yml"), "kistype: func\nfname: F" + i + "\nfmode: Calculate\n");
            flow.append("  - fname: F").append(i).append('\n');
        }
        Files.writeString(dir.resolve("flow-F.yml"), flow);
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.incrementAndGet();
                super.write(b, off, len);
            }
        };
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8); // autoflush, as System.out
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = Cli.run(new String[]{"validate", "--conf", dir.toString(), "--no-samples"}, java.io.InputStream.nullInputStream(), out,
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString());
        List<String> lines = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(2000, lines.size(), lines.toString());
        for (int i = 0; i < 2000; i++) {
            String warning = "warning: function F" + i + " (used by flow F) has no code";
            assertEquals(1, lines.stream().filter(l -> l.contains(warning)).count(), warning);
        }
        assertTrue(err.toString().contains("0 error(s), 2000 warning(s)"), err.toString());
        assertTrue(writes.get() < 100, writes.get() + " writes for 2,000 lines (8 KB a write through the PrintStream's encoder)");
    }

    @Test
    void exportWritesGoLayoutThatLoadsBackEqual(@TempDir Path out) throws Exception {
        Path loadConf = SharedMaterial.loadConf();
        CliRunner r = CliRunner.run("export", "--conf", loadConf.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(out.resolve("flow-flowName1.yaml")));
        assertTrue(Files.exists(out.resolve("func-funcName2.yaml")));
        String conn = Files.readString(out.resolve("conn-ConnName1.yaml"));
        assertTrue(conn.contains("save:\n    - funcName2\n"), conn);
        assertEquals(ConfigLoader.load(loadConf).configs(), ConfigLoader.load(out).configs());
    }

    @Test
    void exportRefusesABrokenProject(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yml"), "kistype: nope\n");
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("export", "--conf", dir.toString(), "--out", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nothing was written"), r.err());
        assertTrue(!Files.exists(out));
    }
}
