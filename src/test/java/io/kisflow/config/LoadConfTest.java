package io.kisflow.config;

import static io.kisflow.config.ProjectFiles.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files Go accepts load here without complaint: Go's own test project and Go's own export. */
class LoadConfTest {
    @Test
    void goTestProjectLoadsWithoutProblems() {
        LoadResult r = ConfigLoader.load(io.kisflow.SharedMaterial.loadConf());
        assertNoProblems(r);
        ConfigSet set = r.configs();
        assertEquals(List.of("flowFork1", "flowName1", "flowName2", "flowName3", "flowName4", "flowName5", "StuAvg"),
                List.copyOf(set.flows().keySet()));
        assertEquals(9, set.funcs().size());
        assertEquals(List.of("ConnName1"), List.copyOf(set.conns().keySet()));

        FlowConfig f1 = set.flow("flowName1");
        assertTrue(f1.enabled());
        assertEquals(List.of("funcName1", "funcName2", "funcName3"), f1.flows().stream().map(FlowStep::fname).toList());
        assertEquals(Map.of("myKey1", "flowValue2-1", "myKey2", "flowValue2-2"), f1.flows().get(1).params());
        assertEquals(Map.of(), set.flow("flowName2").flows().get(0).params());

        FuncConfig func2 = set.func("funcName2");
        assertEquals("Save", func2.fmode());
        assertEquals(new Source("UserOrderErrorRate", List.of("order_id", "user_id")), func2.source());
        assertEquals("ConnName1", func2.option().cname());
        assertEquals(Map.of("default1", "funcName2_param1", "default2", "funcName2_param2"), func2.option().defaultParams());
        assertEquals("Expand", set.func("PrintStuAvgScore").fmode());

        ConnConfig conn = set.conn("ConnName1");
        assertEquals("0.0.0.0:9988,0.0.0.0:9999,0.0.0.0:9990", conn.addrs());
        assertEquals("redis", conn.type());
        assertEquals("redis-key", conn.key());
        assertEquals(Map.of("args1", "value1", "args2", "value2"), conn.params());
        assertEquals(List.of(), conn.load()); // load: null
        assertEquals(List.of("funcName2"), conn.save());

        assertEquals(new GlobalConfig(true, true, "0.0.0.0:20004", Map.of()), set.global());
    }

    @Test
    void originsPointAtEachObjectsFileAndFirstKey() {
        Path dir = io.kisflow.SharedMaterial.loadConf();
        LoadResult r = ConfigLoader.load(dir);
        assertEquals(new Origin(dir.resolve("flow/flow-FlowName1.yml"), 1), r.origin(ObjectRef.flow("flowName1")));
        assertEquals(new Origin(dir.resolve("kis-flow.yml"), 2), r.origin(ObjectRef.GLOBAL)); // line 1 is a comment
        assertEquals(18, r.origins().size());
    }

    /** The shape of Go's export (written here, not copied): one save entry per flow build that bound the connector. */
    private static Path goExport(Path dir) throws Exception {
        ProjectFiles.write(dir, "conn-ConnName1.yaml", "kistype: conn\ncname: ConnName1\naddrs: 0.0.0.0:9988\ntype: redis\nkey: k\n"
                + "params: {}\nload: []\nsave:\n    - funcName2\n    - funcName2\n    - funcName2\n");
        ProjectFiles.write(dir, "func-funcName1.yaml", "kistype: func\nfname: funcName1\nfmode: Verify\nsource:\n    name: S\n"
                + "    must: []\noption:\n    cname: \"\"\n    retry_times: 0\n    return_duration: 0\n    default_params: {}\n");
        ProjectFiles.write(dir, "func-funcName2.yaml", "kistype: func\nfname: funcName2\nfmode: Save\nsource:\n    name: S\n"
                + "    must: []\noption:\n    cname: ConnName1\n    retry_times: 0\n    return_duration: 0\n    default_params: {}\n");
        return dir;
    }

    @Test
    void goExportWithRepeatedSaveListLoadsWithoutComplaint(@TempDir Path dir) throws Exception {
        LoadResult r = ConfigLoader.load(goExport(dir));
        assertNoProblems(r);
        assertEquals(List.of("funcName2", "funcName2", "funcName2"), r.configs().conn("ConnName1").save());
        assertEquals("", r.configs().func("funcName1").option().cname());
    }

    @Test
    void exportOfGoExportWritesTheExactSortedBinding(@TempDir Path dir) throws Exception {
        ConfigSet set = ConfigLoader.load(goExport(dir)).configs();
        String conn = ConfigExporter.render(set).get("conn-ConnName1.yaml");
        assertTrue(conn.endsWith("load: []\nsave:\n    - funcName2\n"), conn);
    }

    @Test
    void disabledFlowIsKeptAndMarkedDisabled(@TempDir Path dir) throws Exception {
        ProjectFiles.write(dir, "f.yml", ProjectFiles.func("A", "Calculate"));
        ProjectFiles.write(dir, "on.yml", ProjectFiles.flow("On", "A"));
        ProjectFiles.write(dir, "off.yml", "kistype: flow\nstatus: 0\nflow_name: Off\nflows:\n  - fname: A\n");
        LoadResult r = ConfigLoader.load(dir);
        assertNoProblems(r);
        assertFalse(r.configs().flow("Off").enabled());
        assertEquals(0, r.configs().flow("Off").status());
        assertTrue(r.configs().flow("On").enabled());
        assertTrue(ConfigExporter.render(r.configs()).get("flow-Off.yaml").contains("status: 0\n"));
    }

    @Test
    void singleFileLoadsAlone() {
        Path file = io.kisflow.SharedMaterial.loadConf().resolve("func/func-FuncName1.yml");
        LoadResult r = ConfigLoader.load(file);
        assertNoProblems(r);
        assertEquals(List.of("funcName1"), List.copyOf(r.configs().funcs().keySet()));
    }

    @Test
    void walkIsRecursiveSortedAndOnlyReadsYamlFiles(@TempDir Path dir) throws Exception {
        ProjectFiles.write(dir, "b/deeper/f2.yaml", ProjectFiles.func("F2", "Calculate"));
        ProjectFiles.write(dir, "a/f1.yml", ProjectFiles.func("F1", "Calculate"));
        ProjectFiles.write(dir, "c.yml", ProjectFiles.func("F3", "Calculate"));
        ProjectFiles.write(dir, "notes.txt", "kistype: nonsense");
        ProjectFiles.write(dir, "README.YML.bak", "not yaml: [");
        LoadResult r = ConfigLoader.load(dir);
        assertNoProblems(r);
        assertEquals(List.of("F1", "F2", "F3"), List.copyOf(r.configs().funcs().keySet()));
    }

    @Test
    void goValueConversionsAreAccepted(@TempDir Path dir) throws Exception {
        Path f = ProjectFiles.write(dir, "f.yml", """
                kistype: func
                fname: 42
                fmode: "Calculate"
                source: {name: ~, must: [1, true, null]}
                option:
                  cname:
                  retry_times: 0x3
                  return_duration: 1_500
                  default_params: {k: 1, f: 2.50, b: yes, n: null}
                """);
        LoadResult r = ConfigLoader.load(f);
        assertNoProblems(r);
        FuncConfig func = r.configs().func("42");
        assertEquals(List.of("1", "true", ""), func.source().must());
        assertEquals("", func.source().name());
        assertEquals(3, func.option().retryTimes());
        assertEquals(1500, func.option().returnDuration());
        assertEquals(Map.of("k", "1", "f", "2.50", "b", "yes", "n", ""), func.option().defaultParams());
    }

    @Test
    void yamlMergeKeysAndAnchorsWorkAsInGo(@TempDir Path dir) throws Exception {
        Path f = ProjectFiles.write(dir, "f.yml", """
                kistype: conn
                cname: C
                type: redis
                defaults: &d {a: "1", b: "2"}
                params:
                  <<: *d
                  b: mine
                """);
        LoadResult r = ConfigLoader.load(f);
        assertNoProblems(r);
        assertEquals(Map.of("a", "1", "b", "mine"), r.configs().conn("C").params());
    }

    @Test
    void globalAcceptsYaml11BooleanWordsLikeGo(@TempDir Path dir) throws Exception {
        Path f = ProjectFiles.write(dir, "g.yml", "kistype: global\nprometheus_enable: yes\nprometheus_listen: Off\n");
        LoadResult r = ConfigLoader.load(f);
        assertNoProblems(r);
        assertEquals(new GlobalConfig(true, false, "", Map.of()), r.configs().global());
    }
}
