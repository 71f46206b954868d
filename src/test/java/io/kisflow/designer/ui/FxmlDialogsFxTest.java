package io.kisflow.designer.ui;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.KisType;
import io.kisflow.config.KistypeRepair;
import io.kisflow.designer.files.KistypeRepairDialog;
import io.kisflow.designer.files.SavePlanDialog;
import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.designer.project.SavePlan;
import io.kisflow.designer.shell.AboutDialog;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each dialog whose layout is FXML (so it opens in Scene Builder) loads, and its controller fills it in. */
@ExtendWith(ApplicationExtension.class)
class FxmlDialogsFxTest {
    @TempDir
    Path tmp;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void theSavePlanListsTheFilesAndShowsTheFirst(FxRobot robot) throws Exception {
        ProjectFiles files = ProjectFiles.createNew(tmp.resolve("p"));
        ConfigSet configs = ConfigSet.EMPTY.withFunc(FuncConfig.of("Shout", "Calculate")).withFlow(FlowConfig.of("Greet", FlowStep.of("Shout")));
        SavePlan plan = files.planSave(configs, files.layout(), files.directory());
        Dialog<?>[] d = new Dialog<?>[1];
        robot.interact(() -> {
            d[0] = SavePlanDialog.create(stage, plan, "Save");
            d[0].show();   // the split pane's children are there once it is shown
        });
        var pane = d[0].getDialogPane();
        assertEquals("savePlanDialog", pane.getId());
        assertEquals("Save: check the files before they are written", pane.getHeaderText());
        ListView<?> list = (ListView<?>) pane.lookup("#savePlanFiles");
        assertEquals(plan.changes().size(), list.getItems().size());
        assertTrue(((Label) pane.lookup("#savePlanSummary")).getText().startsWith(plan.summary() + " in "));
        assertEquals(0, list.getSelectionModel().getSelectedIndex());
        assertTrue(((TextArea) pane.lookup("#savePlanPreview")).getText().contains("kistype:"), "the first new file's text");
        assertEquals(List.of(SavePlanDialog.WRITE, ButtonType.CANCEL), pane.getButtonTypes());
        robot.interact(() -> {
            d[0].setResult(null);
            d[0].close();
        });
    }

    @Test
    void theKistypeRepairOfferListsTheFiles(FxRobot robot) {
        Path dir = tmp.resolve("go-export");
        List<KistypeRepair.Fix> fixes = List.of(new KistypeRepair.Fix(dir.resolve("func-Calc.yaml"), 1, KisType.FUNC),
                new KistypeRepair.Fix(dir.resolve("flow-F.yaml"), 1, KisType.FLOW));
        Dialog<?>[] d = new Dialog<?>[1];
        robot.interact(() -> d[0] = KistypeRepairDialog.create(stage, dir, fixes));
        var pane = d[0].getDialogPane();
        assertEquals("kistypeRepairDialog", pane.getId());
        assertTrue(pane.getHeaderText().startsWith("2 files have an empty kistype"), pane.getHeaderText());
        assertEquals("  func-Calc.yaml  \u2192  kistype: func\n  flow-F.yaml  \u2192  kistype: flow",
                ((Label) pane.lookup("#kistypeRepairFiles")).getText());
        assertEquals(List.of(KistypeRepairDialog.REPAIR, KistypeRepairDialog.NOT_NOW), pane.getButtonTypes());
    }

    @Test
    void theAboutDialogSaysWhatAndWhichVersion(FxRobot robot) {
        Dialog<?>[] d = new Dialog<?>[1];
        robot.interact(() -> d[0] = AboutDialog.create(stage));
        var pane = d[0].getDialogPane();
        assertEquals("KisFlow Studio", pane.getHeaderText());
        assertTrue(((Label) pane.lookup("#aboutVersion")).getText().startsWith("Version "));
        assertEquals(List.of(ButtonType.OK), pane.getButtonTypes());
    }
}
