package io.kisflow.designer.tests;

import io.kisflow.designer.code.CodeWorkspace;
import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.files.ProjectSession;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one window test of the Tests tab: "Run all" runs on a worker thread and the rows fill in on
 * the UI thread; a failure's text shows under the list and its Compare button fills the diff
 * model and brings the Diff tab forward.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class TestsViewFxTest {
    final ExecutorService worker = Executors.newSingleThreadExecutor();
    final DiffModel diff = new DiffModel(Runnable::run, Runnable::run);
    final AtomicBoolean diffShown = new AtomicBoolean();
    CodeWorkspace code;
    TestsModel model;
    TestsView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("testsview").resolve("samples");
        TestsModelTest.copyTree(Path.of("conf-samples"), dir);
        Path stu = dir.resolve("tests/StuScore.json");
        Files.writeString(stu, Files.readString(stu).replace("avg score: [84.00]", "avg score: [85.00]"));
        ProjectDocument doc = new ProjectDocument();
        ProjectSession session = new ProjectSession(doc, dir.getParent().resolve("state"), doc::state);
        session.open(dir);
        code = new CodeWorkspace(doc, null, Runnable::run, -1);
        code.compileNow();
        model = new TestsModel(doc, code::compiled, code::compilePending,
                () -> new TestEngine(doc.state().configs(), true, code.compiled().plugins(), List.of()), worker, Platform::runLater);
        view = new TestsView(model, () -> diff, () -> diffShown.set(true), () -> { });
        stage.setScene(new javafx.scene.Scene(view, 900, 500));
        Theme.LIGHT.applyTo(stage.getScene());
        stage.show();
    }

    @AfterEach
    void close() {
        code.close();
        worker.shutdownNow();
    }

    @Test
    void runAllFillsInTheRowsAndAFailureComparesInTheDiff(FxRobot robot) throws Exception {
        robot.clickOn("#runAllTests");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runningProperty().get()
                && model.cases().stream().noneMatch(c -> c.status() == TestStatus.NOT_RUN || c.status() == TestStatus.RUNNING));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("5 tests: 4 passed, 1 failed", robot.lookup("#testsMessage").queryLabeled().getText());
        assertEquals(TestStatus.FAILED, model.find("StuScore").status());

        robot.interact(() -> view.table().getSelectionModel().select(model.find("StuScore")));
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#testFailure").queryAs(TextArea.class).getText();
        assertTrue(text.startsWith("level PrintStuAvgScore: expected 3 rows, got 3"), text);
        assertTrue(text.contains("\"stuid: [101], avg score: [85.00]\""), text);

        robot.clickOn("#compare-PrintStuAvgScore");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(diffShown.get(), "the Diff tab is brought forward");
        assertTrue(diff.leftProperty().get().rows().contains("stuid: [101], avg score: [85.00]"));
        assertTrue(diff.rightProperty().get().rows().contains("stuid: [101], avg score: [84.00]"));
        assertTrue(robot.lookup("#runAllTests").queryAs(Button.class).isVisible());
    }
}
