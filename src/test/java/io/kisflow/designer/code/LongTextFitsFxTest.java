package io.kisflow.designer.code;

import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.link.ProjectDebugger;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.files.ProjectSession;
import io.kisflow.designer.problems.ProblemsView;
import io.kisflow.designer.problems.ProblemsViewModel;
import io.kisflow.designer.ui.Theme;
import io.kisflow.engine.ProjectCheck;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long texts beside controls in the bottom panel, at the panel's width in the default window. The
 * trial on Go's load_conf saw the Code tab's "Write code" buttons squeezed to "..." beside the long
 * "has no code" message, and the Problems list cut every message at the panel's edge, so what to do
 * (at the end of each message) could not be read.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class LongTextFitsFxTest {
    private static final double WIDTH = 700;
    private Path tmp;
    private ProjectDebugger dbg;
    private CodeWorkspace code;
    private CodeView codeView;
    private ProblemsView problems;
    private ProjectDocument doc;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("long-text");
        Path dir = tmp.resolve("project");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("flow-Grades.yml"), "kistype: flow\nstatus: 1\nflow_name: Grades\nflows:\n  - fname: CheckTheStudentsRecordBeforeAnythingElse\n");
        Files.writeString(dir.resolve("func-Check.yml"), "kistype: func\nfname: CheckTheStudentsRecordBeforeAnythingElse\nfmode: Verify\nsource:\n  name: s\n");
        doc = new ProjectDocument();
        ProjectSession session = new ProjectSession(doc, tmp.resolve("state"), doc::state);
        dbg = new ProjectDebugger(doc, DebugOptions.defaults().withMetrics(false).withSamples(false), Runnable::run, Runnable::run);
        code = new CodeWorkspace(doc, dbg, Runnable::run, -1);
        ProblemsViewModel problemsModel = new ProblemsViewModel(doc);
        problemsModel.codeProperty().set(new ProjectCheck.Code(Set.of(), Set.of(),
                "write its code in the Code tab, add its plugin in the Plugins tab (a jar or a class folder), or pin rows for it in the Call tab"));
        session.open(dir);
        doc.select(Selection.step("Grades", 0));
        codeView = new CodeView(new CodeTabModel(doc, code));
        codeView.setPrefHeight(200);
        problems = new ProblemsView(problemsModel);
        problems.setPrefHeight(300);
        Scene scene = new Scene(new VBox(codeView, problems), WIDTH, 500);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.setWidth(WIDTH);   // the test stage is shared: a scene's own size does not resize it
        stage.setHeight(540);
        stage.show();
    }

    @AfterEach
    void close() {
        code.close();
        dbg.close();
    }

    @Test
    void theWriteCodeButtonsKeepTheirWholeLabels(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int seen = 0;
        for (Node n : robot.lookup(".button").queryAll()) {
            if (n instanceof Button b && fx(b::isVisible) && b.getText() != null && b.getText().startsWith("Write")) {
                Text shown = (Text) fx(() -> b.lookup(".text"));
                assertEquals(b.getText(), fx(shown::getText), "the button shows its whole label");
                seen++;
            }
        }
        assertEquals(2, seen, "Write code and Write typed code are offered for a function without code");
    }

    @Test
    void problemMessagesWrapInsideTheListInsteadOfRunningPastItsEdge(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Bounds list = fx(() -> problems.localToScene(problems.getBoundsInLocal()));
        int seen = 0;
        for (Node n : robot.lookup(".problem-message").queryAll()) {
            Label message = (Label) n;
            Bounds b = fx(() -> message.localToScene(message.getBoundsInLocal()));
            Text shown = (Text) fx(() -> message.lookup(".text"));
            assertEquals(message.getText(), fx(shown::getText), "the whole message is shown");
            assertTrue(b.getMaxX() <= list.getMaxX() + 0.5, "the message ends inside the list: " + b + " vs " + list);
            assertFalse(message.getText().isEmpty());
            seen++;
        }
        assertTrue(seen >= 1, "the function without code is a finding");
    }

    private static <T> T fx(Callable<T> c) {
        FutureTask<T> task = new FutureTask<>(c);
        javafx.application.Platform.runLater(task);
        try {
            return task.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
