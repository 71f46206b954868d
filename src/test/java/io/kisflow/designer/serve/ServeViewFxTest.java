package io.kisflow.designer.serve;

import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Serve tab in the real designer window at the size it opens with on a 1280x800 screen (the
 * headless screen's size; on 1440x900 and more the whole form shows without scrolling, see the user
 * guide's picture): the buttons and the live figures inside the tab, the form scrolled rather than
 * cut, no field cut at its right edge; a refused value neither pushes the buttons out of the tab nor
 * widens the column; a long error line of the service gives the errors list no horizontal scroll bar
 * (which took a third of its height).
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class ServeViewFxTest {
    @TempDir
    Path tmp;
    private DesignerViewModel vm;
    private DesignerWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Path project = tmp.resolve("project");
        try (Stream<Path> walk = Files.walk(Path.of("conf-samples"))) {
            for (Path p : walk.toList()) {
                Path to = project.resolve(Path.of("conf-samples").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        vm = new DesignerViewModel(tmp.resolve("state"));
        window = new DesignerWindow(stage, vm, (owner, title, initial) -> Optional.empty());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.setX(0);
        stage.setY(0);
        window.show();
        window.files().openProject(project);
        vm.document.select(Selection.flow("StuScore"));
        window.showTab("serveTab");
    }

    @AfterEach
    void shutdown() {
        Platform.runLater(window::shutdown);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everySettingIsReachableAndNothingIsCutOff(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertButtonsInTheTab(robot);
        Bounds tab = visibleTab(robot);
        for (String id : List.of("#serveState", "#serveMessage", "#serveLag", "#serveErrors")) {
            Bounds b = scene(robot.lookup(id).query());
            assertTrue(b.getMaxY() <= tab.getMaxY() + 0.5 && b.getMaxX() <= tab.getMaxX() + 0.5, id + " at " + b + " is cut off by the tab " + tab);
        }
        ScrollPane form = robot.lookup("#serveSettings").queryAs(ScrollPane.class);
        robot.interact(() -> form.setVvalue(form.getVmax())); // a short tab: the form scrolls to its end
        WaitForAsyncUtils.waitForFxEvents();
        Bounds viewport = form.localToScene(form.getViewportBounds());
        for (String id : List.of("#serveKafka", "#serveTopic", "#serveGroup", "#serveDeadLetter", "#serveThreads", "#serveBatchSize",
                "#serveBatchWait", "#serveCommitInterval")) {
            Bounds b = scene(robot.lookup(id).query());
            assertTrue(b.getMaxX() <= viewport.getMaxX() + 0.5, id + " at " + b + " is cut at the right by the form's view " + viewport);
        }
        for (String id : List.of("#serveCommitInterval", "#serveCommitIntervalHelp")) {
            Bounds b = scene(robot.lookup(id).query());
            assertTrue(b.getMinY() >= viewport.getMinY() - 0.5 && b.getMaxY() <= viewport.getMaxY() + 0.5,
                    id + " at " + b + " is not in the form's view " + viewport + " scrolled to its end");
        }
    }

    @Test
    void aRefusedValueKeepsTheButtonsInTheTabAndTheColumnItsWidth(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node settings = robot.lookup("#serveStart").query().getParent().getParent();
        double width = settings.getLayoutBounds().getWidth();
        robot.interact(() -> vm.serve.threads.set("a great many threads, more than a line can hold in the settings column"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Threads needs a positive whole number, not 'a great many threads, more than a line can hold in the settings column'.",
                vm.serve.fieldErrorProperty().get());
        assertTrue(robot.lookup("#serveFieldError").query().isVisible());
        assertButtonsInTheTab(robot);
        assertEquals(width, settings.getLayoutBounds().getWidth(), 0.5, "the settings column keeps its width");
    }

    @Test
    void aLongErrorLineGivesTheErrorsListNoHorizontalScrollBar(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        String line = "ts=2026-12-02T00:00:00Z level=error event=batch flow=StuScore topic=scores partition=4 offsets=300..399 rows=100"
                + " ms=7 outcome=failed function=VerifyStu error=\"" + "a very long message from the function ".repeat(6) + "\"";
        robot.interact(() -> vm.serve.figures().line(line));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> errors = robot.lookup("#serveErrors").queryAs(ListView.class);
        assertEquals(1, errors.getItems().size());
        boolean horizontal = errors.lookupAll(".scroll-bar").stream()
                .anyMatch(n -> n instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible());
        assertFalse(horizontal, "the list shows the line cut with an ellipsis (whole in its tooltip), not a scroll bar");
    }

    private static void assertButtonsInTheTab(FxRobot robot) {
        Bounds tab = visibleTab(robot);
        for (String id : List.of("#serveStart", "#serveStop", "#serveExport")) {
            Bounds b = scene(robot.lookup(id).query());
            assertTrue(b.getMaxY() <= tab.getMaxY() + 0.5 && b.getMinY() >= tab.getMinY() - 0.5, id + " at " + b + " is cut off by the tab " + tab);
        }
    }

    /** What the window shows of the tab: its content may be larger than the tab pane, which then clips it. */
    private static Bounds visibleTab(FxRobot robot) {
        Node n = robot.lookup("#serveView").query();
        while (!(n instanceof TabPane)) {
            n = n.getParent();
        }
        return scene(n);
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
