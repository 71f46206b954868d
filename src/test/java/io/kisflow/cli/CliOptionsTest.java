package io.kisflow.cli;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line's parsing (issue 10, §5): picocli reads {@code --name=value} as well as
 * {@code --name value}, prints help per command and a bash completion script, while the usage
 * errors keep their words and exit code 2.
 */
class CliOptionsTest {
    @Test
    void anOptionWithAnEqualsSignIsRead() {
        CliRunner r = CliRunner.run("validate", "--conf=conf-samples");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("0 error(s), 0 warning(s) in conf-samples"), r.err());
        CliRunner run = CliRunner.run("run", "--conf=conf-samples", "--flow=StuScore", "--json",
                "--input=conf-samples/student-score/input.jsonl");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("stuid: [101], avg score: [84.00]"), run.out());
    }

    @Test
    void theUsageNamesTheInstalledCommandAsTheUserTypesIt() {
        assertTrue(Cli.usage(null).startsWith("usage: java -jar kisflow-studio.jar [command] [options]"), Cli.usage(null));
        String installed = Cli.usage("/opt/kisflow-studio/bin/kisflow");
        assertTrue(installed.startsWith("usage: kisflow [command] [options]"), installed);
        assertTrue(installed.contains("source <(kisflow completion)"), installed);
        assertTrue(!installed.contains("java -jar"), installed);
        CliRunner help = CliRunner.run("--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("usage: java -jar kisflow-studio.jar"), help.out());
    }

    @Test
    void eachCommandHasItsHelp() {
        CliRunner help = CliRunner.run("help", "run");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: kisflow run"), help.out());
        assertTrue(help.out().contains("--flow=NAME"), help.out());
        assertTrue(help.out().contains("--timeout=TIME"), help.out());
        CliRunner export = CliRunner.run("export", "--help");
        assertEquals(0, export.exit());
        assertTrue(export.out().contains("--prune"), export.out());
        assertTrue(export.out().contains("--log-level=LEVEL"), export.out());
        CliRunner top = CliRunner.run("help");
        assertTrue(top.out().contains("completion"), top.out());
        assertEquals(2, CliRunner.run("help", "frobnicate").exit());
    }

    @Test
    void completionPrintsABashScriptForEveryCommandAndOption() {
        CliRunner r = CliRunner.run("completion");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
        assertTrue(r.out().contains("complete -F _complete_kisflow -o default kisflow-studio"), r.out());
        for (String word : new String[] {"run", "validate", "export", "repair", "--conf", "--flow", "--prune", "--no-samples"}) {
            assertTrue(r.out().contains(word), word);
        }
    }

    @Test
    void usageErrorsKeepTheirWords() {
        CliRunner twice = CliRunner.run("run", "--conf", "conf-samples", "--flow", "A", "--flow=B");
        assertEquals(2, twice.exit());
        assertEquals("error: --flow was given 2 times; give it once (see 'help')\n", twice.err());
        CliRunner unknown = CliRunner.run("validate", "--conf", "conf-samples", "--fast");
        assertEquals("error: 'validate' does not know the option --fast (see 'help')\n", unknown.err());
        CliRunner extra = CliRunner.run("repair", "--conf", "conf-samples", "more");
        assertEquals("error: 'repair' does not know the argument more (see 'help')\n", extra.err());
        CliRunner missing = CliRunner.run("export", "--conf", "conf-samples");
        assertEquals("error: 'export' needs --out (see 'help')\n", missing.err());
        CliRunner noValue = CliRunner.run("validate", "--conf");
        assertEquals("error: --conf needs a value (see 'help')\n", noValue.err());
        CliRunner level = CliRunner.run("validate", "--conf", "conf-samples", "--log-level", "loud");
        assertEquals(2, level.exit());
        assertTrue(level.err().contains("--log-level needs one of trace, debug, info, warn, error, off, not 'loud'"), level.err());
    }
}
