package io.kisflow.cli;

import java.io.InputStream;
import java.io.PrintStream;
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
                                   run a flow; each input line is one row (with --json, a JSON
                                   value); prints the final levels as JSON on stdout (plugin
                                   output goes to stderr); --timeout ends the run after TIME
                                   (90s, 10m, 2h; default 10m; 0 for none); --dry-run opens no
                                   connector and lists on stderr the calls it would have made
                                   (what Save functions would write); Load functions fail
              validate --conf DIR [--plugin PATH]... [--no-samples]
                                   list every problem as FILE:LINE: message; exit 1 on errors
              export --conf DIR --out DIR [--prune]
                                   write the configs in canonical KisFlow layout, all or nothing;
                                   --prune removes config files of OUT that the export does not
                                   write (without it, such files make the export refuse)
              repair --conf DIR    write kistype into files Go exported with kistype: ""
                                   (the kind from the file name: flow-, func-, conn-)
              help                 this text
            Add --debug to any command to see stack traces.""";

    private static volatile boolean mainProcess;

    private Cli() {
    }

    /**
     * The command line as the process itself: besides {@link #run}, it watches for plugin code ending
     * the process ({@link ExitWatch}) and turns errors of stray threads into one line.
     */
    public static void main(String[] args) {
        mainProcess = true;
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
            case "run", "validate", "export", "repair", "help", "--help", "-h", "open" -> true;
            default -> false;
        };
    }

    public static int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        List<String> args = Arrays.asList(argv);
        boolean debug = args.contains("--debug");
        List<String> rest = args.stream().filter(a -> !a.equals("--debug")).toList();
        if (rest.isEmpty() || rest.get(0).equals("help") || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
            out.println(USAGE);
            return 0;
        }
        String command = rest.get(0);
        List<String> options = rest.subList(1, rest.size());
        try {
            return switch (command) {
                case "run" -> new RunCommand(in, out, err).run(options);
                case "validate" -> new ValidateCommand(out, err).run(options);
                case "export" -> new ExportCommand(out, err).run(options);
                case "repair" -> new RepairCommand(out, err).run(options);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + " (see 'help')");
            return 2;
        } catch (CommandException e) {
            err.println("error: " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return 1;
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
}
