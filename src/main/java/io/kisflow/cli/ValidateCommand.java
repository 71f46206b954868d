package io.kisflow.cli;

import io.kisflow.config.LoadResult;
import io.kisflow.config.Problem;
import io.kisflow.engine.Engine;
import io.kisflow.engine.ProjectCheck;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code validate --conf DIR}: every problem of the directory as {@code FILE:LINE: message}, with
 * what no plugin implements (functions used by flows, connectors bound by Save/Load functions) as
 * warnings; the findings come from {@link ProjectCheck}, as the designer's Problems panel does.
 * Exit 1 when there is any error.
 */
final class ValidateCommand {
    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("validate", options);
        LoadResult loaded = Project.load(args.required("--conf"));
        List<Problem> problems;
        try (Engine engine = Project.engine(loaded, args, null)) {
            problems = new ProjectCheck(loaded).findings(loaded.configs(), ProjectCheck.Code.of(engine));
        }
        Project.print(problems, out);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        err.println(errors + " error(s), " + warnings + " warning(s) in " + args.required("--conf"));
        return errors > 0 ? 1 : 0;
    }
}
