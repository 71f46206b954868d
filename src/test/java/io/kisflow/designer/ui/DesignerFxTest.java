package io.kisflow.designer.ui;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowStep;
import io.kisflow.designer.files.FileDialogs;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Base of the window tests: a real designer window (headless Monocle) on a fresh copy of
 * conf-samples, with directory choosers answered by the test. Helpers convert canvas positions of
 * the view-model to screen points for the robot and read the YAML files back.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
abstract class DesignerFxTest {
    // subclasses: @Start void start(Stage stage) throws IOException { startDesigner(stage); }
    @TempDir
    Path tmp;
    Path project;
    Path stateDir;
    DesignerViewModel vm;
    DesignerWindow window;
    Map<Path, String> original;
    final Deque<Path> chosenDirectories = new ArrayDeque<>();

    /** Called by each test class's {@code @Start} (TestFX looks for it on the test class itself, not on this base). */
    void startDesigner(Stage stage) throws IOException {
        project = tmp.resolve("project");
        stateDir = tmp.resolve("state");
        copyTree(Path.of("conf-samples"), project);
        original = readAll(project);
        window = openWindow(stage);
        window.files().openProject(project);
    }

    /** How the window's debugger runs flows; tests of the debugger add plugins of their own. */
    io.kisflow.designer.debug.DebugOptions debugOptions() {
        return io.kisflow.designer.debug.DebugOptions.defaults().withMetrics(false);
    }

    DesignerWindow openWindow(Stage stage) {
        vm = new DesignerViewModel(stateDir, debugOptions());
        FileDialogs dialogs = (owner, title, initial) -> Optional.ofNullable(chosenDirectories.poll());
        DesignerWindow w = new DesignerWindow(stage, vm, dialogs);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.setX(0);
        stage.setY(0);
        w.show();
        return w;
    }

    @AfterEach
    void stopAutosave() {
        DesignerWindow w = window;
        if (w != null) {
            Platform.runLater(w::shutdown);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- the debugger ----------------------------------------------------------------------------

    /** Waits (up to a generous limit, so a broken run fails instead of hanging) until the debug session is in this state. */
    void awaitState(io.kisflow.designer.debug.SessionState wanted) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> vm.debugger.session().state() == wanted);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A PNG of a node into target/screens, to look at (taken on the FX thread). */
    static void shot(Node node, String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            io.kisflow.designer.Snapshots.save(node, Path.of("target", "screens").resolve(name));
            return null;
        }).get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    // ---- positions --------------------------------------------------------------------------------

    Point2D screen(double[] canvasPoint) {
        return window.canvasView().localToScreen(canvasPoint[0], canvasPoint[1]);
    }

    Point2D card(String flow, int index) {
        return screen(vm.canvas.cardCentre(flow, index));
    }

    Point2D gap(String flow, int index) {
        return screen(vm.canvas.gapPoint(flow, index));
    }

    Point2D badge(String cname) {
        return screen(vm.canvas.badgeCentre(cname));
    }

    /** The palette entry showing this name. */
    Node paletteEntry(FxRobot robot, String name) {
        return robot.lookup(n -> n instanceof Label l && l.getStyleClass().contains("palette-name") && name.equals(l.getText()))
                .query();
    }

    /** Shows the whole project at a zoom where every lane and badge fits in the canvas. */
    void fitCanvas() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> vm.canvas.fit());
        WaitForAsyncUtils.waitForFxEvents();
    }

    void save(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Write files");
        // the files are written off the UI thread: wait for the save to end
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !vm.files.isBusy());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the save did not end", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- files ------------------------------------------------------------------------------------

    ConfigSet reload() {
        return ConfigLoader.load(project).configs();
    }

    static List<String> steps(ConfigSet set, String flow) {
        return set.flow(flow).flows().stream().map(FlowStep::fname).toList();
    }

    String read(String relative) throws IOException {
        return Files.readString(project.resolve(relative));
    }

    /** Every file of the project that is not in {@code changed} is byte-identical to the original copy. */
    void assertOthersUntouched(String... changed) throws IOException {
        Map<Path, String> now = readAll(project);
        for (Map.Entry<Path, String> e : original.entrySet()) {
            String rel = project.relativize(e.getKey()).toString();
            // The sidecar is the designer's own file and every save writes the view (zoom, pan) into it.
            if (List.of(changed).contains(rel) || rel.equals(".kisflow-studio.json")) {
                continue;
            }
            if (!e.getValue().equals(now.get(e.getKey()))) {
                throw new AssertionError(rel + " was changed although the edit did not touch it");
            }
        }
    }

    static Map<Path, String> readAll(Path dir) throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.put(p, Files.readString(p));
            }
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
