package io.kisflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.engine.PluginCompiler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugin code that exits, halts, spins, blocks, runs out of memory or prints: {@code run} in a child
 * JVM ends each time, with one line on stderr saying what ended it, and stdout holds the result alone.
 */
class HostilePluginTest {
    private static final String PLUGIN = """
            package hostile;
            import io.kisflow.engine.*;
            public class Hostile implements KisPlugin {
                public void register(Pool pool) {
                    pool.faas("Exit", flow -> System.exit(42));
                    pool.faas("Halt", flow -> Runtime.getRuntime().halt(43));
                    pool.faas("Spin", flow -> { long n = 0; while (true) { n++; } });
                    pool.faas("Block", flow -> Thread.sleep(600_000));
                    pool.faas("Oom", flow -> {
                        java.util.List<long[]> hog = new java.util.ArrayList<>();
                        while (true) { hog.add(new long[1 << 20]); }
                    });
                    pool.faas("Print", flow -> {
                        System.out.println("noise from the plugin");
                        for (Object row : flow.input()) flow.commitRow(row);
                    });
                }
            }
            """;

    @TempDir
    static Path tmp;
    static Path conf;
    static Path plugin;

    @BeforeAll
    static void project() throws Exception {
        plugin = PluginCompiler.classFolder(tmp.resolve("plugin"), "hostile.Hostile", PLUGIN);
        conf = Files.createDirectories(tmp.resolve("conf"));
        for (String f : List.of("Exit", "Halt", "Spin", "Block", "Oom", "Print")) {
            Files.writeString(conf.resolve("func-" + f + ".yml"), "kistype: func\nfname: " + f + "\nfmode: Calculate\nsource:\n  name: s\n  must: [id]\n");
            Files.writeString(conf.resolve("flow-" + f + "Flow.yml"), "kistype: flow\nstatus: 1\nflow_name: " + f + "Flow\nflows:\n  - fname: " + f + "\n");
        }
        Files.writeString(conf.resolve("rows.txt"), "a\nb\n");
    }

    private static ChildCli run(List<String> jvm, String flow, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--conf", conf.toString(), "--flow", flow,
                "--plugin", plugin.toString(), "--input", conf.resolve("rows.txt").toString()));
        args.addAll(List.of(more));
        return ChildCli.run(jvm, args.toArray(String[]::new));
    }

    @Test
    void systemExitInAFunctionIsRefusedAndNamed() throws Exception {
        ChildCli r = run(List.of(), "ExitFlow");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("System.exit(42) refused"), r.err());
        assertTrue(r.err().contains("Exit"), r.err());
        assertFalse(r.err().contains("WARNING"), "the JDK's SecurityManager warning is not shown: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void haltInAFunctionIsRefusedAndNamed() throws Exception {
        ChildCli r = run(List.of(), "HaltFlow");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("Runtime.halt(43) refused"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void onJava21AndLaterAnExitIsReportedBeforeTheProcessEnds() throws Exception {
        Optional<Path> java = ChildCli.newerJava();
        Assumptions.assumeTrue(java.isPresent(), "no JDK 21+ beside " + System.getProperty("java.home") + ": the Java 21+ path is not tested here");
        ChildCli r = ChildCli.run(java.get(), List.of(), "run", "--conf", conf.toString(), "--flow", "ExitFlow",
                "--plugin", plugin.toString(), "--input", conf.resolve("rows.txt").toString());
        assertEquals(42, r.exit(), r.err());
        assertTrue(r.err().contains("plugin code called System.exit(42) while function Exit of flow ExitFlow was running, at hostile.Hostile"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aSpinningFunctionEndsAtTheTimeoutNamingWhereItIs() throws Exception {
        ChildCli r = run(List.of(), "SpinFlow", "--timeout", "4s");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: the run timed out after 4s while function Spin of flow SpinFlow was running"), r.err());
        assertTrue(r.err().contains("it was last at hostile.Hostile"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aBlockedFunctionIsAbortedAtTheTimeout() throws Exception {
        ChildCli r = run(List.of(), "BlockFlow", "--timeout", "4000ms");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("timed out after 4s while function Block of flow BlockFlow was running; it was aborted"), r.err());
    }

    @Test
    void outOfMemoryIsOneLine() throws Exception {
        ChildCli r = run(List.of("-Xmx64m"), "OomFlow");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: out of memory while function Oom of flow OomFlow was running"), r.err());
        assertFalse(r.err().contains("Exception in thread"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void pluginOutputGoesToStderrAndStdoutIsTheResult() throws Exception {
        ChildCli r = run(List.of(), "PrintFlow");
        assertEquals(0, r.exit(), r.err());
        JsonNode levels = new ObjectMapper().readTree(r.out());
        assertEquals("b", levels.get("Print").get(1).asText());
        assertTrue(r.err().contains("noise from the plugin"), r.err());
    }
}
