package io.kisflow.designer.ui;

import io.kisflow.config.Origin;
import io.kisflow.designer.edit.Selection;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the designer's start leaves for later (issue 8, item 5) still works when it comes: the Code
 * and YAML tabs are built when first shown and then show what they would have shown from the start;
 * the plugins load once the first paint lets them, and until then the Problems list claims no
 * missing code (it did: every function "has no code" while the plugins were loading).
 */
class StartupFxTest extends DesignerFxTest {
    @Override
    io.kisflow.designer.debug.DebugOptions debugOptions() {
        return super.debugOptions().withLoadInBackground(true);   // as the designer's start does
    }

    @Start
    void start(Stage stage) throws IOException {
        project = tmp.resolve("project");
        stateDir = tmp.resolve("state");
        copyTree(Path.of("conf-samples"), project);
        // a function no plugin implements, used by a flow: after loading, the one "has no code" finding
        Files.writeString(project.resolve("func-Orphan.yml"), "kistype: func\nfname: Orphan\nfmode: Calculate\nsource:\n  name: people\n");
        Files.writeString(project.resolve("flow-OrphanFlow.yml"), "kistype: flow\nstatus: 1\nflow_name: OrphanFlow\nflows:\n  - fname: Orphan\n");
        original = readAll(project);
        window = openWindow(stage);
    }

    /** Opens the project as the designer's start does, with the gate held or not. */
    private void open(FxRobot robot, boolean held) {
        if (held) {
            FirstPaint.hold();   // as DesignerApp does until its first frame is painted
        }
        robot.interact(() -> window.files().openProject(project));
    }

    @AfterEach
    void openTheGate() {
        FirstPaint.open();   // never leave it held for the next test
    }

    @Test
    void codeAndYamlTabsAreMadeWhenFirstShownAndShowTheCurrentState(FxRobot robot) throws Exception {
        open(robot, false);
        assertNull(tab("codeTab").getContent(), "the Code tab's editor is not built before the tab is shown");
        assertNull(tab("yamlTab").getContent(), "nor the YAML tab's view");
        assertNull(tab("testsTab").getContent(), "nor the Tests tab's table");
        assertTrue(robot.lookup("#codeArea").tryQuery().isEmpty());

        robot.interact(() -> vm.document.select(Selection.function("GradeScore")));
        String source = Files.readString(project.resolve("source-code/functions/GradeScore.java"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> source.equals(vm.codeTab.textProperty().get()));
        robot.interact(() -> window.showTab("codeTab"));
        CodeArea area = robot.lookup("#codeArea").queryAs(CodeArea.class);
        assertEquals(source, area.getText(), "made late, the editor shows the selected function's code");

        // a problem's file revealed before the YAML tab was ever shown: made then, it marks the line
        Path flowFile = project.resolve("source-code/flow-GradeStudents.yml");
        robot.interact(() -> {
            vm.yaml.showFile(new Origin(flowFile, 2));
            window.showTab("yamlTab");
        });
        TextArea yaml = robot.lookup("#yamlText").queryAs(TextArea.class);
        assertEquals(Files.readString(flowFile), yaml.getText());
        assertEquals(Files.readAllLines(flowFile).get(1), yaml.getSelectedText(), "the revealed line is selected");

        robot.interact(() -> window.showTab("testsTab"));
        assertTrue(tab("testsTab").getContent() instanceof io.kisflow.designer.tests.TestsView, "shown, the Tests tab has its view");
    }

    @Test
    void thePluginsLoadAfterTheFirstPaintAndProblemsClaimNoMissingCodeMeanwhile(FxRobot robot) throws Exception {
        open(robot, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.debugger.session().loadingPluginsProperty().get(), "the plugins wait for the first paint");
        assertEquals(List.of(), noCode(), "while the plugins load, no function is said to have no code");
        assertTrue(vm.palette.loadingPluginsProperty().get(), "the palette says the plugins are loading");

        FirstPaint.open();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.debugger.session().loadingPluginsProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.debugger.session().implementedFunctions().contains("VerifyStu"), "the samples plugin is loaded");
        assertEquals(List.of("function Orphan (used by flow OrphanFlow) has no code"), noCode().stream()
                .map(m -> m.substring(0, m.indexOf(':'))).toList(), "then the one function without code is found");
        assertFalse(vm.palette.loadingPluginsProperty().get());
    }

    private List<String> noCode() {
        return vm.problems.rows().stream().map(r -> r.problem().message()).filter(m -> m.contains("has no code")).toList();
    }

    private Tab tab(String id) {
        return window.bottomTabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }
}
