package io.kisflow.config;

import static io.kisflow.config.ProjectFiles.assertError;
import static io.kisflow.config.ProjectFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever loads exports to files that load (issue 9, item 3): a file whose canonical form would pass
 * the 1 MiB limit is refused at load with that reason, and the exporter never writes such a file.
 */
class ExportSizeLimitTest {
    @TempDir
    Path dir;

    /** Flow-style items of two bytes each that export as one indented line each. */
    private static String compactList(int items) {
        StringBuilder sb = new StringBuilder("kistype: global\nx: [");
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : ",").append('1');
        }
        return sb.append("]\n").toString();
    }

    @Test
    void aFileUnderTheLimitWhoseExportIsOverItIsRefusedWithTheReason() throws Exception {
        Path f = write(dir, "kis-flow.yml", compactList(150_000)); // 300 KB; exported, 150,000 lines of "    - 1"
        assertTrue(Files.size(f) < LoadLimits.MAX_FILE_BYTES);
        LoadResult r = ConfigLoader.load(f);
        assertError(r, f, 1, "would be over the limit of 1048576 bytes", "it was not loaded", "Make it smaller");
        assertEquals(null, r.configs().global(), "refused: nothing that could not be written back is loaded");
    }

    @Test
    void aFileWhoseExportFitsLoadsAndItsExportLoadsToTheSame() throws Exception {
        Path f = write(dir, "kis-flow.yml", compactList(80_000));
        LoadResult r = ConfigLoader.load(f);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        Path out = dir.resolve("out");
        ConfigExporter.export(r.configs(), out);
        Path exported = out.resolve(ConfigExporter.GLOBAL_FILE);
        assertTrue(Files.size(exported) > Files.size(f), "the export is bigger than its source");
        LoadResult again = ConfigLoader.load(out);
        assertTrue(again.errors().isEmpty(), again.errors().toString());
        assertEquals(r.configs(), again.configs());
    }

    @Test
    void anAliasedValueRepeatedPastTheLimitIsRefusedWithoutWritingItAll() throws Exception {
        String big = "v".repeat(100_000);
        StringBuilder y = new StringBuilder("kistype: global\nbig: &b " + big + "\nx: [");
        for (int i = 0; i < 5_000; i++) {
            y.append(i == 0 ? "" : ",").append("*b"); // 500 MB once expanded
        }
        Path f = write(dir, "kis-flow.yml", y.append("]\n").toString());
        assertError(ConfigLoader.load(f), f, 1, "would be over the limit", "aliases and merge keys expanded");
    }

    @Test
    void aConnectorBoundByTooManyFunctionsToListInOneFileIsRefused() throws Exception {
        write(dir, "conn.yml", "kistype: conn\ncname: Store\ntype: redis\n");
        String longName = "f".repeat(1_100);
        for (int i = 0; i < 1_000; i++) { // 1,000 names of 1,100 characters: over 1 MiB in the connector's save list
            write(dir, "func-" + i + ".yml", "kistype: func\nfname: " + longName + i + "\nfmode: Save\noption:\n  cname: Store\n");
        }
        LoadResult r = ConfigLoader.load(dir);
        assertError(r, dir.resolve("conn.yml"), 1, "connector \"Store\" is bound by 1000 Save and Load functions",
                "split the functions over several connectors");
        assertEquals(null, r.configs().conn("Store"));
    }

    @Test
    void theExporterRefusesASetBuiltInMemoryThatWouldWriteAnUnloadableFile() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("x", "y".repeat(LoadLimits.MAX_FILE_BYTES));
        ConfigSet set = new ConfigSet(Map.of(), Map.of(), Map.of(), new GlobalConfig(false, false, "", extra));
        Path out = dir.resolve("out");
        ExportException e = assertThrows(ExportException.class, () -> ConfigExporter.export(set, out));
        assertTrue(e.getMessage().contains("cannot export kis-flow.yaml: it would be "), e.getMessage());
        assertTrue(e.getMessage().contains("over the limit of 1048576 bytes"), e.getMessage());
        assertTrue(!Files.exists(out.resolve(ConfigExporter.GLOBAL_FILE)), "nothing written");
    }

    @Test
    void theIssuesReproductionAFileOfAboutOneMegabyteThatGrowsOnExport() throws Exception {
        // 1,040,000 bytes of short params (flow style) whose export is about 1.2 MB
        StringBuilder y = new StringBuilder("kistype: func\nfname: P\nfmode: Calculate\noption: {default_params: {");
        int i = 0;
        while (y.length() < 1_040_000 - 20) {
            y.append(i == 0 ? "" : ", ").append('k').append(i++).append(": v");
        }
        Path f = write(dir, "func-P.yml", y.append("}}\n").toString());
        assertTrue(Math.abs(Files.size(f) - 1_040_000) < 100, "about 1,040,000 bytes: " + Files.size(f));
        LoadResult r = ConfigLoader.load(f);
        assertError(r, f, 1, "would be over the limit of 1048576 bytes");
        assertTrue(ConfigExporter.renderFunc(new FuncConfig("P", "Calculate", Source.EMPTY, FuncOption.EMPTY, Map.of()))
                .getBytes(StandardCharsets.UTF_8).length < 200, "a normal function is far below");
        List<Problem> onlyThisFile = r.problems().stream().filter(p -> f.equals(p.file())).toList();
        assertEquals(1, onlyThisFile.size(), onlyThisFile.toString());
    }
}
