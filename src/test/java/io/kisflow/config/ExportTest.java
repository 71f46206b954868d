package io.kisflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export writes Go's layout, byte for byte as yaml.v3 would, atomically and only inside the folder. */
class ExportTest {
    @TempDir
    Path out;

    private static final FuncConfig FUNC2 = new FuncConfig("funcName2", "Save",
            new Source("UserOrderErrorRate", List.of("order_id", "user_id")),
            new FuncOption("ConnName1", 0, 0, Map.of(), Map.of()), Map.of());

    @Test
    void functionMatchesGoExportByteForByte() {
        assertEquals("""
                kistype: func
                fname: funcName2
                fmode: Save
                source:
                    name: UserOrderErrorRate
                    must:
                        - order_id
                        - user_id
                option:
                    cname: ConnName1
                    retry_times: 0
                    return_duration: 0
                    default_params: {}
                """, ConfigExporter.renderFunc(FUNC2));
    }

    @Test
    void flowHasEveryFieldAndGoIndentation() {
        FlowConfig flow = new FlowConfig(1, "flowName1", List.of(
                new FlowStep("funcName1", Map.of("myKey2", "v2", "myKey1", "v1")), FlowStep.of("funcName2")), Map.of());
        assertEquals("""
                kistype: flow
                status: 1
                flow_name: flowName1
                flows:
                    - fname: funcName1
                      params:
                        myKey1: v1
                        myKey2: v2
                    - fname: funcName2
                      params: {}
                """, ConfigExporter.renderFlow(flow));
        assertEquals("kistype: flow\nstatus: 0\nflow_name: \"\"\nflows: []\n",
                ConfigExporter.renderFlow(new FlowConfig(0, "", List.of(), Map.of())));
    }

    @Test
    void connectorListsComeFromTheBindingsExactAndSorted() {
        ConnConfig conn = new ConnConfig("C", "127.0.0.1:6379", "redis", "k_", Map.of("b", "2", "a", "1"),
                List.of("Stale"), List.of("X", "X", "X"), Map.of());
        ConfigSet set = ConfigSet.EMPTY.withConn(conn)
                .withFunc(FuncConfig.of("Zsave", "Save").withOption(FuncOption.EMPTY.withCname("C")))
                .withFunc(FuncConfig.of("Asave", "Save").withOption(FuncOption.EMPTY.withCname("C")))
                .withFunc(FuncConfig.of("Load1", "Load").withOption(FuncOption.EMPTY.withCname("C")))
                .withFunc(FuncConfig.of("Calc", "Calculate").withOption(FuncOption.EMPTY.withCname("C")));
        assertEquals("""
                kistype: conn
                cname: C
                addrs: 127.0.0.1:6379
                type: redis
                key: k_
                params:
                    a: "1"
                    b: "2"
                load:
                    - Load1
                save:
                    - Asave
                    - Zsave
                """, ConfigExporter.renderConn(conn, set));
        assertTrue(ConfigExporter.renderConn(conn, null).endsWith("load:\n    - Stale\nsave:\n    - X\n"));
    }

    @Test
    void globalIsExportedToKisFlowYaml() {
        ConfigSet set = ConfigSet.EMPTY.withGlobal(new GlobalConfig(true, false, "0.0.0.0:20004", Map.of()));
        assertEquals(Map.of("kis-flow.yaml", """
                kistype: global
                prometheus_enable: true
                prometheus_listen: false
                prometheus_serve: 0.0.0.0:20004
                """), ConfigExporter.render(set));
    }

    @Test
    void goTestProjectExportsToGoFileNames() throws Exception {
        ConfigSet set = ConfigLoader.load(io.kisflow.SharedMaterial.loadConf()).configs();
        List<Path> written = ConfigExporter.export(set, out);
        assertEquals(18, written.size());
        assertEquals(written.stream().map(p -> p.getFileName().toString()).sorted().toList(), files(out));
        assertTrue(files(out).containsAll(List.of("flow-flowName1.yaml", "func-funcName2.yaml", "conn-ConnName1.yaml", "kis-flow.yaml")));
        assertEquals(ConfigExporter.render(set).get("func-funcName2.yaml"), Files.readString(out.resolve("func-funcName2.yaml")));
    }

    @Test
    void exportIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        Files.writeString(out.resolve("func-funcName2.yaml"), "old content");
        Files.writeString(out.resolve("mine.txt"), "not ours");
        Files.setPosixFilePermissions(out.resolve("func-funcName2.yaml"), PosixFilePermissions.fromString("rw-rw----"));
        ConfigSet set = ConfigSet.EMPTY.withFunc(FUNC2).withFunc(FuncConfig.of("other", "Verify"));
        ConfigExporter.export(set, out);
        assertEquals(List.of("func-funcName2.yaml", "func-other.yaml", "mine.txt"), files(out));
        assertEquals(ConfigExporter.renderFunc(FUNC2), Files.readString(out.resolve("func-funcName2.yaml")));
        assertEquals("not ours", Files.readString(out.resolve("mine.txt")));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("func-funcName2.yaml"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("func-other.yaml"))));
    }

    @Test
    void exportCreatesTheFolder() throws Exception {
        Path target = out.resolve("a/b");
        ConfigExporter.export(ConfigSet.EMPTY.withFunc(FUNC2), target);
        assertEquals(List.of("func-funcName2.yaml"), files(target));
    }

    @Test
    void unsafeNamesAreRefusedBeforeAnythingIsWritten() {
        Path target = out.resolve("export");
        for (String bad : List.of("../escape", "a/b", "a\\b", "..", "x\0y", "line\nbreak", "n".repeat(250))) {
            ConfigSet set = ConfigSet.EMPTY.withFunc(FUNC2).withFlow(FlowConfig.of(bad, FlowStep.of("funcName2")));
            ExportException e = assertThrows(ExportException.class, () -> ConfigExporter.export(set, target), bad);
            assertTrue(e.getMessage().startsWith("cannot export flow \""), e.getMessage());
            assertTrue(e.getMessage().endsWith("; rename it"), e.getMessage());
            assertFalse(Files.exists(target), "nothing written for " + bad);
        }
        ExportException e = assertThrows(ExportException.class,
                () -> ConfigExporter.export(ConfigSet.EMPTY.withConn(ConnConfig.of("../../etc/x", "redis", "", "")), target));
        assertEquals("cannot export connector \"../../etc/x\": it contains a slash, which would put the file in another folder; rename it",
                e.getMessage());
        assertFalse(Files.exists(out.resolveSibling("etc")));
    }

    @Test
    void exportIntoAFileIsRefused() throws Exception {
        Path file = Files.writeString(out.resolve("plain.txt"), "x");
        ExportException e = assertThrows(ExportException.class, () -> ConfigExporter.export(ConfigSet.EMPTY.withFunc(FUNC2), file));
        assertTrue(e.getMessage().contains("it is a file, not a folder"), e.getMessage());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aFolderInTheWayIsReportedAndNothingIsLost() throws Exception {
        Files.createDirectories(out.resolve("func-funcName2.yaml/inner"));
        ExportException e = assertThrows(ExportException.class, () -> ConfigExporter.export(ConfigSet.EMPTY.withFunc(FUNC2), out));
        assertTrue(e.getMessage().contains("a folder of that name is in the way"), e.getMessage());
        assertTrue(Files.isDirectory(out.resolve("func-funcName2.yaml/inner")));
        assertEquals(List.of("func-funcName2.yaml"), files(out));
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
