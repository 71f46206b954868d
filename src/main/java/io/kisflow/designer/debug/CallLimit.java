package io.kisflow.designer.debug;

import io.kisflow.engine.Engine;

import java.util.Locale;

/**
 * The run panel's "Call limit": how many function calls one run may make before it ends as a
 * JumpFunc loop. A project keeps its own in the sidecar (a flow that loops a thousand times on
 * purpose needs more than the default); the loop error in the designer names this setting, as the
 * command line's names {@code --max-calls N}.
 *
 * <pre>{@code int limit = CallLimit.parse(field.getText());   // IllegalArgumentException with the reason}</pre>
 */
public final class CallLimit {
    /** The setting's name on screen. */
    public static final String LABEL = "Call limit";
    /** What the engine's loop error tells a designer user to raise. */
    public static final String SETTING = "'" + LABEL + "' in the Run panel";
    /** The default: the engine's. */
    public static final int DEFAULT = Engine.DEFAULT_MAX_CALLS;
    /** The largest limit accepted: a run's calls are recorded for the debugger, so the bound keeps memory in hand. */
    public static final int MAX = 10_000_000;

    private CallLimit() {
    }

    /**
     * The limit typed ("5000", "5,000", "5 000" and "5_000" read the same).
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static int parse(String typed) {
        String t = typed == null ? "" : typed.strip().replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "");
        String range = "a whole number from 1 to " + text(MAX);
        if (t.isEmpty()) {
            throw new IllegalArgumentException(LABEL + " needs " + range + " (the default is " + text(DEFAULT) + ").");
        }
        long v;
        try {
            v = t.length() > 12 ? Long.MAX_VALUE : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(LABEL + " needs " + range + ", not \"" + typed.strip() + "\".");
        }
        if (v < 1 || v > MAX) {
            throw new IllegalArgumentException(LABEL + " needs " + range + ", not " + typed.strip() + ".");
        }
        return (int) v;
    }

    /** The limit as the field shows it: "10,000". */
    public static String text(int limit) {
        return String.format(Locale.ROOT, "%,d", limit);
    }
}
