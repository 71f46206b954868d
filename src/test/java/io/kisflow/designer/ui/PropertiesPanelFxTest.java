package io.kisflow.designer.ui;

import io.kisflow.designer.edit.Selection;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The properties panel builds a section when the selection first calls for it (issue 8, item 5: the
 * sections nobody had asked for, four params tables among them, were 45 % of the window's nodes to
 * style and lay out before the first paint). What the user sees does not change: the project summary
 * at start, a card's fields when a card is selected, and back.
 */
class PropertiesPanelFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws IOException {
        startDesigner(stage);
    }

    @Test
    void sectionsAppearWhenTheSelectionCallsForThem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visible(robot, "#editGlobalButton"), "nothing selected: the project's section");
        assertTrue(robot.lookup("#createConfigButton").tryQuery().isEmpty(), "the function section is not built before it is needed");
        assertEquals(List.of(), nameFields(robot, "VerifyStu"));

        WaitForAsyncUtils.asyncFx(() -> vm.document.select(Selection.step("StuScore", 0))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(visible(robot, "#editGlobalButton"), "the project's section is hidden while a card is selected");
        assertEquals(1, nameFields(robot, "VerifyStu").size(), "the card's function name is in the panel");

        WaitForAsyncUtils.asyncFx(() -> vm.document.select(Selection.step("StuScore", 1))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, nameFields(robot, "AvgStuScore").size(), "the built section follows the selection");
        assertEquals(List.of(), nameFields(robot, "VerifyStu"));

        WaitForAsyncUtils.asyncFx(() -> vm.document.select(Selection.NONE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visible(robot, "#editGlobalButton"));
        assertEquals(List.of(), nameFields(robot, "AvgStuScore"), "the card's section is hidden again");
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(PropertiesPanelFxTest::shown).orElse(false);
    }

    /** Shown: visible itself and every parent up to the scene. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<TextField> nameFields(FxRobot robot, String text) {
        return robot.lookup("#properties").queryAll().stream().findFirst()
                .map(panel -> robot.from(panel).lookup((Node n) -> n instanceof TextField tf && shown(tf) && text.equals(tf.getText()))
                        .queryAllAs(TextField.class).stream().toList())
                .orElse(List.of());
    }
}
