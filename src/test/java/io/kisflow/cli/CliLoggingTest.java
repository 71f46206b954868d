package io.kisflow.cli;

import io.kisflow.engine.PluginCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line's log (issue 10, §3): what is logged through System.Logger (the program's own
 * debug records, a plugin's) goes to stderr, one line a record, from --log-level on; warnings by
 * default; stdout keeps the result alone.
 */
class CliLoggingTest {
    private static final String PLUGIN = """
            package logging;
            import io.kisflow.engine.*;
            public class Logging implements KisPlugin {
                public void register(Pool pool) {
                    pool.faas("Say", flow -> {
                        System.Logger log = System.getLogger("logging.Say");
                        log.log(System.Logger.Level.DEBUG, "looking at " + flow.input().size() + " row(s)");
                        log.log(System.Logger.Level.WARNING, "row a is odd", new IllegalStateException("odd row"));
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
        plugin = PluginCompiler.classFolder(tmp.resolve("plugin"), "logging.Logging", PLUGIN);
        conf = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(conf.resolve("func-Say.yml"), "kistype: func\nfname: Say\nfmode: Calculate\nsource:\n  name: s\n  must: [id]\n");
        Files.writeString(conf.resolve("flow-SayFlow.yml"), "kistype: flow\nstatus: 1\nflow_name: SayFlow\nflows:\n  - fname: Say\n");
        Files.writeString(conf.resolve("rows.txt"), "a\nb\n");
    }

    private static String[] run(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--conf", conf.toString(), "--flow", "SayFlow",
                "--plugin", plugin.toString(), "--input", conf.resolve("rows.txt").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void warningsByDefaultOneLineOnStderrInTheRealProcess() throws Exception {
        ChildCli r = ChildCli.run(List.of(), run());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: logging.Say: row a is odd: java.lang.IllegalStateException: odd row\n"), r.err());
        assertFalse(r.err().contains("looking at"), "no debug records by default: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug: " + r.err());
        assertFalse(r.out().contains("odd"), "stdout holds the result alone: " + r.out());
    }

    @Test
    void logLevelDebugShowsDebugRecordsAndErrorHidesWarnings() {
        CliRunner debug = CliRunner.run(run("--log-level", "debug"));
        assertEquals(0, debug.exit(), debug.err());
        assertTrue(debug.err().contains("debug: logging.Say: looking at 2 row(s)\n"), debug.err());
        assertTrue(debug.err().contains("warning: logging.Say: row a is odd"), debug.err());
        CliRunner quiet = CliRunner.run(run("--log-level=error"));
        assertEquals(0, quiet.exit(), quiet.err());
        assertFalse(quiet.err().contains("logging.Say"), quiet.err());
        CliRunner traced = CliRunner.run(run("--log-level", "warn", "--debug"));
        assertTrue(traced.err().contains("logging.Logging.lambda$register$0(Logging.java:8)"), "--debug adds the stack trace: " + traced.err());
    }
}
