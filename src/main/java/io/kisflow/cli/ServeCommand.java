package io.kisflow.cli;

import io.kisflow.code.ProjectCode;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.serve.FlowService;
import io.kisflow.serve.ServeSettings;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code serve --conf DIR --flow NAME --kafka HOST:PORT --topic T --group G ...}: the flow as a
 * long-running consumer of a Kafka topic ({@link FlowService}) until SIGTERM or Ctrl-C, which stop
 * polling, finish and commit the batches in flight, close the consumers and exit 0. A second signal
 * exits at once (status 130). One line per batch on stderr (docs/SERVING.md).
 */
final class ServeCommand {
    private final PrintStream err;

    ServeCommand(PrintStream err) {
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("serve", options);
        String dir = args.required("--conf");
        String flowName = args.required("--flow");
        int threads = args.positive("--threads", 1);
        int batchSize = args.positive("--batch-size", ServeSettings.DEFAULT_BATCH_SIZE);
        Duration batchWait = args.optional("--batch-wait") == null ? ServeSettings.DEFAULT_BATCH_WAIT
                : Duration.ofMillis(args.positive("--batch-wait", 0));
        ServeSettings settings = new ServeSettings(flowName, args.required("--kafka"), args.required("--topic"), args.required("--group"),
                threads, batchSize, batchWait, args.flag("--json"), args.optional("--dead-letter"));
        LoadResult loaded = Project.load(dir);
        if (loaded.hasErrors()) {
            Project.print(loaded.errors(), err);
            throw new CommandException(loaded.errors().size() + " problem(s) in " + dir + "; fix them (see 'validate') before serving");
        }
        ProjectCode code = Project.code(dir);
        if (code.hasErrors()) {
            Project.print(code.problems().stream().filter(io.kisflow.config.Problem::isError).toList(), err);
            throw new CommandException("the function sources of " + dir + " do not compile; fix them (see 'validate') before serving");
        }
        FlowConfig config = loaded.configs().flow(flowName);
        if (config == null) {
            throw new CommandException("no flow named '" + flowName + "' in " + dir + "; flows there: "
                    + String.join(", ", loaded.configs().flows().keySet()));
        }
        if (!config.enabled()) {
            throw new CommandException("flow '" + flowName + "' is disabled (status " + config.status() + "); set status: 1 to serve it");
        }
        try (Engine engine = Project.engine(loaded, args, null, code)) {
            engine.warnings().forEach(w -> err.println("warning: " + w));
            FlowService service = FlowService.start(engine, settings, err);
            AtomicBoolean stopRequested = new AtomicBoolean();
            if (Cli.isMainProcess()) {
                StopSignals.install(() -> {
                    stopRequested.set(true);
                    err.println("serve: stopping: finishing the batches in flight");
                    service.stop();
                }, service);
            }
            err.println("serve: flow=" + flowName + " topic=" + settings.topic() + " group=" + settings.group() + " threads=" + threads
                    + " dead-letter=" + (settings.deadLetter() == null ? "none (a failed batch pauses its partition)" : settings.deadLetter()));
            while (!service.awaitStopped(Duration.ofSeconds(1))) {
                // the threads run until a stop signal; nothing to do here but wait
            }
            if (!stopRequested.get()) {
                throw new CommandException("every consumer of flow " + flowName + " ended (see the lines above); the service stopped");
            }
            err.println("serve: stopped; every finished batch is committed");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while serving flow " + flowName, e);
        }
    }
}
