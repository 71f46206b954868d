package io.kisflow.designer.ui;

import io.kisflow.config.ConfigSet;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drags on the real canvas: drop from the palette, reorder, bind a connector, refused binding. */
@Tag("window")
class CanvasGesturesFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws java.io.IOException {
        startDesigner(stage);
    }

    @Test
    void aFunctionDroppedBetweenTwoCardsIsSavedThere(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn("#paletteSearch").write("Rank");
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag(paletteEntry(robot, "RankScores"), MouseButton.PRIMARY).dropTo(gap("StuScore", 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("VerifyStu", "RankScores", "AvgStuScore", "PrintStuAvgScore"), steps(vm.document.state().configs(), "StuScore"));
        assertTrue(window.stage().getTitle().startsWith("*"), "the title shows unsaved changes");

        save(robot);
        ConfigSet saved = reload();
        assertEquals(List.of("VerifyStu", "RankScores", "AvgStuScore", "PrintStuAvgScore"), steps(saved, "StuScore"));
        String yaml = read("student-score/flow-StuScore.yml");
        assertTrue(yaml.startsWith("# Quick start: check each student's scores"), "the file's comment is kept:\n" + yaml);
        assertTrue(yaml.contains("max_score: \"100\""), yaml);
        assertTrue(yaml.indexOf("fname: RankScores") < yaml.indexOf("fname: AvgStuScore"), yaml);
        assertOthersUntouched("student-score/flow-StuScore.yml");
        assertFalse(window.stage().getTitle().startsWith("*"));
    }

    @Test
    void aCardDraggedToTheFrontOfItsLaneIsSavedInThatOrder(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fitCanvas();
        robot.drag(card("StuScore", 2), MouseButton.PRIMARY).dropTo(gap("StuScore", 0));
        WaitForAsyncUtils.waitForFxEvents();
        save(robot);
        assertEquals(List.of("PrintStuAvgScore", "VerifyStu", "AvgStuScore"), steps(reload(), "StuScore"));
        assertOthersUntouched("student-score/flow-StuScore.yml");
    }

    @Test
    void aConnectorDroppedOnASaveCardBindsIt(FxRobot robot) throws Exception {
        fitCanvas();
        robot.clickOn("#newConnectorButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#paletteSearch").write("NewConnector1");
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag(paletteEntry(robot, "NewConnector1"), MouseButton.PRIMARY).dropTo(card("SaveScores", 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("NewConnector1", vm.document.state().configs().func("SaveAvgScore").option().cname());

        save(robot);
        ConfigSet saved = reload();
        assertEquals("NewConnector1", saved.func("SaveAvgScore").option().cname());
        assertEquals(List.of("SaveAvgScore"), saved.conn("NewConnector1").save());
        assertEquals(List.of(), saved.conn("ScoreStore").save());
        assertTrue(read("storage/func-SaveAvgScore.yml").contains("cname: NewConnector1"));
        assertTrue(Files.exists(project.resolve("storage/conn-NewConnector1.yml")), "a new connector gets a file named as Go exports it, beside the others, with the project's extension");
        assertOthersUntouched("storage/func-SaveAvgScore.yml", "storage/conn-ScoreStore.yml");
    }

    @Test
    void aConnectorDroppedOnAVerifyCardIsRefusedWithTheReason(FxRobot robot) throws Exception {
        fitCanvas();
        robot.drag(badge("ScoreStore"), MouseButton.PRIMARY).dropTo(card("StuScore", 0));
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#statusText").queryAs(Label.class);
        assertEquals("Cannot bind ScoreStore to VerifyStu: only Save and Load functions call a connector, and VerifyStu is a Verify function.",
                status.getText());
        assertEquals("", vm.document.state().configs().func("VerifyStu").option().cname());
        assertFalse(vm.document.isDirty());
        assertFalse(window.stage().getTitle().startsWith("*"));
        assertOthersUntouched();
        assertEquals(original.get(project.resolve(".kisflow-studio.json")), Files.readString(project.resolve(".kisflow-studio.json")),
                "nothing is written without a save");
    }
}
