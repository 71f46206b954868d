package io.kisflow.cli;

import io.kisflow.code.ProjectCode;
import io.kisflow.config.IoReasons;
import io.kisflow.config.LoadResult;
import io.kisflow.config.Problem;
import io.kisflow.engine.Engine;
import io.kisflow.flowtest.CaseResult;
import io.kisflow.flowtest.FailureText;
import io.kisflow.flowtest.FlowTestFiles;
import io.kisflow.flowtest.FlowTestRunner;
import io.kisflow.flowtest.JUnitReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code test --conf DIR [--plugin PATH]... [--junit FILE] [--case NAME] [--threads N]}: runs the cases of
 * DIR/tests on the project loaded as {@code run} loads it (configs, functions/*.java, plugins),
 * one line per case on stdout in file order, the failure text indented under a failed one; exit 1 when
 * any fails. The cases run on one engine, on as many threads as there are cores.
 */
final class TestCommand {
    private final PrintStream out;
    private final PrintStream err;

    TestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("test", options);
        String dir = args.required("--conf");
        LoadResult loaded = Project.load(dir);
        if (loaded.hasErrors()) {
            Project.print(loaded.errors(), err);
            throw new CommandException(loaded.errors().size() + " problem(s) in " + dir + "; fix them (see 'validate') before testing");
        }
        ProjectCode code = Project.code(dir);
        if (code.hasErrors()) {
            Project.print(code.problems().stream().filter(Problem::isError).toList(), err);
            throw new CommandException("the function sources of " + dir + " do not compile; fix them (see 'validate') before testing");
        }
        int threads = args.positive("--threads", FlowTestRunner.defaultThreads());
        List<Path> cases = cases(dir, args.optional("--case"));
        FlowTestRunner runner = new FlowTestRunner();
        List<CaseResult> results;
        try (Engine engine = Project.build(Project.builder(loaded, args, null, code).mocks(runner.mocks()))) {
            for (String warning : engine.warnings()) {
                err.println("warning: " + warning);
            }
            // one engine (plugins loaded, sources compiled once) for every case; cases run dry, so one per core
            results = runner.runFiles(engine, cases, threads, r -> {
                out.println((r.passed() ? "PASS " : "FAIL ") + r.name() + " (" + r.millis() + " ms)");
                if (!r.passed()) {
                    FailureText.lines(r).forEach(line -> out.println("    " + line));
                }
            }, () -> false);
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.println(results.size() + " case" + (results.size() == 1 ? "" : "s") + ": " + (results.size() - failed) + " passed, " + failed + " failed");
        String junit = args.optional("--junit");
        if (junit != null) {
            try {
                JUnitReport.write(Path.of(junit), Path.of(dir).getFileName().toString(), results);
            } catch (IOException e) {
                throw new CommandException("could not write the JUnit report " + junit + ": " + IoReasons.describe(e, junit), e);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** The case files to run, read later by the threads that run them. */
    private static List<Path> cases(String dir, String only) {
        List<Path> all;
        try {
            all = FlowTestFiles.paths(Path.of(dir));
        } catch (IOException e) {
            throw new CommandException("could not list " + Path.of(dir, FlowTestFiles.FOLDER) + ": " + IoReasons.describe(e), e);
        }
        if (all.isEmpty()) {
            throw new CommandException("no test cases in " + Path.of(dir, FlowTestFiles.FOLDER)
                    + "; add one JSON file per case (see the user guide, 'Flow tests')");
        }
        if (only == null) {
            return all;
        }
        List<Path> chosen = all.stream().filter(c -> FlowTestFiles.nameOf(c).equals(only)).toList();
        if (chosen.isEmpty()) {
            throw new UsageException("--case " + only + ": no such case in " + Path.of(dir, FlowTestFiles.FOLDER) + "; cases there: "
                    + String.join(", ", all.stream().map(FlowTestFiles::nameOf).toList()));
        }
        return chosen;
    }
}
