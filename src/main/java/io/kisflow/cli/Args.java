package io.kisflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of one command, read against its declaration in {@link CliSpec}: {@code --name value}
 * or {@code --name=value}, repeatable where the command allows, and flags. Unknown options, a
 * missing required option, a missing value and a single option given twice are usage errors naming
 * the option. Values are kept as typed.
 */
final class Args {
    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> flags = new ArrayList<>();

    private Args(String command) {
        this.command = command;
    }

    static Args parse(String command, List<String> args) {
        CliSpec.Command spec = CliSpec.command(command);
        if (spec == null) {
            throw new UsageException("unknown command '" + command + "'");
        }
        Args parsed = new Args(command);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            String name = eq > 0 ? a.substring(0, eq) : a;
            CliSpec.Option option = spec.option(name);
            if (option == null) {
                throw new UsageException("'" + command + "' does not know " + (a.startsWith("-") ? "the option " : "the argument ") + name);
            }
            if (!option.takesValue()) {
                if (eq > 0) {
                    throw new UsageException(name + " takes no value");
                }
                parsed.flags.add(name);
                continue;
            }
            String value;
            if (eq > 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            List<String> given = parsed.values.computeIfAbsent(name, k -> new ArrayList<>());
            given.add(value);
            if (given.size() > 1 && option.kind() != CliSpec.Kind.PATHS) {
                long times = args.stream().filter(x -> x.equals(name) || x.startsWith(name + "=")).count();
                throw new UsageException(name + " was given " + times + " times; give it once");
            }
        }
        for (CliSpec.Option o : spec.options()) {
            if (o.required() && !parsed.values.containsKey(o.name())) {
                throw new UsageException("'" + command + "' needs " + o.name());
            }
        }
        return parsed;
    }

    String required(String option) {
        String v = optional(option);
        if (v == null) {
            throw new UsageException("'" + command + "' needs " + option);
        }
        return v;
    }

    /** A whole number of at least 1, or {@code absent} when the option is not given; anything else is a usage error. */
    Integer positive(String option, Integer absent) {
        String v = optional(option);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a positive whole number, not '" + v + "'");
        }
    }

    /** The value of a single-valued option, or null. */
    String optional(String option) {
        List<String> v = values.get(option);
        return v == null ? null : v.get(0);
    }

    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    boolean flag(String option) {
        return flags.contains(option);
    }
}
