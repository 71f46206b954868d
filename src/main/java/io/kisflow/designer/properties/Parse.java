package io.kisflow.designer.properties;

import io.kisflow.designer.edit.EditRefused;

import java.util.ArrayList;
import java.util.List;

/** Turns typed text into YAML values, refusing what the field cannot hold with a sentence saying why. */
final class Parse {
    private Parse() {
    }

    static int nonNegativeInt(String text, String what) {
        String t = text.strip();
        try {
            int v = Integer.parseInt(t);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // refused below, with the same message for "abc", "1.5" and "-3"
        }
        throw new EditRefused(what + " must be a whole number of 0 or more" + (t.isEmpty() ? "." : ", not \"" + t + "\"."));
    }

    static int integer(String text, String what) {
        String t = text.strip();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new EditRefused(what + " must be a whole number" + (t.isEmpty() ? "." : ", not \"" + t + "\"."));
        }
    }

    /** A comma-separated list of field names: blanks around names ignored, empty entries and repeats refused. */
    static List<String> names(String text, String what) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw new EditRefused(what + ": remove the empty entry between commas.");
            }
            if (out.contains(name)) {
                throw new EditRefused(what + ": " + name + " is listed twice.");
            }
            out.add(name);
        }
        return out;
    }

    /** host:port, or empty. */
    static String address(String text, String what) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || t.contains(" ")) {
            throw new EditRefused(what + " must look like host:port, for example 127.0.0.1:20004.");
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            if (port >= 1 && port <= 65535) {
                return t;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new EditRefused(what + ": the port after ':' must be a number from 1 to 65535.");
    }
}
