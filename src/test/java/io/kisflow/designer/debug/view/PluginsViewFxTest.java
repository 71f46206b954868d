package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Plugins tab: what the plugins implement, what is missing, reloading, and plugin paths added through the chooser. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class PluginsViewFxTest {
    @TempDir
    Path project;
    private RunViewsFixture fixture;
    private PluginsView view;
    private final Deque<Path> chosenJars = new ArrayDeque<>();
    private final Deque<Path> chosenFolders = new ArrayDeque<>();

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture(project, DebugOptions.defaults().withMetrics(false));
        view = new PluginsView(fixture.session, new PluginsChooser() {
            @Override
            public Optional<Path> chooseJar(Window owner, Path initial) {
                return Optional.ofNullable(chosenJars.poll());
            }

            @Override
            public Optional<Path> chooseFolder(Window owner, Path initial) {
                return Optional.ofNullable(chosenFolders.poll());
            }
        });
        stage.setScene(new Scene(view, 320, 760));
        Theme.LIGHT.applyTo(stage.getScene());
        stage.show();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private List<String> items(FxRobot robot, String id) {
        return fx(() -> List.copyOf(robot.lookup(id).queryAs(ListView.class).getItems()));
    }

    private String result(FxRobot robot) {
        return fx(() -> robot.lookup("#pluginsResult").queryAs(Label.class).getText());
    }

    /** Compiles a plugin that implements Rank (a function the project uses without code) into a class folder. */
    private static void buildRankPlugin(Path folder) throws IOException {
        Path src = folder.resolveSibling("src").resolve("demo/RankPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package demo;
                public final class RankPlugin implements io.kisflow.engine.KisPlugin {
                    public void register(io.kisflow.engine.Pool pool) {
                        pool.faas("Rank", flow -> flow.commitRowBatch(flow.input()));
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", folder.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the test plugin does not compile");
        Path services = folder.resolve("META-INF/services/io.kisflow.engine.KisPlugin");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "demo.RankPlugin\n");
    }

    @Test
    void theSamplesFunctionsAndConnectorsAreListedAndReloadReportsTheCount(FxRobot robot) {
        List<String> functions = items(robot, "#pluginFunctions");
        assertTrue(functions.containsAll(List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore", "Attempt", "CheckDone",
                "TrimLines", "RankScores", "SaveAvgScore", "LoadAvgScore")), functions.toString());
        assertEquals(List.of("GradeFile", "ScoreStore"), items(robot, "#pluginConnectors"));
        assertTrue(items(robot, "#pluginMissing").contains("flow Draft uses function Rank, which no plugin implements"));
        assertEquals(List.of(), items(robot, "#pluginPaths"));

        robot.clickOn("#pluginsReload");
        assertEquals("Plugins reloaded: " + functions.size() + " functions and 1 connector have code", result(robot));
        assertTrue(fx(() -> robot.lookup("#pluginsResult").queryAs(Label.class).getStyleClass().contains("plugins-ok")));
    }

    @Test
    void aFolderAddedThroughTheChooserIsKeptRelativeAndItsFunctionsHaveCode(FxRobot robot) throws IOException {
        Path classes = project.resolve("plugin/classes");
        buildRankPlugin(classes);
        chosenFolders.add(classes);
        robot.clickOn("#pluginsAddFolder");
        assertEquals(List.of("plugin/classes"), fx(() -> fixture.session.pluginPaths()));
        assertEquals(List.of("plugin/classes"), items(robot, "#pluginPaths"));
        assertTrue(items(robot, "#pluginFunctions").contains("Rank"));
        assertFalse(items(robot, "#pluginMissing").contains("flow Draft uses function Rank, which no plugin implements"));
        assertTrue(result(robot).startsWith("Added plugin/classes: "), result(robot));

        // Remove takes it out of the session's list again
        robot.clickOn("plugin/classes");
        robot.clickOn("#pluginsRemove");
        assertEquals(List.of(), fx(() -> fixture.session.pluginPaths()));
        assertFalse(items(robot, "#pluginFunctions").contains("Rank"));
    }

    @Test
    void aJarOutsideTheProjectStaysAbsoluteAndAMissingOneIsExplained(FxRobot robot, @TempDir Path elsewhere) {
        Path jar = elsewhere.resolve("build/rank.jar");
        chosenJars.add(jar);
        robot.clickOn("#pluginsAddJar");
        assertEquals(List.of(jar.toAbsolutePath().normalize().toString()), fx(() -> fixture.session.pluginPaths()));
        String why = "plugins could not be loaded: plugin path " + jar.toAbsolutePath().normalize()
                + " does not exist: build the plugin, or remove it from the project's plugin list";
        assertEquals(why, items(robot, "#pluginMissing").get(0));
        assertEquals("Added " + jar.toAbsolutePath().normalize() + ", but the " + why, result(robot));
        assertTrue(fx(() -> robot.lookup("#pluginsResult").queryAs(Label.class).getStyleClass().contains("run-error-text")));

        // a second add of the same path does not list it twice
        chosenJars.add(jar);
        robot.clickOn("#pluginsAddJar");
        assertEquals(1, fx(() -> fixture.session.pluginPaths().size()));
    }

    @Test
    void writtenPathsAreRelativeInsideTheProjectOnly() {
        assertEquals("lib/a.jar", PluginsPaths.written(project, project.resolve("lib/a.jar")));
        assertEquals(project.resolveSibling("a.jar").toAbsolutePath().toString(), PluginsPaths.written(project, project.resolveSibling("a.jar")));
        assertEquals(project.resolve("x.jar").toAbsolutePath().toString(), PluginsPaths.written(null, project.resolve("x.jar")));
        assertEquals(List.of("a.jar", "b"), PluginsPaths.add(List.of("a.jar"), project, project.resolve("b")));
        assertEquals(List.of("a.jar"), PluginsPaths.add(List.of("a.jar"), project, project.resolve("a.jar")));
        assertEquals(List.of("b"), PluginsPaths.remove(List.of("a.jar", "b"), "a.jar"));
    }
}
