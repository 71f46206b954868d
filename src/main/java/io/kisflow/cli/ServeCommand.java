package io.kisflow.cli;

import io.kisflow.code.ProjectCode;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.serve.Deployment;
import io.kisflow.serve.DeploymentException;
import io.kisflow.serve.FlowService;
import io.kisflow.serve.ServeHttp;
import io.kisflow.serve.ServeLog;
import io.kisflow.serve.ServeMetrics;
import io.kisflow.serve.ServeSettings;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code serve --conf DIR --flow NAME --kafka HOST:PORT --topic T --group G ...}, or
 * {@code serve --deploy FILE} for every flow of a {@link Deployment}: the flows as long-running
 * consumers of Kafka topics ({@link FlowService}) until SIGTERM or Ctrl-C, which stop polling,
 * finish and commit the batches in flight, close the consumers and exit 0. A second signal exits at
 * once (status 130). One logfmt line per batch on stderr; {@code --http} serves health, readiness
 * and metrics (docs/SERVE.md).
 */
final class ServeCommand {
    /** The options a deployment file holds per flow; on the command line they go with --flow. */
    private static final List<String> PER_FLOW = List.of("--flow", "--kafka", "--topic", "--group", "--threads", "--batch-size", "--batch-wait",
            "--json", "--dead-letter");

    private final PrintStream err;

    ServeCommand(PrintStream err) {
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("serve", options);
        String deployFile = args.optional("--deploy");
        List<ServeSettings> flows;
        String dir;
        String http = args.optional("--http");
        List<Path> plugins = new ArrayList<>();
        if (deployFile == null) {
            dir = args.required("--conf");
            flows = List.of(fromFlags(args));
        } else {
            for (String o : PER_FLOW) {
                if (args.optional(o) != null || args.flag(o)) {
                    throw new UsageException(o + " belongs in the deployment file when --deploy is given (each flow there has its own)");
                }
            }
            Path file = Project.existing(deployFile, "--deploy");
            Deployment deployment;
            try {
                deployment = Deployment.read(file);
            } catch (DeploymentException e) {
                throw new CommandException(e.getMessage());
            } catch (IOException e) {
                throw new CommandException("cannot read the deployment file " + file + ": " + e.getMessage(), e);
            }
            Path conf = args.optional("--conf") != null ? Path.of(args.optional("--conf")) : deployment.confDir(file);
            if (conf == null) {
                throw new UsageException("the deployment file " + file + " names no 'conf:'; give --conf DIR");
            }
            try {
                Deployment.refuseInside(file, conf);
            } catch (DeploymentException e) {
                throw new CommandException(e.getMessage());
            }
            dir = conf.toString();
            flows = deployment.flows().stream().map(Deployment.ServedFlow::settings).toList();
            http = http != null ? http : deployment.http();
            plugins.addAll(deployment.pluginPaths(file));
        }
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
        for (ServeSettings s : flows) {
            FlowConfig config = loaded.configs().flow(s.flow());
            if (config == null) {
                throw new CommandException("no flow named '" + s.flow() + "' in " + dir + "; flows there: "
                        + String.join(", ", loaded.configs().flows().keySet()));
            }
            if (!config.enabled()) {
                throw new CommandException("flow '" + s.flow() + "' is disabled (status " + config.status() + "); set status: 1 to serve it");
            }
        }
        Engine.Builder builder = Project.builder(loaded, args, null, code);
        plugins.forEach(p -> builder.pluginPath(Project.existing(p.toString(), "the deployment's plugins")));
        if (http != null) {
            builder.metrics(true); // Go's metrics beside the service's, on the same /metrics
        }
        try (Engine engine = Project.build(builder)) {
            engine.warnings().forEach(w -> err.println("warning: " + w));
            return serve(engine, flows, http);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while serving", e);
        }
    }

    private static ServeSettings fromFlags(Args args) {
        int threads = args.positive("--threads", 1);
        int batchSize = args.positive("--batch-size", ServeSettings.DEFAULT_BATCH_SIZE);
        Duration batchWait = args.optional("--batch-wait") == null ? ServeSettings.DEFAULT_BATCH_WAIT
                : Duration.ofMillis(args.positive("--batch-wait", 0));
        return new ServeSettings(args.required("--flow"), args.required("--kafka"), args.required("--topic"), args.required("--group"),
                threads, batchSize, batchWait, args.flag("--json"), args.optional("--dead-letter"));
    }

    private int serve(Engine engine, List<ServeSettings> flows, String http) throws InterruptedException {
        ServeLog log = new ServeLog(err);
        ServeMetrics metrics = new ServeMetrics(engine.metricsRegistry().orElseGet(PrometheusRegistry::new));
        // a signal can come while the services start: the handler sees those started so far, later ones see stopRequested
        List<FlowService> services = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean stopRequested = new AtomicBoolean();
        Runnable stopAll = () -> services.forEach(FlowService::stop);
        try (ServeHttp endpoint = http == null ? null : startHttp(http, services, metrics)) {
            if (Cli.isMainProcess()) {
                StopSignals.install(() -> {
                    stopRequested.set(true);
                    log.info("stopping", "note", "finishing the batches in flight");
                    stopAll.run();
                }, services);
            }
            for (ServeSettings s : flows) {
                if (stopRequested.get()) {
                    break;
                }
                services.add(FlowService.start(engine, s, log, metrics));
                log.info("serving", "flow", s.flow(), "topic", s.topic(), "group", s.group(), "threads", s.threads(),
                        "dead_letter", s.deadLetter() == null ? "none (a failed batch pauses its partition)" : s.deadLetter());
            }
            if (endpoint != null) {
                log.info("http", "address", "http://" + endpoint.address().getHostString() + ":" + endpoint.address().getPort(),
                        "paths", "/health /ready /metrics");
            }
            FlowService ended = null;
            while (ended == null && !stopRequested.get()) {
                Thread.sleep(200);
                ended = services.stream().filter(s -> !s.isRunning()).findFirst().orElse(null);
            }
            stopAll.run();
            for (FlowService s : services) {
                while (!s.awaitStopped(Duration.ofSeconds(1))) {
                    // each batch in flight finishes and is committed; a second signal exits at once
                }
            }
            if (ended != null && !stopRequested.get()) {
                throw new CommandException("every consumer of flow " + ended.settings().flow() + " ended: "
                        + String.join("; ", ended.failures()) + "; the service stopped");
            }
            log.info("stopped", "note", "every finished batch is committed");
            return 0;
        }
    }

    private static ServeHttp startHttp(String http, List<FlowService> services, ServeMetrics metrics) {
        try {
            return ServeHttp.start(http, services, metrics);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot serve --http at " + http + ": " + e.getMessage()
                    + " (is another program using the port? choose another HOST:PORT)", e);
        }
    }
}
