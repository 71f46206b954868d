package io.kisflow.config;

import static io.kisflow.config.ProjectFiles.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One document from text, as the designer's YAML view and the tests use it. */
class LoadStringTest {
    @Test
    void readsOneObjectAndIgnoresReferencesToOthers() {
        Path pretend = Path.of("conf/flow-F.yaml");
        LoadResult r = ConfigLoader.loadString("kistype: flow\nstatus: 1\nflow_name: F\nflows:\n  - fname: Elsewhere\n", pretend);
        assertEquals(List.of(), r.problems());
        assertEquals("Elsewhere", r.configs().flow("F").flows().get(0).fname());
        assertEquals(new Origin(pretend, 1), r.origin(ObjectRef.flow("F")));
    }

    @Test
    void reportsTheDocumentsOwnProblemsAgainstThePretendFile() {
        Path pretend = Path.of("f.yaml");
        LoadResult r = ConfigLoader.loadString("kistype: func\nfname: A\nfmode: Sav\noption: {cname: Missing}\n", pretend);
        assertError(r, pretend, 3, "fmode \"Sav\"");
        assertEquals(1, r.problems().size(), ProjectFiles.dump(r));
    }

    @Test
    void blankTextIsAnEmptyDocument() {
        LoadResult r = ConfigLoader.loadString("  \n", null);
        assertTrue(r.hasErrors());
        assertEquals("<memory>:1: the file is empty; a config file starts with kistype: flow, func, conn or global",
                r.errors().get(0).toString());
    }

    @Test
    void renderedObjectsReadBack() {
        FuncConfig f = FuncConfig.of("A", "Load").withOption(FuncOption.EMPTY.withCname("C").withRetryTimes(3));
        assertEquals(f, ConfigLoader.loadString(ConfigExporter.renderFunc(f), null).configs().func("A"));
        GlobalConfig g = new GlobalConfig(true, true, ":9100", java.util.Map.of("x", 1L));
        assertEquals(g, ConfigLoader.loadString(ConfigExporter.renderGlobal(g), null).configs().global());
    }
}
