package io.kisflow.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code run}, {@code validate}, {@code export}. Returns the exit code: 0 done,
 * 1 the command failed (bad config, failed run), 2 the command line was not understood. Errors are
 * one line on stderr; {@code --debug} adds the stack trace.
 *
 * <pre>{@code java -jar target/kisflow-studio.jar run --conf conf-samples --flow StuScore --json --input conf-samples/student-score/input.jsonl}</pre>
 */
public final class Cli {
    static final String USAGE = """
            usage: java -jar kisflow-studio.jar [command] [options]
              (no command)         open the designer with the sample projects
              open DIR             open the designer on a KisFlow config directory
              run --conf DIR --flow NAME [--input FILE|-] [--json] [--plugin PATH]...
                  [--trace FILE] [--max-calls N] [--timeout TIME] [--no-samples] [--dry-run]
                  [--go-semantics]
                                   run a flow; each input line is one row (with --json, a JSON
                                   value); prints the final levels as JSON on stdout (plugin
                                   output goes to stderr); --timeout ends the run after TIME
                                   (90s, 10m, 2h; default 10m; 0 for none); --dry-run opens no
                                   connector and lists on stderr the calls it would have made
                                   (what Save functions would write); Load functions fail;
                                   --go-semantics runs as a Go server would, quirks included,
                                   and lists on stderr where that differed ("go: ...")
              serve --conf DIR --flow NAME --kafka HOST:PORT --topic TOPIC --group GROUP
                  [--threads N] [--batch-size N] [--batch-wait MS] [--commit-interval MS] [--json]
                  [--dead-letter TOPIC] [--http HOST:PORT] [--plugin PATH]... [--no-samples]
              serve --deploy FILE [--conf DIR] [--http HOST:PORT] [--plugin PATH]...
                                   consume the topic until SIGTERM, one run per batch, offsets
                                   committed after it; --deploy serves every flow of a deployment
                                   file; --http serves /health, /ready, /metrics (docs/SERVE.md)
              test --conf DIR [--plugin PATH]... [--junit FILE] [--case NAME] [--threads N]
                  [--no-samples] [--go-semantics]
                                   run the flow test cases of DIR/tests (one JSON file each);
                                   one PASS/FAIL line per case, differing rows side by side;
                                   exit 1 when any case fails; --junit writes a JUnit XML report;
                                   --threads runs N cases at once (default: one per core);
                                   --go-semantics runs the cases as a Go server would
              validate --conf DIR [--plugin PATH]... [--no-samples]
                                   list every problem as FILE:LINE: message; exit 1 on errors
              export --conf DIR --out DIR [--prune]
                                   write the configs in canonical KisFlow layout, all or nothing;
                                   --prune removes config files of OUT that the export does not
                                   write (without it, such files make the export refuse)
              repair --conf DIR    write kistype into files Go exported with kistype: ""
                                   (the kind from the file name: flow-, func-, conn-)
              completion           print a bash completion script:
                                   source <(java -jar kisflow-studio.jar completion)
              help [COMMAND]       this text, or one command's options (also: COMMAND --help)
            Options are written --name value or --name=value. Any command takes --debug (stack
            traces with errors) and --log-level LEVEL (trace, debug, info, warn, error, off; default
            warn): what the program logs goes to stderr from that level on.""";

    private static volatile boolean mainProcess;

    private Cli() {
    }

    /**
     * The command line as the process itself: besides {@link #run}, it watches for plugin code ending
     * the process ({@link ExitWatch}) and turns errors of stray threads into one line.
     */
    public static void main(String[] args) {
        mainProcess = true;
        // warnings, one line each, if anything logs at all: java.util.logging starts only then
        System.setProperty("java.util.logging.config.class", CliLogging.OnFirstUse.class.getName());
        boolean debug = Arrays.asList(args).contains("--debug");
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println("error: " + (e instanceof OutOfMemoryError ? "out of memory" : "unexpected " + e)
                    + " in thread " + thread.getName() + (debug ? "" : " (run again with --debug for details)"));
            if (debug) {
                e.printStackTrace();
            }
        });
        int code = run(args, System.in, System.out, System.err);
        System.out.flush();
        ExitWatch.exiting();
        System.exit(code);
    }

    /** True in the process started by {@link #main}; false when the command line runs inside another program (tests). */
    static boolean isMainProcess() {
        return mainProcess;
    }

    /** Whether {@code word} names a command (so that a folder of that name is not opened instead). */
    public static boolean isCommand(String word) {
        return switch (word) {
            case "run", "serve", "test", "validate", "export", "repair", "completion", "help", "--help", "-h", "open" -> true;
            default -> false;
        };
    }

    public static int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        boolean debug = args.removeIf("--debug"::equals);
        String logLevel;
        try {
            logLevel = takeLogLevel(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + " (see 'help')");
            return 2;
        }
        try (CliLogging log = logLevel == null ? null : CliLogging.install(logLevel, debug, err)) {
            return dispatch(args, in, out, err, debug);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + " (see 'help')");
            return 2;
        }
    }

    /**
     * Removes {@code --log-level LEVEL} (or {@code --log-level=LEVEL}) from anywhere on the line;
     * null when absent (the process then logs warnings on first use, see {@link CliLogging.OnFirstUse}).
     */
    private static String takeLogLevel(List<String> args) {
        String level = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--log-level")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--log-level needs a value");
                }
                level = args.remove(i + 1);
                args.remove(i--);
            } else if (a.startsWith("--log-level=")) {
                level = a.substring("--log-level=".length());
                args.remove(i--);
            }
        }
        if (level != null) {
            CliLogging.level(level); // an unknown level is a usage error before anything runs
        }
        return level;
    }

    private static int dispatch(List<String> rest, InputStream in, PrintStream out, PrintStream err, boolean debug) {
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h")
                || (rest.get(0).equals("help") && rest.size() == 1)) {
            out.println(usage(System.getProperty("jpackage.app-path")));
            return 0;
        }
        String command = rest.get(0);
        List<String> options = rest.subList(1, rest.size());
        if (command.equals("help")) {
            return help(options.get(0), out);
        }
        if (options.contains("--help") || options.contains("-h")) {
            return help(command, out);
        }
        try {
            return switch (command) {
                case "run" -> new RunCommand(in, out, err).run(options);
                case "serve" -> new ServeCommand(err).run(options);
                case "test" -> new TestCommand(out, err).run(options);
                case "validate" -> new ValidateCommand(out, err).run(options);
                case "export" -> new ExportCommand(out, err).run(options);
                case "repair" -> new RepairCommand(out, err).run(options);
                case "completion" -> completion(options, out);
                case "open" -> throw new UsageException("'open' opens the designer: start it through the jar or the kisflow-studio launcher");
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (CommandException e) {
            err.println("error: " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return 1;
        } catch (UsageException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug of ours, not the user's: still one line unless --debug.
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (debug ? "" : " (run again with --debug for details)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /**
     * The usage text as the user started the program: an installed launcher (whose path the packages
     * pass as {@code jpackage.app-path}) by its name, {@code kisflow ...}; otherwise the jar's command.
     */
    static String usage(String appPath) {
        if (appPath == null || appPath.isBlank()) {
            return USAGE;
        }
        java.nio.file.Path name = java.nio.file.Path.of(appPath).getFileName();
        return name == null ? USAGE : USAGE.replace("java -jar kisflow-studio.jar", name.toString().replaceFirst("\\.exe$", ""));
    }

    /** {@code help COMMAND} and {@code COMMAND --help}: the command's options, rendered by picocli. */
    private static int help(String command, PrintStream out) {
        CliSpec.Command c = CliSpec.command(command);
        if (c == null) {
            throw new UsageException("unknown command '" + command + "'");
        }
        picocli.CommandLine.Model.CommandSpec spec = CliSpec.picocli(c);
        spec.name(CliSpec.PROGRAM + " " + command); // the installed launcher; the jar takes the same: java -jar kisflow-studio.jar
        new picocli.CommandLine(spec).usage(out, picocli.CommandLine.Help.Ansi.OFF);
        return 0;
    }

    /** A bash completion script for both launcher names, generated from the model by picocli's AutoComplete. */
    private static int completion(List<String> options, PrintStream out) {
        Args.parse("completion", options);
        out.print(picocli.AutoComplete.bash(CliSpec.PROGRAM, CliSpec.picocliRoot()));
        out.println("complete -F _complete_" + CliSpec.PROGRAM + " -o default kisflow-studio");
        return 0;
    }
}
