package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.Problem;
import io.kisflow.designer.debug.input.InputEditor;
import io.kisflow.designer.debug.input.PinEditor;
import io.kisflow.engine.DryRun;
import io.kisflow.engine.Mode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What must be right before a designer run starts, so that the run is refused with reasons instead
 * of failing halfway: the flow exists and is enabled, its functions and connectors have configs,
 * every connector it uses has code (a dry run only warns), the input rows and pinned rows parse, the
 * plugins load, and in a dry run every Load function with code is pinned. A pinned function needs
 * nothing but its rows. Warnings (metrics not served, connector code a dry run does not need) do
 * not stop the run.
 */
final class PreRunCheck {
    private PreRunCheck() {
    }

    static List<Problem> check(String flowName, SessionEngine engine, InputEditor input, Function<String, PinEditor> pins,
                               boolean dryRun) {
        ConfigSet configs = engine.configs();
        List<Problem> out = new ArrayList<>();
        FlowConfig flow = configs.flow(flowName);
        if (flow == null) {
            out.add(Problem.error(null, 0, flowName, "there is no flow named " + flowName + " in this project"));
            return out;
        }
        if (!flow.enabled()) {
            out.add(Problem.error(null, 0, flowName, "flow " + flowName + " is disabled (status " + flow.status()
                    + "), so a server would not run it: set its status to 1 (enabled) to run it here"));
        }
        if (engine.current() == null) {
            out.add(Problem.error(null, 0, flowName, "the plugins could not be loaded: " + engine.failure()));
        }
        Set<String> implemented = engine.implementedFunctions();
        Set<String> connectorsWithCode = engine.implementedConnectors();
        List<String> missing = engine.missingImplementations();
        Set<String> reported = new LinkedHashSet<>();
        for (int p = 0; p < flow.flows().size(); p++) {
            FlowStep step = flow.flows().get(p);
            String fname = step.fname();
            String where = "flow " + flowName + ", function " + fname + " (#" + (p + 1) + ")";
            FuncConfig fc = configs.func(fname);
            if (fc == null) {
                out.add(Problem.error(null, 0, fname, where + ": there is no function config named " + fname + "; create it or remove the step"));
                continue;
            }
            if (!FuncConfig.MODES.contains(fc.fmode())) {
                out.add(Problem.error(null, 0, fname, where + ": fmode '" + fc.fmode() + "' is not one of " + String.join(", ", FuncConfig.MODES)));
            }
            PinEditor pin = pins.apply(fname);
            if (pin != null && pin.isPinned()) {
                // The pinned rows stand in for the function, its code and its connector alike: nothing else is needed.
                if (!pin.parsed().ok()) {
                    out.add(Problem.error(null, 0, fname, where + ": " + pin.errorProperty().get()));
                }
                continue;
            }
            if (fc.hasConnector() && reported.add(fname)) {
                checkConnector(configs, fc, where, connectorsWithCode, missing, dryRun, out);
                if (dryRun && implemented.contains(fname) && FuncConfig.MODES.contains(fc.fmode()) && Mode.of(fc.fmode()) == Mode.LOAD) {
                    // The engine's own words (DryRun.refusal), before the run instead of half-way through it.
                    out.add(Problem.error(null, 0, fname, where + ": Load function " + fname + " reads connector "
                            + fc.option().cname() + "; in a dry run " + DryRun.DESIGNER_ADVICE));
                }
            }
        }
        if (input.loadingProperty().get()) {
            String from = input.fileProperty().get().isEmpty() ? "" : " from " + input.fileProperty().get();
            out.add(Problem.error(null, 0, flowName, "the input rows of flow " + flowName + " are still being read" + from + " ("
                    + Math.round(input.progressProperty().get() * 100) + "%): run again when they are read, or cancel reading"));
        } else if (!input.isValid()) {
            out.add(Problem.error(null, input.parsed().errorLine(), flowName, input.errorProperty().get()));
        }
        for (String w : engine.warnings()) {
            out.add(Problem.warning(null, 0, flowName, w));
        }
        return out;
    }

    /** A connector without code is an error, but a dry run performs no call: there it only warns. */
    private static void checkConnector(ConfigSet configs, FuncConfig fc, String where, Set<String> connectorsWithCode,
                                       List<String> missing, boolean dryRun, List<Problem> out) {
        String cname = fc.option().cname();
        if (configs.conn(cname) == null) {
            out.add(Problem.error(null, 0, fc.fname(), where + " binds connector " + cname
                    + ", which has no config: create connector " + cname + " or clear the function's connector"));
            return;
        }
        String dry = "; this dry run only records its calls";
        if (!connectorsWithCode.contains(cname)) {
            String text = "connector " + cname + " (bound by " + where + ") has no code: no plugin"
                    + " registers it; add the plugin that implements it to the project, or clear the function's connector";
            out.add(dryRun ? Problem.warning(null, 0, cname, text + dry) : Problem.error(null, 0, cname, text));
            return;
        }
        if (fc.isStorageMode()) {
            // The engine's own wording for a Save/Load function its connector has no call code for.
            String noCall = "connector " + cname + " has no code for " + Mode.of(fc.fmode()) + " function " + fc.fname();
            if (missing.contains(noCall)) {
                String text = noCall + " (" + where + "): register it with Pool.caas(\"" + cname
                        + "\", \"" + fc.fname() + "\", Mode." + Mode.of(fc.fmode()).name() + ", ...) in a plugin";
                out.add(dryRun ? Problem.warning(null, 0, cname, text + dry) : Problem.error(null, 0, cname, text));
            }
        }
    }

    static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }
}
