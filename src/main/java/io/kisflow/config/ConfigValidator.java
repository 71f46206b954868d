package io.kisflow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole project for what a single file cannot show: flows naming functions and functions
 * naming connectors that have no config, unknown modes, and likely mistakes Go tolerates (warnings).
 * Works on any ConfigSet, so the designer can run it live on an edited project; the loader runs it
 * too, with exact key lines.
 *
 * <pre>{@code List<Problem> problems = ConfigValidator.validate(editedSet, loadResult.origins());}</pre>
 */
public final class ConfigValidator {
    private ConfigValidator() {
    }

    /** All cross-reference errors and warnings of the set; {@code origins} may be empty (problems then have no file). */
    public static List<Problem> validate(ConfigSet set, Map<ObjectRef, Origin> origins) {
        return validate(set, Locator.of(origins == null ? Map.of() : origins), true);
    }

    /**
     * The checks of each object on its own (modes, connector types, empty flows, storage functions
     * without connector) and, when {@code crossReferences}, the checks between objects.
     */
    static List<Problem> validate(ConfigSet set, Locator where, boolean crossReferences) {
        List<Problem> out = new ArrayList<>();
        // one budget for all suggestions of a run: thousands of missing names stay fast (later ones lose the hint)
        Suggestions funcNames = new Suggestions(set.funcs().keySet(), Suggestions.DEFAULT_BUDGET);
        Suggestions connNames = new Suggestions(set.conns().keySet(), Suggestions.DEFAULT_BUDGET);
        for (FlowConfig flow : set.flows().values()) {
            checkFlow(set, flow, where, crossReferences, funcNames, out);
        }
        for (FuncConfig func : set.funcs().values()) {
            checkFunc(set, func, where, crossReferences, connNames, out);
        }
        for (ConnConfig conn : set.conns().values()) {
            checkConn(conn, where, out);
        }
        return out;
    }

    private static void checkFlow(ConfigSet set, FlowConfig flow, Locator where, boolean crossReferences, Suggestions funcNames,
            List<Problem> out) {
        ObjectRef ref = ObjectRef.flow(flow.flowName());
        String name = flow.flowName();
        if (name.isEmpty()) {
            add(out, true, where.at(ref, "flow_name"), name, "the flow has no flow_name; nothing can run it or refer to it "
                    + "(Go would register it under an empty name), so add flow_name: NAME");
        }
        if (flow.status() != FlowConfig.ENABLED && flow.status() != FlowConfig.DISABLED) {
            add(out, false, where.at(ref, "status"), name, "flow " + q(name) + " has status " + flow.status()
                    + "; write 1 (enabled) or 0 (disabled). Go runs any status but 0, this engine runs only status 1");
        }
        if (flow.flows().isEmpty()) {
            add(out, false, where.at(ref, "flows"), name, "flow " + q(name) + " has no functions, so running it does nothing; "
                    + "list its steps under flows: (- fname: NAME)");
        }
        for (int i = 0; i < flow.flows().size(); i++) {
            FlowStep step = flow.flows().get(i);
            String path = "flows[" + i + "].fname";
            if (step.fname().isEmpty()) {
                add(out, true, where.at(ref, "flows[" + i + "]"), name, "step " + (i + 1) + " of flow " + q(name)
                        + " has no fname; name the function it runs");
            } else if (crossReferences && set.func(step.fname()) == null) {
                String hint = hint(step.fname(), funcNames);
                if (flow.enabled()) {
                    add(out, true, where.at(ref, path), name, "flow " + q(name) + " runs function " + q(step.fname())
                            + ", which has no config (no func file has this fname)" + hint);
                } else {
                    add(out, false, where.at(ref, path), name, "disabled flow " + q(name) + " names function " + q(step.fname())
                            + ", which has no config; it will fail once enabled" + hint);
                }
            }
        }
    }

    private static void checkFunc(ConfigSet set, FuncConfig func, Locator where, boolean crossReferences, Suggestions connNames,
            List<Problem> out) {
        ObjectRef ref = ObjectRef.func(func.fname());
        String name = func.fname();
        if (name.isEmpty()) {
            add(out, true, where.at(ref, "fname"), name, "the function has no fname; no flow can run it "
                    + "(Go would register it under an empty name), so add fname: NAME");
        }
        String fmode = func.fmode();
        boolean knownMode = FuncConfig.MODES.contains(fmode);
        if (!knownMode) {
            String shown = fmode.isEmpty() ? "no fmode" : "fmode " + q(fmode);
            add(out, true, where.at(ref, "fmode"), name, "function " + q(name) + " has " + shown
                    + "; use one of Verify, Save, Load, Calculate, Expand (spelt exactly so)" + hint(fmode, FuncConfig.MODES));
        }
        String cname = func.option().cname();
        if (cname.isEmpty()) {
            if (func.isStorageMode()) {
                add(out, false, where.at(ref, "fmode"), name, fmode + " function " + q(name)
                        + " has no connector; Save and Load functions store or load rows through one (set option.cname)");
            }
            return;
        }
        if (knownMode && !func.isStorageMode()) {
            add(out, false, where.at(ref, "option.cname"), name, fmode + " function " + q(name) + " binds connector " + q(cname)
                    + "; connectors serve Save and Load functions, so this binding is never listed under the connector's save or load");
        }
        if (crossReferences && set.conn(cname) == null) {
            add(out, true, where.at(ref, "option.cname"), name, "function " + q(name) + " uses connector " + q(cname)
                    + ", which has no config (no conn file has this cname)" + hint(cname, connNames));
        }
    }

    private static void checkConn(ConnConfig conn, Locator where, List<Problem> out) {
        if (!ConnConfig.TYPES.contains(conn.type())) {
            String shown = conn.type().isEmpty() ? "no type" : "type " + q(conn.type());
            add(out, false, where.at(ObjectRef.conn(conn.cname()), "type"), conn.cname(), "connector " + q(conn.cname()) + " has "
                    + shown + ", which is none of " + String.join(", ", ConnConfig.TYPES) + hint(conn.type(), ConnConfig.TYPES));
        }
    }

    /** A name in a message: in quotes, control characters escaped, very long names shortened. */
    static String q(String name) {
        String quoted = YamlQuotes.doubleQuoted(name);
        return quoted.length() <= 80 ? quoted : quoted.substring(0, 76) + "...\"";
    }

    /** For the short lists (modes, types): a shortened word ("Calc") is suggested too. */
    private static String hint(String word, java.util.Collection<String> candidates) {
        String near = word.isEmpty() ? null : Suggestions.closest(word, candidates);
        return near == null ? "" : " (did you mean " + q(near) + "?)";
    }

    private static String hint(String word, Suggestions candidates) {
        String near = word.isEmpty() ? null : candidates.closest(word);
        return near == null ? "" : " (did you mean " + q(near) + "?)";
    }

    private static void add(List<Problem> out, boolean error, Origin at, String subject, String message) {
        out.add(error ? Problem.error(at.file(), at.line(), subject, message) : Problem.warning(at.file(), at.line(), subject, message));
    }
}
