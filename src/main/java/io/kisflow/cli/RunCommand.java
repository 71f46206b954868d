package io.kisflow.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.code.ProjectCode;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.IoReasons;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.DryRun;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.FunctionStart;
import io.kisflow.engine.GoDifference;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.RunListener;
import io.kisflow.engine.TraceRecorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code run --conf DIR --flow NAME ...}: runs one flow over the input rows and prints the final
 * levels as one JSON object, source level first ({@code FunctionIDFirstVirtual}), then each
 * function's level in chain order. The input is parsed row by row in the background while the
 * project loads ({@link BackgroundInput}) and the result streamed out ({@link LevelsWriter}), so
 * neither is ever held as text. With {@code --dry-run} connector calls are recorded and listed on
 * stderr instead of performed (see {@link DryRun}). The run itself is guarded ({@link RunGuard}: timeout, out of
 * memory, plugin output kept off stdout, exit calls named).
 */
final class RunCommand {
    /** Long enough for any sensible batch from the command line; a run meant to take longer says so with --timeout. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** How a Load refused in a dry run gets its rows anyway, from the command line. */
    static final String DRY_RUN_ADVICE = "run it without --dry-run (the command line has no pinned rows)";
    /** Dry-run calls listed on stderr; later ones are counted. */
    static final int DRY_RUN_SHOWN = 50;

    /**
     * Made on first use (dry-run call listings), not when the class loads: Jackson's first ObjectMapper
     * costs ~100 ms of class initialisation, which the input's reading thread (InputRows) pays
     * beside the config loading instead of before it (docs/PERFORMANCE.md, "Command line cold start").
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("run", options);
        String flowName = args.required("--flow");
        Integer maxCalls = maxCalls(args);
        Duration timeout = args.optional("--timeout") == null ? DEFAULT_TIMEOUT : Durations.parse("--timeout", args.optional("--timeout"));
        String source = args.optional("--input");
        // read while the project loads and the engine is built; errors come out where the rows are committed
        BackgroundInput input = source == null ? null : BackgroundInput.start(source, args.flag("--json"), in);
        try {
            LoadResult loaded = Project.load(args.required("--conf"));
            if (loaded.hasErrors()) {
                Project.print(loaded.errors(), err);
                throw new CommandException(loaded.errors().size() + " problem(s) in " + args.required("--conf")
                        + "; fix them (see 'validate') before running");
            }
            ProjectCode sources = Project.code(args.required("--conf"));
            if (sources.hasErrors()) {
                Project.print(sources.problems().stream().filter(io.kisflow.config.Problem::isError).toList(), err);
                throw new CommandException("the function sources of " + args.required("--conf") + " do not compile; fix them (see 'validate') before running");
            }
            FlowConfig config = loaded.configs().flow(flowName);
            if (config == null) {
                throw new CommandException("no flow named '" + flowName + "' in " + args.required("--conf")
                        + "; flows there: " + String.join(", ", loaded.configs().flows().keySet()));
            }
            if (Cli.isMainProcess()) {
                ExitWatch.install(err);
            }
            AtomicReference<KisFlowRun> running = new AtomicReference<>();
            int code = RunGuard.run(timeout, err, () -> {
                KisFlowRun flow = running.get();
                if (flow != null) {
                    flow.abort();
                }
            }, () -> runFlow(args, loaded, config, maxCalls, sources, running, input));
            for (String refused : ExitWatch.takeRefused()) {
                err.println("warning: " + refused + "; it was refused, and the plugin went on");
            }
            return code;
        } finally {
            if (input != null) {
                input.cancel(); // a run that failed before its rows were needed
            }
        }
    }

    /** A flow whose first function is not a Load one takes its rows from the input. */
    private static boolean startsWithoutLoad(LoadResult loaded, FlowConfig config) {
        if (config.flows().isEmpty()) {
            return false;
        }
        io.kisflow.config.FuncConfig first = loaded.configs().func(config.flows().get(0).fname());
        return first == null || !"Load".equals(first.fmode());
    }

    /** The body of the run, on the guarded thread. */
    private int runFlow(Args args, LoadResult loaded, FlowConfig config, Integer maxCalls, ProjectCode code,
                        AtomicReference<KisFlowRun> running, BackgroundInput input) {
        RunGuard.doing("loading the plugins");
        try (Engine engine = Project.engine(loaded, args, maxCalls, code)) {
            for (String warning : engine.warnings()) {
                err.println("warning: " + warning);
            }
            KisFlowRun flow = engine.flow(config.flowName());
            DryRun dry = args.flag("--dry-run") ? new DryRun(DRY_RUN_ADVICE, DRY_RUN_SHOWN) : null;
            flow.setConnectorGate(dry);
            running.set(flow);
            if (input != null) {
                String source = args.optional("--input");
                RunGuard.doing("reading " + ("-".equals(source) ? "standard input" : source));
                input.commitTo(flow);
            } else if (startsWithoutLoad(loaded, config)) {
                // piping rows into run without --input ran the flow on nothing, silently (trial)
                err.println("note: no --input: flow '" + config.flowName() + "' runs on no source rows;"
                        + " give --input FILE, or --input - to read standard input");
            }
            if (!config.enabled()) {
                err.println("note: flow '" + config.flowName() + "' is disabled (status " + config.status() + "): nothing ran");
            }
            // a TraceRecorder attaches itself to the flow it records
            TraceRecorder trace = args.optional("--trace") == null ? null : new TraceRecorder(flow);
            flow.addListener(new RunListener() {
                @Override
                public void functionStarted(FunctionStart e) {
                    RunGuard.doing("function " + e.function() + " of flow " + e.flowName() + " was running");
                }
            });
            FlowException failure = null;
            try {
                RunGuard.doing("flow " + config.flowName() + " was starting");
                flow.run();
            } catch (FlowException e) {
                failure = e;
            }
            if (dry != null) {
                reportDryRun(dry);
            }
            if (args.flag("--go-semantics")) {
                // where this run did as a Go server does, and the Java engine would not (the trace has them in any run)
                reportGoDifferences(flow.goDifferences());
            }
            if (trace != null) {
                RunGuard.doing("writing the trace");
                writeTrace(trace, Path.of(args.optional("--trace")));
            }
            if (failure != null) {
                throw new CommandException(failure.getMessage(), failure);
            }
            RunGuard.doing("writing the result");
            LevelsWriter.write(flow.levels(), out);
            return 0;
        }
    }

    /**
     * What a dry run did instead of writing, on stderr (stdout keeps the levels alone): one line per
     * connector call with its arguments, the first {@value #DRY_RUN_SHOWN} of them, then a count.
     */
    private void reportDryRun(DryRun dry) {
        long total = dry.total();
        err.println("dry run: no connector was opened and nothing was written; " + total + " connector call"
                + (total == 1 ? "" : "s") + " recorded" + (total == 0 ? "" : ":"));
        for (DryRun.Call c : dry.calls()) {
            err.println("  " + c.describe() + ": " + compact(c.args()));
        }
        if (total > dry.kept()) {
            err.println("  ... and " + (total - dry.kept()) + " more");
        }
    }

    /** One line per difference on stderr; the same words on several calls (a loop, retries) once, with the count. */
    private void reportGoDifferences(List<GoDifference> notes) {
        java.util.Map<String, List<Integer>> calls = new java.util.LinkedHashMap<>();
        for (GoDifference d : notes) {
            String where = d.function() == null ? "" : d.function() + " (call%s): ";
            calls.computeIfAbsent(where + d.words(), k -> new java.util.ArrayList<>()).add(d.seq());
        }
        calls.forEach((line, seqs) -> err.println("go: " + (line.contains("(call%s)")
                ? line.replace("(call%s)", seqs.size() == 1 ? "(call " + seqs.get(0) + ")" : "(" + seqs.size() + " calls, the first " + seqs.get(0) + ")")
                : line)));
    }

    /** A call's arguments as one line of JSON, cut at 300 characters. */
    private static String compact(Object args) {
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            text = String.valueOf(args);
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static Integer maxCalls(Args args) {
        return args.positive("--max-calls", null);
    }

    private static void writeTrace(TraceRecorder trace, Path file) {
        try {
            trace.write(file);
        } catch (IOException e) {
            throw new CommandException("could not write the trace to " + file + ": " + IoReasons.describe(e, file), e);
        }
    }
}
