package io.kisflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands and options of the command line, declared once: {@link Args} parses against it,
 * and picocli renders it as {@code help COMMAND} and as the {@code completion} script. The model
 * is plain data on purpose: building picocli's own model costs a cold run about 140 classes and,
 * measured side by side, a quarter of a second of CPU on a loaded machine (docs/PERFORMANCE.md), so
 * picocli is loaded only for help and completion, where start-up does not matter.
 *
 * <pre>{@code CliSpec.Command run = CliSpec.command("run");  // --conf, --flow, --input, ...}</pre>
 */
final class CliSpec {
    /** Every command, in the order help lists them. */
    static final List<String> COMMANDS = List.of("run", "serve", "test", "validate", "export", "repair", "completion", "open");

    /** The name the launchers are installed under (the .deb's kisflow; kisflow-studio is completed alike). */
    static final String PROGRAM = "kisflow";

    /** --log-level values, chattiest first. */
    static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    enum Kind { FLAG, VALUE, PATH, PATHS }

    /** One option: a flag, a value, a path (completed as a file name), or a repeatable path. */
    record Option(String name, Kind kind, String label, boolean required, String description) {
        boolean takesValue() {
            return kind != Kind.FLAG;
        }
    }

    record Command(String name, List<String> description, List<Option> options, String positional) {
        Option option(String name) {
            for (Option o : options) {
                if (o.name().equals(name)) {
                    return o;
                }
            }
            return null;
        }
    }

    private CliSpec() {
    }

    /** One command; null for a name that is no command. */
    static Command command(String name) {
        List<Option> o = new ArrayList<>();
        List<String> about;
        String positional = null;
        switch (name) {
            case "run" -> {
                about = List.of("Run a flow. Each non-blank input line is one row (with --json, one JSON value); the final levels",
                        "are printed as one JSON object on stdout (plugin output goes to stderr).");
                o.add(conf());
                o.add(new Option("--flow", Kind.VALUE, "NAME", true, "the flow to run"));
                o.add(new Option("--input", Kind.PATH, "FILE", false, "the rows: a file, or - for standard input"));
                o.add(new Option("--json", Kind.FLAG, null, false, "read each input line as a JSON value (objects become read-only maps)"));
                o.add(plugin());
                o.add(new Option("--trace", Kind.PATH, "FILE", false, "write the run as Go's conformance traces do"));
                o.add(new Option("--max-calls", Kind.VALUE, "N", false, "function calls allowed in one run before it fails as a JumpFunc loop"));
                o.add(new Option("--timeout", Kind.VALUE, "TIME", false, "end a longer run: 90s, 10m, 2h, 500ms; 0 for none (default 10m)"));
                o.add(noSamples());
                o.add(new Option("--dry-run", Kind.FLAG, null, false,
                        "open no connector; list on stderr the calls the run would have made (what Save functions would write)"));
                o.add(goSemantics());
            }
            case "serve" -> {
                about = List.of("Serve a flow from a Kafka topic until SIGTERM: each poll of a partition is one run; offsets are",
                        "committed after the run (at-least-once); a failed batch goes to --dead-letter, or pauses its partition.",
                        "With --deploy FILE, serve every flow a deployment file lists (then --flow, --kafka, --topic, --group",
                        "and the per-flow options belong in the file).");
                o.add(new Option("--conf", Kind.PATH, "DIR", false, "the KisFlow config directory (with --deploy, overrides the file's conf)"));
                o.add(new Option("--deploy", Kind.PATH, "FILE", false, "a deployment file (JSON or YAML, outside DIR) listing several flows"));
                o.add(new Option("--flow", Kind.VALUE, "NAME", false, "the flow to serve"));
                o.add(new Option("--kafka", Kind.VALUE, "HOST:PORT", false, "the brokers to bootstrap from (comma-separated)"));
                o.add(new Option("--topic", Kind.VALUE, "TOPIC", false, "the topic whose records become source rows"));
                o.add(new Option("--group", Kind.VALUE, "GROUP", false, "the consumer group; processes with the same group share the partitions"));
                o.add(new Option("--threads", Kind.VALUE, "N", false, "consumers in this process, each with its own fork of the flow (default 1)"));
                o.add(new Option("--batch-size", Kind.VALUE, "N", false, "records per poll at most (default 500)"));
                o.add(new Option("--batch-wait", Kind.VALUE, "MS", false, "how long a poll waits for records, in milliseconds (default 500)"));
                o.add(new Option("--json", Kind.FLAG, null, false, "parse each record value as JSON (an undecodable one is reported, never stops the service)"));
                o.add(new Option("--dead-letter", Kind.VALUE, "TOPIC", false,
                        "where failed batches go, with error, flow and function in headers (without it: the partition pauses)"));
                o.add(new Option("--http", Kind.VALUE, "HOST:PORT", false, "serve /health, /ready and /metrics (Prometheus) there"));
                o.add(plugin());
                o.add(noSamples());
            }
            case "test" -> {
                about = List.of("Run the flow test cases of DIR/tests (one JSON file per case); print PASS or FAIL per case and,",
                        "for a failure, the first differing rows of each level side by side; exit 1 when any case fails.");
                o.add(conf());
                o.add(plugin());
                o.add(new Option("--junit", Kind.PATH, "FILE", false, "also write a JUnit XML report, as CI servers read it"));
                o.add(new Option("--case", Kind.VALUE, "NAME", false, "run only this case (its file name without .json)"));
                o.add(new Option("--threads", Kind.VALUE, "N", false, "cases run at once, on one engine (default: one per core)"));
                o.add(noSamples());
                o.add(goSemantics());
            }
            case "validate" -> {
                about = List.of("List every problem of a config directory as FILE:LINE: message; exit 1 on errors.");
                o.add(conf());
                o.add(plugin());
                o.add(noSamples());
            }
            case "export" -> {
                about = List.of("Write the configs in canonical KisFlow layout, all or nothing.");
                o.add(conf());
                o.add(new Option("--out", Kind.PATH, "DIR", true, "where to write (created, or replaced as a whole)"));
                o.add(new Option("--prune", Kind.FLAG, null, false,
                        "remove config files of --out that the export does not write (without it, such files make the export refuse)"));
            }
            case "repair" -> {
                about = List.of("Write kistype into files Go exported with kistype: \"\" (the kind from the file name: flow-, func-, conn-).");
                o.add(conf());
            }
            case "completion" -> about = List.of("Print a bash completion script for " + PROGRAM + " and kisflow-studio:",
                    "  source <(java -jar kisflow-studio.jar completion)");
            case "open" -> {
                about = List.of("Open the designer on a KisFlow config directory.");
                positional = "DIR";
            }
            default -> {
                return null;
            }
        }
        o.add(new Option("--debug", Kind.FLAG, null, false, "add stack traces to errors"));
        o.add(new Option("--log-level", Kind.VALUE, "LEVEL", false,
                "log to stderr from this level on: " + String.join(", ", LOG_LEVELS) + " (default warn)"));
        return new Command(name, about, o, positional);
    }

    private static Option conf() {
        return new Option("--conf", Kind.PATH, "DIR", true, "the KisFlow config directory");
    }

    private static Option plugin() {
        return new Option("--plugin", Kind.PATHS, "PATH", false, "a plugin jar or class folder; repeat for more");
    }

    private static Option goSemantics() {
        return new Option("--go-semantics", Kind.FLAG, null, false,
                "run as a Go KisFlow server would, quirks included (docs/DIFFERENCES.md), so the levels are a Go server's");
    }

    private static Option noSamples() {
        return new Option("--no-samples", Kind.FLAG, null, false, "leave out the built-in samples plugin");
    }

    /** The whole command line as picocli's model, for the completion script. */
    static CommandLine picocliRoot() {
        CommandSpec root = CommandSpec.create().name(PROGRAM);
        root.usageMessage().description("Design, run and debug KisFlow flows. With no command: the designer.");
        CommandLine line = new CommandLine(root);
        for (String name : COMMANDS) {
            line.addSubcommand(name, new CommandLine(picocli(command(name))));
        }
        return line;
    }

    /** One command as picocli's model, for its help. */
    static CommandSpec picocli(Command c) {
        CommandSpec spec = CommandSpec.create().name(c.name());
        spec.usageMessage().width(100).description(c.description().toArray(String[]::new));
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        for (Option o : c.options()) {
            OptionSpec.Builder b = OptionSpec.builder(o.name()).required(o.required()).description(o.description());
            switch (o.kind()) {
                case FLAG -> b.arity("0").type(boolean.class);
                case VALUE -> b.paramLabel(o.label()).type(String.class);
                // typed Path: the completion script completes file names
                case PATH -> b.paramLabel(o.label()).type(Path.class);
                case PATHS -> b.paramLabel(o.label()).type(List.class).auxiliaryTypes(Path.class);
            }
            if (o.name().equals("--log-level")) {
                b.completionCandidates(LOG_LEVELS);
            }
            spec.addOption(b.build());
        }
        if (c.positional() != null) {
            spec.addPositional(PositionalParamSpec.builder().paramLabel(c.positional()).type(Path.class).build());
        }
        return spec;
    }
}
