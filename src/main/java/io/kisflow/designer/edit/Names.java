package io.kisflow.designer.edit;

import java.util.Collection;
import java.util.Map;

/**
 * The rules for names of flows, functions and connectors typed in the designer. KisFlow itself
 * accepts any string, but a name becomes part of a file name ({@code flow-NAME.yaml}) and of every
 * reference to it, so the designer refuses names that would break either.
 */
public final class Names {
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private Names() {
    }

    /** Why this name cannot be used for a {@code kind} ("flow", "function", "connector"), or null when it can. */
    public static String problem(String kind, String name) {
        if (name == null || name.isBlank()) {
            return "A " + kind + " needs a name.";
        }
        if (!name.equals(name.strip())) {
            return "Remove the spaces at the start or end of the name.";
        }
        if (name.contains("..")) {
            return "A name cannot contain \"..\": it becomes part of the file name " + prefix(kind) + "-NAME.yaml.";
        }
        if (name.length() > 200) {
            return "A name can have at most 200 characters: it becomes part of a file name.";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "A name cannot contain control characters.";
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return "A name cannot contain '" + c + "': it becomes part of the file name " + prefix(kind) + "-NAME.yaml.";
            }
        }
        return null;
    }

    /** Throws {@link EditRefused} unless {@code name} is a valid, unused name (other than {@code self}, the object being renamed). */
    public static void requireUsable(String kind, String name, Map<String, ?> taken, String self) {
        String problem = problem(kind, name);
        if (problem != null) {
            throw new EditRefused(problem);
        }
        if (taken.containsKey(name) && !name.equals(self)) {
            throw new EditRefused("There is already a " + kind + " named " + name + ".");
        }
    }

    /** {@code base} if free, else {@code base_copy}, {@code base_copy2}, ... */
    public static String unique(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        String first = base + "_copy";
        if (!taken.contains(first)) {
            return first;
        }
        for (int i = 2; ; i++) {
            String candidate = first + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** A fresh name like {@code NewFlow1} not yet taken. */
    public static String fresh(String base, Collection<String> taken) {
        for (int i = 1; ; i++) {
            if (!taken.contains(base + i)) {
                return base + i;
            }
        }
    }

    private static String prefix(String kind) {
        return switch (kind) {
            case "function" -> "func";
            case "connector" -> "conn";
            default -> "flow";
        };
    }
}
