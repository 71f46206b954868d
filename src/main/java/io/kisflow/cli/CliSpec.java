package io.kisflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * The commands and options of the command line, as picocli's model: what {@link Args} parses
 * against, what {@code help COMMAND} prints and what the {@code completion} script completes.
 * Built with picocli's programmatic API rather than its annotations: no reflection over annotated
 * classes at start-up, and only the command being run is built ({@link #command}).
 *
 * <pre>{@code CommandSpec run = CliSpec.command("run");  // --conf, --flow, --input, ...}</pre>
 */
final class CliSpec {
    /** Every command, in the order help lists them. */
    static final List<String> COMMANDS = List.of("run", "validate", "export", "repair", "completion", "open");

    /** The names the launchers are installed under (the .deb's kisflow, the app image's kisflow-studio). */
    static final String PROGRAM = "kisflow";

    /** --log-level values, quietest last. */
    static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private CliSpec() {
    }

    /** The whole command line (for help and completion). */
    static CommandLine root() {
        CommandSpec root = CommandSpec.create().name(PROGRAM);
        root.usageMessage().description("Design, run and debug KisFlow flows. With no command: the designer.");
        common(root);
        CommandLine line = new CommandLine(root);
        for (String name : COMMANDS) {
            line.addSubcommand(name, new CommandLine(command(name)));
        }
        return line;
    }

    /** One command's options; null for a name that is no command. */
    static CommandSpec command(String name) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().width(100);
        switch (name) {
            case "run" -> {
                spec.usageMessage().description(
                        "Run a flow. Each non-blank input line is one row (with --json, one JSON value); the final levels",
                        "are printed as one JSON object on stdout (plugin output goes to stderr).");
                spec.addOption(dir("--conf", "the KisFlow config directory").required(true).build());
                spec.addOption(value("--flow", "NAME", "the flow to run").required(true).build());
                spec.addOption(file("--input", "FILE", "the rows: a file, or - for standard input").build());
                spec.addOption(flag("--json", "read each input line as a JSON value (objects become read-only maps)"));
                plugins(spec);
                spec.addOption(file("--trace", "FILE", "write the run as Go's conformance traces do").build());
                spec.addOption(value("--max-calls", "N", "function calls allowed in one run before it fails as a JumpFunc loop").build());
                spec.addOption(value("--timeout", "TIME", "end a longer run: 90s, 10m, 2h, 500ms; 0 for none (default 10m)").build());
                spec.addOption(flag("--no-samples", "leave out the built-in samples plugin"));
            }
            case "validate" -> {
                spec.usageMessage().description("List every problem of a config directory as FILE:LINE: message; exit 1 on errors.");
                spec.addOption(dir("--conf", "the KisFlow config directory").required(true).build());
                plugins(spec);
                spec.addOption(flag("--no-samples", "leave out the built-in samples plugin"));
            }
            case "export" -> {
                spec.usageMessage().description("Write the configs in canonical KisFlow layout, all or nothing.");
                spec.addOption(dir("--conf", "the KisFlow config directory").required(true).build());
                spec.addOption(dir("--out", "where to write (created, or replaced as a whole)").required(true).build());
                spec.addOption(flag("--prune", "remove config files of --out that the export does not write"
                        + " (without it, such files make the export refuse)"));
            }
            case "repair" -> {
                spec.usageMessage().description("Write kistype into files Go exported with kistype: \"\" (the kind from the file name:"
                        + " flow-, func-, conn-).");
                spec.addOption(dir("--conf", "the KisFlow config directory").required(true).build());
            }
            case "completion" -> spec.usageMessage().description(
                    "Print a bash completion script for " + PROGRAM + " and kisflow-studio:",
                    "  source <(java -jar kisflow-studio.jar completion)");
            case "open" -> {
                spec.usageMessage().description("Open the designer on a KisFlow config directory.");
                spec.addPositional(PositionalParamSpec.builder().paramLabel("DIR").type(Path.class)
                        .description("the folder that holds the project's .yaml files").build());
            }
            default -> {
                return null;
            }
        }
        common(spec);
        return spec;
    }

    /** What every command takes: help, --debug, --log-level (the latter two are read before parsing, anywhere on the line). */
    private static void common(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        spec.addOption(flag("--debug", "add stack traces to errors"));
        spec.addOption(value("--log-level", "LEVEL", "log to stderr from this level on: " + String.join(", ", LOG_LEVELS)
                + " (default warn)").completionCandidates(LOG_LEVELS).build());
    }

    private static void plugins(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--plugin").paramLabel("PATH").type(List.class).auxiliaryTypes(Path.class)
                .description("a plugin jar or class folder; repeat for more").build());
    }

    private static OptionSpec.Builder value(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).description(description);
    }

    /** A path option: typed Path so that the completion script completes file names; its text is read as given. */
    private static OptionSpec.Builder file(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(Path.class).description(description);
    }

    private static OptionSpec.Builder dir(String name, String description) {
        return file(name, "DIR", description);
    }

    private static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).arity("0").type(boolean.class).description(description).build();
    }
}
