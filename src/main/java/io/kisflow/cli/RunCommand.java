package io.kisflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.Level;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.TraceRecorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run --conf DIR --flow NAME ...}: runs one flow over the input rows and prints the final
 * levels as one JSON object, source level first ({@code FunctionIDFirstVirtual}), then each
 * function's level in chain order.
 */
final class RunCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
                Set.of("--conf", "--flow", "--input", "--plugin", "--trace", "--max-calls"),
                Set.of("--json", "--no-samples"));
        String flowName = args.required("--flow");
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
        List<Object> rows = args.optional("--input") == null ? List.of()
                : InputRows.read(args.optional("--input"), args.flag("--json"), in);
        if (!config.enabled()) {
            err.println("note: flow '" + flowName + "' is disabled (status " + config.status() + "): nothing ran");
        }
        try (Engine engine = Project.engine(loaded, args, maxCalls(args))) {
            KisFlowRun flow = engine.flow(flowName);
            // a TraceRecorder attaches itself to the flow it records
            TraceRecorder trace = args.optional("--trace") == null ? null : new TraceRecorder(flow);
            flow.commitRowBatch(rows);
            FlowException failure = null;
            try {
                flow.run();
            } catch (FlowException e) {
                failure = e;
            }
            if (trace != null) {
                writeTrace(trace, Path.of(args.optional("--trace")));
            }
            if (failure != null) {
                throw new CommandException(failure.getMessage(), failure);
            }
            out.println(toJson(flow.levels()));
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
            throw new CommandException("could not write the trace to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String toJson(List<Level> levels) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Level level : levels) {
            byName.put(level.name(), level.rows());
        }
        try {
            return JSON.writeValueAsString(byName);
        } catch (IOException e) {
            throw new CommandException("a row cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
