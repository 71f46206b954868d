package io.kisflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command: {@code --name value} pairs (repeatable where the command allows) and
 * flags. Unknown options and missing values are usage errors naming the option.
 */
final class Args {
    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> flags = new ArrayList<>();

    private Args(String command) {
        this.command = command;
    }

    static Args parse(String command, List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        Args parsed = new Args(command);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (flagOptions.contains(a)) {
                parsed.flags.add(a);
            } else if (valueOptions.contains(a)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                parsed.values.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
            } else {
                throw new UsageException("'" + command + "' does not know " + (a.startsWith("-") ? "the option " : "the argument ") + a);
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

    /** The value of a single-valued option, or null; giving it twice is a usage error. */
    String optional(String option) {
        List<String> v = values.get(option);
        if (v == null) {
            return null;
        }
        if (v.size() > 1) {
            throw new UsageException(option + " was given " + v.size() + " times; give it once");
        }
        return v.get(0);
    }

    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    boolean flag(String option) {
        return flags.contains(option);
    }
}
