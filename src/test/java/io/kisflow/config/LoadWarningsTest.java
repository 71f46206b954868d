package io.kisflow.config;

import static io.kisflow.config.ProjectFiles.assertNoErrors;
import static io.kisflow.config.ProjectFiles.assertWarning;
import static io.kisflow.config.ProjectFiles.func;
import static io.kisflow.config.ProjectFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Go tolerates but is likely a mistake is a warning: the project still loads without errors. */
class LoadWarningsTest {
    @TempDir
    Path dir;

    private LoadResult load() {
        LoadResult r = ConfigLoader.load(dir);
        assertNoErrors(r);
        return r;
    }

    @Test
    void saveOrLoadFunctionWithoutConnector() throws Exception {
        Path s = write(dir, "s.yml", func("S", "Save"));
        Path l = write(dir, "l.yml", func("L", "Load") + "option: {retry_times: 1}\n");
        LoadResult r = load();
        assertWarning(r, s, 3, "Save function \"S\" has no connector", "set option.cname");
        assertWarning(r, l, 3, "Load function \"L\" has no connector");
    }

    @Test
    void connectorBoundByAFunctionOfAnotherMode() throws Exception {
        write(dir, "c.yml", "kistype: conn\ncname: C\ntype: redis\n");
        Path f = write(dir, "f.yml", func("Calc", "Calculate") + "option:\n  cname: C\n");
        assertWarning(load(), f, 5, "Calculate function \"Calc\" binds connector \"C\"", "connectors serve Save and Load functions");
    }

    @Test
    void flowWithoutFunctions() throws Exception {
        Path f = write(dir, "f.yml", "kistype: flow\nstatus: 1\nflow_name: Empty\nflows: []\n");
        assertWarning(load(), f, 4, "flow \"Empty\" has no functions, so running it does nothing");
    }

    @Test
    void connectorTypeGoDoesNotName() throws Exception {
        Path f = write(dir, "c.yml", "kistype: conn\ncname: C\naddrs: x\ntype: Redis\n");
        assertWarning(load(), f, 4, "connector \"C\" has type \"Redis\", which is none of redis, mysql, kafka, tidb, es",
                "did you mean \"redis\"?");
    }

    @Test
    void flowWithoutStatusIsDisabledAsInGo() throws Exception {
        write(dir, "a.yml", func("A", "Calculate"));
        Path f = write(dir, "f.yml", "kistype: flow\nflow_name: F\nflows:\n  - fname: A\n");
        LoadResult r = load();
        assertWarning(r, f, 1, "flow \"F\" has no status, so it is disabled", "add status: 1");
        assertEquals(false, r.configs().flow("F").enabled());
    }

    @Test
    void statusOtherThanZeroOrOne() throws Exception {
        write(dir, "a.yml", func("A", "Calculate"));
        Path f = write(dir, "f.yml", "kistype: flow\nflow_name: F\nstatus: 2\nflows:\n  - fname: A\n");
        assertWarning(load(), f, 3, "flow \"F\" has status 2; write 1 (enabled) or 0 (disabled)");
    }

    @Test
    void disabledFlowNamingAMissingFunctionIsOnlyAWarning() throws Exception {
        Path f = write(dir, "f.yml", "kistype: flow\nstatus: 0\nflow_name: Off\nflows:\n  - fname: Gone\n");
        assertWarning(load(), f, 5, "disabled flow \"Off\" names function \"Gone\", which has no config; it will fail once enabled");
    }

    @Test
    void misspeltKeyIsKeptAndWarnedAbout() throws Exception {
        Path f = write(dir, "f.yml", func("A", "Calculate") + "option:\n  retry_time: 3\n");
        LoadResult r = load();
        assertWarning(r, f, 5, "unknown key option.retry_time (did you mean option.retry_times?)", "it is kept");
        assertEquals(Map.of("retry_time", 3L), r.configs().func("A").option().extra());
    }

    @Test
    void unknownKeysThatAreNoTypoPassSilently() throws Exception {
        write(dir, "f.yml", func("A", "Calculate") + "owner: team-a\ndescription: computes things\n");
        LoadResult r = load();
        ProjectFiles.assertNoProblems(r);
        assertEquals(Map.of("owner", "team-a", "description", "computes things"), r.configs().func("A").extra());
    }

    @Test
    void secondYamlDocumentIsIgnoredAsByGo() throws Exception {
        Path f = write(dir, "f.yml", func("A", "Calculate") + "---\nkistype: func\nfname: B\n");
        LoadResult r = load();
        assertWarning(r, f, 4, "second YAML document", "reads only the first one"); // line 4 is the ---
        assertEquals(1, r.configs().funcs().size());
    }

    @Test
    void fractionalNumberIsTruncatedAsByGo() throws Exception {
        Path f = write(dir, "f.yml", func("A", "Calculate") + "option:\n  retry_times: 2.7\n");
        LoadResult r = load();
        assertWarning(r, f, 5, "option.retry_times is 2.7, not a whole number; it is read as 2");
        assertEquals(2, r.configs().func("A").option().retryTimes());
    }

    @Test
    void secondGlobalFileReplacesTheFirst() throws Exception {
        Path a = write(dir, "a.yml", "kistype: global\nprometheus_serve: a:1\n");
        Path b = write(dir, "b.yml", "kistype: global\nprometheus_serve: b:2\n");
        LoadResult r = load();
        assertWarning(r, b, 1, "a second global config (the first is in " + a + ":1)");
        assertEquals("b:2", r.configs().global().prometheusServe());
    }
}
