package io.kisflow.code;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.FuncConfig;
import io.kisflow.engine.Engine;
import io.kisflow.engine.KisFlowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each template compiles as it is and does what its comment says on real rows. */
class CodeTemplatesTest {
    private static List<Object> runOne(Path dir, String mode, boolean typed, List<Object> input, String connector) throws Exception {
        StringBuilder yaml = new StringBuilder("kistype: func\nfname: Step-one\nfmode: " + mode + "\nsource:\n  name: s\n  must:\n    - stu_id\n");
        if (connector != null) {
            yaml.append("option:\n  cname: Store\n");
            Files.writeString(dir.resolve("conn.yml"), "kistype: conn\ncname: Store\naddrs: x\ntype: redis\nkey: k\n"
                    + ("Save".equals(mode) ? "save:\n  - Step-one\n" : "load:\n  - Step-one\n"));
        }
        Files.writeString(dir.resolve("func.yml"), yaml.toString());
        Files.writeString(dir.resolve("flow.yml"), "kistype: flow\nstatus: 1\nflow_name: F\nflows:\n  - fname: Step-one\n");
        ConfigSet configs = ConfigLoader.load(dir).configs();
        FuncConfig fc = configs.func("Step-one");
        Map<String, String> sources = new java.util.TreeMap<>();
        sources.put(JavaNames.fileOf("Step-one"), CodeTemplates.function(fc, typed));
        if (connector != null) {
            sources.put("functions/StoreConnector.java", CodeTemplates.connector(configs.conn("Store")));
        }
        ProjectCode code = ProjectCode.compile(dir, sources, null);
        assertEquals(List.of(), code.problems().stream().filter(p -> p.isError()).toList(), sources.toString());
        Engine.Builder b = Engine.builder().configs(configs);
        code.plugins().forEach(b::plugin);
        try (Engine engine = b.build()) {
            KisFlowRun flow = engine.flow("F");
            input.forEach(flow::commitRow);
            flow.run();
            return flow.levels().stream().filter(l -> l.name().equals("Step-one")).findFirst().orElseThrow().rows();
        }
    }

    @Test
    void verifyKeepsTheRowsThatPass(@TempDir Path dir) throws Exception {
        assertEquals(List.of("a", "b"), runOne(dir, "Verify", false, List.of("a", " ", "b"), null));
    }

    @Test
    void calculateMapsEachRow(@TempDir Path dir) throws Exception {
        assertEquals(List.of("ABC"), runOne(dir, "Calculate", false, List.of("abc"), null));
    }

    @Test
    void expandSplitsRows(@TempDir Path dir) throws Exception {
        assertEquals(List.of("a", "b"), runOne(dir, "Expand", false, List.of("a, b"), null));
    }

    @Test
    void saveWritesThroughItsConnectorAndPassesRowsOn(@TempDir Path dir) throws Exception {
        assertEquals(List.of("r1", "r2"), runOne(dir, "Save", false, List.of("r1", "r2"), "Store"));
    }

    @Test
    void typedVariantReadsARecordOfTheMustFields(@TempDir Path dir) throws Exception {
        List<Object> out = runOne(dir, "Calculate", true, List.of(Map.of("stu_id", 7, "other", 1)), null);
        assertEquals(List.of(Map.of("stu_id", 7)), out);
        assertTrue(CodeTemplates.function(new FuncConfig("x", "Calculate", null, null, null), true).contains("public record Row("), "a record");
    }
}
