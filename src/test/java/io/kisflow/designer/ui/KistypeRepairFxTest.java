package io.kisflow.designer.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a folder of Go's kistype: "" exports in the window: the offer, "Not now" and "Repair". */
@Tag("window")
class KistypeRepairFxTest extends DesignerFxTest {
    static final String FLOW = "# exported by Go\nkistype: \"\"\nstatus: 1\nflow_name: Built\nflows:\n    - fname: Step\n      params: {}\n";
    static final String FUNC = "kistype: \"\"\nfname: Step\nfmode: Calculate\n";

    @Start
    void start(Stage stage) throws java.io.IOException {
        startDesigner(stage);
    }

    @Test
    void theWindowOffersTheRepairAndWritesOnlyWhenAccepted(FxRobot robot) throws Exception {
        Path goExport = Files.createDirectories(tmp.resolve("go-export"));
        Path flow = Files.writeString(goExport.resolve("flow-Built.yaml"), FLOW);
        Files.writeString(goExport.resolve("func-Step.yaml"), FUNC);

        openAndAnswer(robot, goExport, "Not now");
        assertEquals(FLOW, Files.readString(flow), "Not now writes nothing");
        assertTrue(vm.problems.rows().stream().anyMatch(r -> r.isError() && r.message().contains("says this is a flow")),
                "the problem stays listed");

        openAndAnswer(robot, goExport, "Repair");
        assertEquals(FLOW.replace("kistype: \"\"", "kistype: flow"), Files.readString(flow), "only kistype changed");
        assertTrue(vm.document.state().configs().flows().containsKey("Built"), "the repaired project is open");
        assertTrue(vm.problems.rows().stream().noneMatch(r -> r.isError()), "no errors left");
    }

    private void openAndAnswer(FxRobot robot, Path dir, String button) throws Exception {
        Platform.runLater(() -> window.files().openProject(dir));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#kistypeRepairDialog").tryQuery()
                .map(pane -> pane.getScene() != null && pane.getScene().getWindow() != null && pane.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
