package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.Problem;
import io.kisflow.designer.debug.input.InputMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project's own plugin folder: loaded, shown as implementing its function, and reloaded after a rebuild without restarting. */
class PluginReloadTest {
    private static final ConfigSet PROJECT = ConfigSet.EMPTY
            .withFunc(FuncConfig.of("Shout", "Calculate"))
            .withFlow(FlowConfig.of("Greet", FlowStep.of("Shout")));

    /** Compiles a plugin whose Shout function appends {@code suffix} into a class folder. */
    private static void buildPlugin(Path folder, String suffix) throws IOException {
        Path src = folder.resolveSibling("src").resolve("demo/ShoutPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package demo;
                public final class ShoutPlugin implements io.kisflow.engine.KisPlugin {
                    public void register(io.kisflow.engine.Pool pool) {
                        pool.faas("Shout", flow -> flow.input().forEach(r -> flow.commitRow(r + "%s")));
                    }
                }
                """.formatted(suffix));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", folder.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the test plugin does not compile");
        Path services = folder.resolve("META-INF/services/io.kisflow.engine.KisPlugin");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "demo.ShoutPlugin\n");
    }

    @Test
    void aPluginFolderOfTheProjectIsLoadedAndReloadedAfterARebuild(@TempDir Path project) throws IOException {
        Path classes = project.resolve("plugin/classes");
        buildPlugin(classes, "!");
        DebugSettings settings = DebugSettings.EMPTY.withInput("Greet", List.of("hi"), InputMode.TEXT).withPluginPaths(List.of("plugin/classes"));
        DebugSession s = new DebugSession(project, PROJECT, settings, DebugOptions.defaults().withMetrics(false), Runnable::run, Runnable::run);
        try (SessionDriver d = SessionDriver.wrap(s)) {
            assertTrue(s.implementedFunctions().contains("Shout"));
            assertEquals(CodeSource.PLUGIN, s.flow("Greet").card(0).codeSourceProperty().get());
            assertTrue(s.run("Greet"));
            d.await(SessionState.FINISHED);
            assertEquals(List.of("hi!"), s.flow("Greet").card(0).outputProperty().get().rows());

            buildPlugin(classes, "?!");
            assertTrue(s.reloadPlugins(), s.messageProperty().get());
            assertTrue(s.flow("Greet").card(0).staleProperty().get());
            assertTrue(s.run("Greet"));
            d.await(SessionState.FINISHED);
            assertEquals(List.of("hi?!"), s.flow("Greet").card(0).outputProperty().get().rows());
            assertEquals(List.of("plugin/classes"), s.settings().pluginPaths());
        }
    }

    @Test
    void aReloadRunsAsLongWorkAndACancelKeepsThePluginsLoadedBefore(@TempDir Path project) throws IOException {
        Path classes = project.resolve("plugin/classes");
        buildPlugin(classes, "!");
        DebugSettings settings = DebugSettings.EMPTY.withInput("Greet", List.of("hi"), InputMode.TEXT).withPluginPaths(List.of("plugin/classes"));
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        DebugSession s = new DebugSession(project, PROJECT, settings, DebugOptions.defaults().withMetrics(false), Runnable::run,
                r -> background.add(r));
        io.kisflow.designer.status.StatusModel status = new io.kisflow.designer.status.StatusModel(Runnable::run);
        java.util.List<String> shown = new java.util.ArrayList<>();
        status.messageProperty().addListener((o, a, m) -> shown.add(m));
        try (SessionDriver d = SessionDriver.wrap(s)) {
            background.forEach(Runnable::run); // the first load of the plugins
            background.clear();
            buildPlugin(classes, "?!");
            // the user presses Cancel while the rebuilt jar is read
            status.messageProperty().addListener((o, a, m) -> {
                if (m.equals("Reloading plugins: plugin/classes")) {
                    status.cancel();
                }
            });
            java.util.concurrent.CompletableFuture<Boolean> reload = s.reloadPlugins(status);
            assertTrue(status.busyProperty().get());
            assertFalse(s.run("Greet"), "no run on code being replaced");
            assertEquals("Wait until the plugins are reloaded (or cancel it in the status bar), then run again", s.messageProperty().get());
            background.forEach(Runnable::run);

            assertFalse(reload.join());
            assertTrue(shown.contains("Reloading plugins: plugin/classes"), shown.toString());
            assertFalse(status.busyProperty().get());
            assertEquals("Reloading the plugins was cancelled; the plugins loaded before stay.", s.messageProperty().get());
            assertFalse(s.flow("Greet").card(0).staleProperty().get(), "nothing changed");
            assertTrue(s.run("Greet"));
            d.await(SessionState.FINISHED);
            assertEquals(List.of("hi!"), s.flow("Greet").card(0).outputProperty().get().rows(), "the plugin loaded before still runs");
        }
    }

    @Test
    void aReloadAsLongWorkLoadsTheRebuiltPlugin(@TempDir Path project) throws IOException {
        Path classes = project.resolve("plugin/classes");
        buildPlugin(classes, "!");
        DebugSettings settings = DebugSettings.EMPTY.withInput("Greet", List.of("hi"), InputMode.TEXT).withPluginPaths(List.of("plugin/classes"));
        DebugSession s = new DebugSession(project, PROJECT, settings, DebugOptions.defaults().withMetrics(false), Runnable::run, Runnable::run);
        io.kisflow.designer.status.StatusModel status = new io.kisflow.designer.status.StatusModel(Runnable::run);
        try (SessionDriver d = SessionDriver.wrap(s)) {
            assertTrue(s.run("Greet"));
            d.await(SessionState.FINISHED);
            buildPlugin(classes, "?!");
            assertTrue(s.reloadPlugins(status).join(), s.messageProperty().get());
            assertEquals("Plugins reloaded: 1 functions, 0 connectors", s.messageProperty().get().replaceAll("\\d+ functions", "1 functions"));
            assertTrue(s.flow("Greet").card(0).staleProperty().get());
            assertTrue(s.run("Greet"));
            d.await(SessionState.FINISHED);
            assertEquals(List.of("hi?!"), s.flow("Greet").card(0).outputProperty().get().rows());
        }
    }

    @Test
    void aMissingPluginPathIsNamedAndTheRunRefused(@TempDir Path project) {
        DebugSettings settings = DebugSettings.EMPTY.withPluginPaths(List.of("build/missing.jar"));
        DebugSession s = new DebugSession(project, PROJECT, settings, DebugOptions.defaults().withMetrics(false), Runnable::run, Runnable::run);
        try (s) {
            String why = "plugin path " + project.resolve("build/missing.jar")
                    + " does not exist: build the plugin, or remove it from the project's plugin list";
            assertEquals("plugins could not be loaded: " + why, s.missingImplementations().get(0));
            assertFalse(s.run("Greet"));
            assertEquals(List.of("the plugins could not be loaded: " + why), s.problems().stream().map(Problem::message).toList());
            assertFalse(s.reloadPlugins());
            assertEquals("Plugins could not be loaded: " + why, s.messageProperty().get());

            s.setPluginPaths(List.of());
            assertEquals(CodeSource.PASS_THROUGH, s.flow("Greet").card(0).codeSourceProperty().get());
            assertTrue(s.run("Greet"));
        }
    }
}
