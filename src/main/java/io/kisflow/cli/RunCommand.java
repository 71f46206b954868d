package io.kisflow.cli;

import io.kisflow.config.FlowConfig;
import io.kisflow.config.IoReasons;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.FunctionStart;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.RunListener;
import io.kisflow.engine.TraceRecorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code run --conf DIR --flow NAME ...}: runs one flow over the input rows and prints the final
 * levels as one JSON object, source level first ({@code FunctionIDFirstVirtual}), then each
 * function's level in chain order. The input is parsed row by row in the background while the
 * project loads ({@link BackgroundInput}) and the result streamed out ({@link LevelsWriter}), so
 * neither is ever held as text; the run itself is guarded ({@link RunGuard}: timeout, out of
 * memory, plugin output kept off stdout, exit calls named).
 */
final class RunCommand {
    /** Long enough for any sensible batch from the command line; a run meant to take longer says so with --timeout. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("run", options,
                Set.of("--conf", "--flow", "--input", "--plugin", "--trace", "--max-calls", "--timeout"),
                Set.of("--json", "--no-samples"));
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
            }, () -> runFlow(args, loaded, config, maxCalls, running, input));
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

    /** The body of the run, on the guarded thread. */
    private int runFlow(Args args, LoadResult loaded, FlowConfig config, Integer maxCalls, AtomicReference<KisFlowRun> running,
                        BackgroundInput input) {
        RunGuard.doing("loading the plugins");
        try (Engine engine = Project.engine(loaded, args, maxCalls)) {
            for (String warning : engine.warnings()) {
                err.println("warning: " + warning);
            }
            KisFlowRun flow = engine.flow(config.flowName());
            running.set(flow);
            if (input != null) {
                String source = args.optional("--input");
                RunGuard.doing("reading " + ("-".equals(source) ? "standard input" : source));
                input.commitTo(flow);
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

    private static Integer maxCalls(Args args) {
        String v = args.optional("--max-calls");
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--max-calls needs a positive whole number, not '" + v + "'");
        }
    }

    private static void writeTrace(TraceRecorder trace, Path file) {
        try {
            trace.write(file);
        } catch (IOException e) {
            throw new CommandException("could not write the trace to " + file + ": " + IoReasons.describe(e, file), e);
        }
    }
}
