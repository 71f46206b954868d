package io.kisflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.List;

/**
 * The options of one command, parsed by picocli against {@link CliSpec}: {@code --name value} or
 * {@code --name=value}, repeatable where the command allows, and flags. Unknown options, missing
 * options and missing values are usage errors naming the option, worded as before picocli.
 * Values are read as typed on the command line (a path keeps its spelling).
 */
final class Args {
    private final String command;
    private final ParseResult parsed;

    private Args(String command, ParseResult parsed) {
        this.command = command;
        this.parsed = parsed;
    }

    static Args parse(String command, List<String> args) {
        CommandSpec spec = CliSpec.command(command);
        if (spec == null) {
            throw new UsageException("unknown command '" + command + "'");
        }
        CommandLine line = new CommandLine(spec);
        line.setExpandAtFiles(false); // an argument starting with @ is a value, not a file of arguments
        try {
            return new Args(command, line.parseArgs(args.toArray(String[]::new)));
        } catch (CommandLine.UnmatchedArgumentException e) {
            String a = e.getUnmatched().get(0);
            throw new UsageException("'" + command + "' does not know " + (a.startsWith("-") ? "the option " : "the argument ") + a);
        } catch (CommandLine.OverwrittenOptionException e) {
            String option = ((OptionSpec) e.getOverwritten()).longestName();
            long times = args.stream().filter(a -> a.equals(option) || a.startsWith(option + "=")).count();
            throw new UsageException(option + " was given " + times + " times; give it once");
        } catch (CommandLine.MissingParameterException e) {
            ArgSpec missing = e.getMissing().get(0);
            String option = missing instanceof OptionSpec o ? o.longestName() : missing.paramLabel();
            throw new UsageException(args.contains(option) ? option + " needs a value" : "'" + command + "' needs " + option);
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage());
        }
    }

    String required(String option) {
        String v = optional(option);
        if (v == null) {
            throw new UsageException("'" + command + "' needs " + option);
        }
        return v;
    }

    /** The value of a single-valued option as typed, or null. */
    String optional(String option) {
        OptionSpec o = parsed.matchedOption(option);
        return o == null || o.originalStringValues().isEmpty() ? null : o.originalStringValues().get(0);
    }

    List<String> all(String option) {
        OptionSpec o = parsed.matchedOption(option);
        return o == null ? List.of() : o.originalStringValues();
    }

    boolean flag(String option) {
        return parsed.hasMatchedOption(option);
    }
}
