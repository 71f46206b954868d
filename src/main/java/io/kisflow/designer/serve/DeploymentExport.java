package io.kisflow.designer.serve;

import io.kisflow.config.FolderExport;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.serve.Deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Export deployment": a directory from which one command starts an instance of the flow's service on
 * a server, and the same command on more machines scales it out (same group):
 * <pre>
 * OUT/conf/                 the project's configs as Go servers load them (the exporter), and
 * OUT/conf/functions/       its function sources (serve compiles them at start)
 * OUT/plugins/              copies of the project's plugin jars, when it has any
 * OUT/deployment.yaml       the deployment file of {@code serve --deploy} (outside conf/: Go's loader
 *                           reads every YAML file under conf/)
 * OUT/start.sh, README.md   the exact command
 * </pre>
 * The configs are those of the designer (unsaved edits included), written all or nothing.
 *
 * <pre>{@code DeploymentExport.Result r = DeploymentExport.write(doc.state(), doc.directory(), "Orders", settings, out, "kisflow-studio.jar");}</pre>
 */
public final class DeploymentExport {
    /** The deployment file's name in the exported directory. */
    public static final String DEPLOYMENT_FILE = "deployment.yaml";
    /** Where the health, readiness and metrics endpoints listen in a deployment (all interfaces: a scraper is elsewhere). */
    public static final String HTTP = "0.0.0.0:9464";

    /** What was written, and the command that starts an instance (run in {@code dir}). */
    public record Result(Path dir, List<Path> written, String command) {
    }

    private DeploymentExport() {
    }

    /**
     * Writes the directory. {@code projectDir} (may be null for a project never saved) resolves the
     * plugin paths and guards against exporting into the project itself.
     *
     * @param jarName the studio jar the command names (the one this designer runs from, or its file name)
     * @throws IOException an export refused (with the reason) or a file that could not be written
     */
    public static Result write(DesignState state, Path projectDir, String flow, DeploymentSettings s, Path outDir, String jarName)
            throws IOException {
        if (!state.configs().flows().containsKey(flow)) {
            throw new IllegalArgumentException("the project has no flow named " + flow);
        }
        Path out = outDir.toAbsolutePath().normalize();
        if (projectDir != null && out.startsWith(projectDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the deployment directory must not be inside the project " + projectDir
                    + " (the project's loader would read its YAML files); choose a folder outside it");
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        Path conf = out.resolve("conf");
        written.addAll(FolderExport.write(state.configs(), projectDir, conf, true).written());
        for (Map.Entry<String, String> source : state.code().entrySet()) {
            Path file = conf.resolve(source.getKey()).normalize();
            if (!file.startsWith(conf)) {
                continue; // a path outside the project is no function source of it
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            written.add(file);
        }
        List<String> plugins = new ArrayList<>();
        if (projectDir != null) {
            for (Path plugin : state.layout().resolvedPluginPaths(projectDir)) {
                if (Files.isRegularFile(plugin)) {
                    Path copy = out.resolve("plugins").resolve(plugin.getFileName());
                    Files.createDirectories(copy.getParent());
                    Files.copy(plugin, copy, StandardCopyOption.REPLACE_EXISTING);
                    written.add(copy);
                    plugins.add("plugins/" + plugin.getFileName());
                } else {
                    plugins.add(plugin.toString()); // a class folder stays where it is: the README says so
                }
            }
        }
        Deployment d = new Deployment("conf", plugins, HTTP, List.of(new Deployment.ServedFlow(flow, s.kafka(), s.topic(), s.group(),
                s.threads(), s.batchSize(), s.batchWaitMs(), s.json(), s.deadLetter().isBlank() ? null : s.deadLetter(), Map.of(),
                s.commitIntervalMs())));
        Path deployment = out.resolve(DEPLOYMENT_FILE);
        d.write(deployment);
        written.add(deployment);
        String command = "java -jar " + jarName + " serve --deploy " + DEPLOYMENT_FILE;
        Path start = out.resolve("start.sh");
        Files.writeString(start, startScript(jarName), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(start, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Windows: sh start.sh works all the same
        }
        written.add(start);
        Path readme = out.resolve("README.md");
        Files.writeString(readme, readme(flow, s, command, flagsCommand(jarName, flow, s, plugins), plugins), StandardCharsets.UTF_8);
        written.add(readme);
        return new Result(out, List.copyOf(written), command);
    }

    private static String startScript(String jarName) {
        return """
                #!/bin/sh
                # Starts one instance of the service. Start the same on more machines to share the topic's
                # partitions (same consumer group). SIGTERM stops it after the batches in flight are committed.
                cd "$(dirname "$0")" || exit 1
                exec java ${JAVA_OPTS} -jar "${KISFLOW_JAR:-%s}" serve --deploy %s "$@"
                """.formatted(jarName, DEPLOYMENT_FILE);
    }

    /** The same service as one command line without the deployment file (run in the exported directory). */
    static String flagsCommand(String jarName, String flow, DeploymentSettings s, List<String> plugins) {
        List<String> words = new ArrayList<>(List.of("java", "-jar", jarName, "serve", "--conf", "conf", "--flow", flow));
        words.addAll(s.serveOptions());
        words.addAll(List.of("--http", HTTP));
        for (String plugin : plugins) {
            words.addAll(List.of("--plugin", plugin));
        }
        return String.join(" ", words.stream().map(DeploymentExport::shellWord).toList());
    }

    /** A word as a POSIX shell reads it back: quoted only when it has to be. */
    private static String shellWord(String w) {
        return !w.isEmpty() && w.matches("[A-Za-z0-9_@%+=:,./-]+") ? w : "'" + w.replace("'", "'\\''") + "'";
    }

    private static String commitSentence(long ms) {
        return ms == 0 ? "offsets are committed after every poll (after a crash only the batches in flight run again)"
                : "offsets are committed at most every " + ms + " ms (after a crash up to that much of a thread's stream runs again)";
    }

    private static String readme(String flow, DeploymentSettings s, String command, String flagsCommand, List<String> plugins) {
        return """
                # Serving flow %s

                Start an instance (Java 17 or newer, the KisFlow Studio jar beside this file or named by `KISFLOW_JAR`):

                ```sh
                %s
                ```

                or `./start.sh`. It consumes topic `%s` on `%s` as consumer group `%s` with %d thread(s),
                %d records per batch at most, waiting %d ms for a batch%s; %s; %s.
                Every instance started with the same group shares the topic's partitions: start more to scale out.

                The same without the deployment file, every setting a flag:

                ```sh
                %s
                ```

                - `conf/` holds the KisFlow configs (Go servers load them unchanged) and `conf/functions/`
                  the function sources, compiled when the service starts.
                - `%s` is the deployment file (outside `conf/`: Go's loader reads every YAML file there).
                - `/health`, `/ready` and `/metrics` (Prometheus) answer on %s.
                - SIGTERM stops the service after the batches in flight are committed (exit 0).
                %s
                See docs/SERVE.md of KisFlow Studio for the guarantees.
                """.formatted(flow, command, s.topic(), s.kafka(), s.group(), s.threads(), s.batchSize(), s.batchWaitMs(),
                s.json() ? ", values parsed as JSON" : "", commitSentence(s.commitIntervalMs()),
                s.deadLetter().isBlank() ? "a batch that fails pauses its partition (no dead-letter topic)" : "failed batches go to `" + s.deadLetter() + "`",
                flagsCommand, DEPLOYMENT_FILE, HTTP,
                plugins.isEmpty() ? "" : "- Plugins: " + String.join(", ", plugins) + " (a class folder is named where it was; copy it along).\n");
    }
}
