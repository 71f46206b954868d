package io.kisflow.designer.code;

import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.designer.ui.Theme;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one window test of the Code tab: the CodeArea shows the compiler's error at its line, with the message. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class CodeViewFxTest {
    CodeWorkspace code;
    CodeView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("codeview");
        Files.writeString(dir.resolve("func-Shout.yml"), "kistype: func\nfname: Shout\nfmode: Calculate\nsource:\n  name: s\n");
        Files.createDirectories(dir.resolve("functions"));
        Files.writeString(dir.resolve("functions/Shout.java"), """
                package functions;

                import io.kisflow.engine.KisPlugin;
                import io.kisflow.engine.Pool;

                public class Shout implements KisPlugin {
                    public void register(Pool pool) {
                        pool.faas("Shout", flow -> flow.commitRow(missing));
                    }
                }
                """);
        ProjectFiles files = ProjectFiles.open(dir);
        ProjectDocument doc = new ProjectDocument();
        DesignState s = new DesignState(files.configs(), files.layout(), files.code());
        doc.open(files.directory(), s, s);
        code = new CodeWorkspace(doc, null, Runnable::run, -1);
        CodeTabModel model = new CodeTabModel(doc, code);
        doc.select(Selection.function("Shout"));
        code.compileNow();
        view = new CodeView(model);
        stage.setScene(new javafx.scene.Scene(view, 700, 400));
        Theme.LIGHT.applyTo(stage.getScene());
        stage.show();
    }

    @AfterEach
    void close() {
        code.close();
    }

    @Test
    void theErrorIsMarkedAtItsLineWithTheCompilersMessage(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Set<Label> marks = robot.lookup(".code-error-marker").queryAllAs(Label.class);
        assertEquals(1, marks.size(), "one line has an error");
        Label mark = marks.iterator().next();
        assertTrue(mark.isVisible());
        assertTrue(String.valueOf(mark.getUserData()).contains("missing cannot be resolved to a variable"), String.valueOf(mark.getUserData()));
        // the mark sits beside line 8, the line of the error
        javafx.scene.layout.HBox row = (javafx.scene.layout.HBox) mark.getParent();
        assertEquals("8", ((Label) row.getChildren().get(0)).getText().strip(), "the marked line is line 8");
        assertTrue(robot.lookup("#codeProblems").queryListView().getItems().toString().contains("missing"));
        assertTrue(view.area().getText().contains("flow.commitRow(missing)"));
    }
}
