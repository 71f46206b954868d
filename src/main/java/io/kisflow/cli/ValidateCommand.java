package io.kisflow.cli;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.KisType;
import io.kisflow.config.LoadResult;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import io.kisflow.config.Problem;
import io.kisflow.engine.Engine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code validate --conf DIR}: every problem of the directory as {@code FILE:LINE: message}, then
 * what no plugin implements (functions used by flows, connectors bound by Save/Load functions) as
 * warnings. Exit 1 when there is any error.
 */
final class ValidateCommand {
    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("validate", options, Set.of("--conf", "--plugin"), Set.of("--no-samples"));
        LoadResult loaded = Project.load(args.required("--conf"));
        List<Problem> problems = new ArrayList<>(loaded.problems());
        try (Engine engine = Project.engine(loaded, args, null)) {
            problems.addAll(unimplemented(loaded, engine));
        }
        Project.print(problems, out);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        err.println(errors + " error(s), " + warnings + " warning(s) in " + args.required("--conf"));
        return errors > 0 ? 1 : 0;
    }

    /** One warning per function or connector with no code, at the file that declares it. */
    static List<Problem> unimplemented(LoadResult loaded, Engine engine) {
        ConfigSet set = loaded.configs();
        Map<String, List<String>> usersByFunction = new LinkedHashMap<>();
        for (FlowConfig flow : set.flows().values()) {
            for (FlowStep step : flow.flows()) {
                List<String> users = usersByFunction.computeIfAbsent(step.fname(), k -> new ArrayList<>());
                if (!users.contains(flow.flowName())) {
                    users.add(flow.flowName());
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : usersByFunction.entrySet()) {
            FuncConfig func = set.func(e.getKey());
            if (func == null) {
                continue; // already an error of the loader
            }
            Origin at = loaded.origins().get(new ObjectRef(KisType.FUNC, func.fname()));
            if (!engine.implementedFunctions().contains(func.fname())) {
                problems.add(warning(at, func.fname(), "function " + func.fname() + " (used by flow "
                        + String.join(", ", e.getValue()) + ") has no code: no plugin registers it; add one with --plugin"));
            }
            String cname = func.option().cname();
            if (func.isStorageMode() && func.hasConnector() && set.conn(cname) != null
                    && !engine.implementedConnectors().contains(cname)) {
                problems.add(warning(at, func.fname(), "connector " + cname + " (bound by " + func.fname()
                        + ") has no code: no plugin registers it; add one with --plugin"));
            }
        }
        return problems;
    }

    private static Problem warning(Origin at, String subject, String message) {
        return Problem.warning(at == null ? null : at.file(), at == null ? 0 : at.line(), subject, message);
    }
}
