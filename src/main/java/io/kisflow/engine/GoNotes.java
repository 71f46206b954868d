package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Go differences of a step that do not depend on the rows (its connector, retry settings,
 * built-in or stand-in code), worked out once when a flow is planned and noted on each of its calls;
 * and a connector config as a Go server holds it. The differences that depend on what a call does
 * are noted by {@link KisFlowRun} where they happen.
 */
final class GoNotes {
    private GoNotes() {
    }

    static List<GoDifference> forStep(String flowName, FlowPlan.Step step, ConfigSet configs, boolean goSemantics) {
        List<GoDifference> out = new ArrayList<>();
        String f = step.name();
        FuncConfig fc = step.config();
        int retries = fc.option().retryTimes();
        int wait = fc.option().returnDuration();
        if (retries > 0 || wait > 0) {
            String settings = (retries > 0 ? "retry_times " + retries : "") + (retries > 0 && wait > 0 ? " and " : "")
                    + (wait > 0 ? "return_duration " + wait + " ms" : "");
            out.add(note(GoDifference.Kind.RETRY_SETTINGS, flowName, step, goSemantics
                    ? "Go semantics: " + settings + " ignored, as a Go server ignores them: a failure of " + f
                    + " fails the run at once (the Java engine tries it again up to " + retries + " more times)"
                    : "a Go server ignores " + settings + ": there a failure of " + f + " fails the run at once; here " + f
                    + " is tried again up to " + retries + " more times"));
        }
        ConnectorInstance conn = step.usesConnector() ? step.connector() : null;
        if (conn != null) {
            Map<String, List<String>> users = users(conn.getName(), configs, step);
            int instances = users.values().stream().mapToInt(List::size).sum();
            if (instances > 1) {
                List<String> who = new ArrayList<>();
                users.forEach((fn, flows) -> who.add(fn + " in " + String.join(", ", flows)));
                ConnConfig go = step.goConnConfig();
                String lists = go.save().equals(conn.getConfig().save()) && go.load().equals(conn.getConfig().load()) ? ""
                        : "; its save list there reads " + go.save() + " and its load list " + go.load();
                out.add(note(GoDifference.Kind.CONNECTOR_PER_FUNCTION, flowName, step, goSemantics
                        ? "Go semantics: " + f + " has its own instance of connector " + conn.getName() + ", initialised for this"
                        + " flow instance, as on a Go server, which makes " + instances + " (" + String.join("; ", who)
                        + ")" + lists + " (the Java engine shares one instance per engine, initialised once)"
                        : "connector " + conn.getName() + " is bound by " + instances + " function instances (" + String.join("; ", who)
                        + "): a Go server makes one connector instance for each, runs its init code " + instances
                        + " times and keeps separate metadata for each" + lists + "; here one instance, initialised once, is shared"));
            }
            if (!conn.hasInitCode() && conn.hasPluginCode()) {
                out.add(note(GoDifference.Kind.CONNECTOR_WITHOUT_INIT, flowName, step, "connector " + conn.getName()
                        + " has no init code: a Go server panics when it builds a flow that uses it (register one with Pool.caasInit(\""
                        + conn.getName() + "\", ...))" + (goSemantics ? "; Go semantics fails the call" : "")));
            }
        }
        String missing = "a Go server without Go code for " + f + " fails the run there with 'FuncName: " + f
                + " Can not find in NsPool, Not Added.'";
        switch (step.origin()) {
            case BUILT_IN -> out.add(note(GoDifference.Kind.BUILT_IN_STORAGE, flowName, step, f + " has no code of its own: the built-in "
                    + step.connector().getConfig().type() + " client of connector " + step.connector().getName()
                    + " did its work. Go has no built-in storage: " + missing));
            case MOCK -> out.add(note(GoDifference.Kind.DESIGNER_STAND_IN, flowName, step,
                    "pinned rows stood in for " + f + ": a Go server runs " + f + "'s own code" + (step.connector() == null ? ""
                    : " and calls connector " + step.connector().getName())));
            case FALLBACK -> out.add(note(GoDifference.Kind.DESIGNER_STAND_IN, flowName, step,
                    f + " has no code: a stand-in ran in its place; " + missing));
            default -> {
            }
        }
        return List.copyOf(out);
    }

    private static GoDifference note(GoDifference.Kind kind, String flowName, FlowPlan.Step step, String words) {
        return new GoDifference(kind, flowName, 0, step.position(), step.name(), words);
    }

    /** The function instances a Go server makes that bind this connector: function name to the flows it is in, per use. */
    private static Map<String, List<String>> users(String cname, ConfigSet configs, FlowPlan.Step step) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (FlowConfig flow : configs.flows().values()) {
            if (!flow.enabled()) {
                continue; // Go's loader skips it: it makes no instances
            }
            for (FlowStep s : flow.flows()) {
                FuncConfig fc = configs.func(s.fname());
                if (fc != null && fc.hasConnector() && cname.equals(fc.option().cname())) {
                    out.computeIfAbsent(s.fname(), k -> new ArrayList<>()).add(flow.flowName());
                }
            }
        }
        if (out.isEmpty()) {
            out.put(step.name(), List.of("this flow"));
        }
        return out;
    }

    /**
     * The connector config as a Go server holds it once it has built its flows: the loaded save and
     * load lists, with the function appended again for every enabled flow that uses it (Go's
     * WithFunc at each flow build; a fork adds nothing).
     */
    static ConnConfig goConnConfig(ConnConfig conn, ConfigSet configs) {
        List<String> save = new ArrayList<>(conn.save());
        List<String> load = new ArrayList<>(conn.load());
        for (FlowConfig flow : configs.flows().values()) {
            if (!flow.enabled()) {
                continue;
            }
            for (FlowStep s : flow.flows()) {
                FuncConfig fc = configs.func(s.fname());
                if (fc == null || !fc.hasConnector() || !conn.cname().equals(fc.option().cname())) {
                    continue;
                }
                if ("Save".equalsIgnoreCase(fc.fmode())) {
                    save.add(fc.fname());
                } else if ("Load".equalsIgnoreCase(fc.fmode())) {
                    load.add(fc.fname());
                }
            }
        }
        return conn.withBindings(load, save);
    }
}
