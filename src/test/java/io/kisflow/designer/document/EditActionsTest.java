package io.kisflow.designer.document;

import io.kisflow.designer.Fixtures;
import io.kisflow.designer.edit.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.kisflow.designer.Fixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditActionsTest {
    private final ProjectDocument doc = new ProjectDocument();
    private final EditActions actions = new EditActions(doc);

    @BeforeEach
    void open() {
        doc.open(Path.of("/tmp/p"), Fixtures.state(), Fixtures.state());
    }

    @Test
    void copyAndPasteACardMakesANewFunctionAfterTheSelection() {
        doc.select(Selection.step("StuScore", 0));
        assertTrue(actions.copy());
        doc.select(Selection.step("LoadScores", 0));
        assertTrue(actions.paste());
        assertEquals(List.of("LoadAvgScore", "VerifyStu_copy", "RankScores"), steps(doc.state(), "LoadScores"));
        assertEquals("Verify", doc.state().configs().func("VerifyStu_copy").fmode());
        assertEquals("100", doc.state().configs().flow("LoadScores").flows().get(1).params().get("max_score"), "the card's params come along");
        assertEquals(Selection.step("LoadScores", 1), doc.selection());
    }

    @Test
    void copyAndPasteAFlowMakesANewLaneBelowTheSelectedOne() {
        doc.select(Selection.flow("StuScore"));
        actions.copy();
        actions.paste();
        assertEquals(List.of("StuScore", "StuScore_copy", "SaveScores", "LoadScores"), doc.state().lanes());
        assertEquals(steps(doc.state(), "StuScore"), steps(doc.state(), "StuScore_copy"));
    }

    @Test
    void duplicateAndDeleteFollowTheSelection() {
        doc.select(Selection.step("SaveScores", 2));
        actions.duplicate();
        assertEquals(List.of("VerifyStu", "AvgStuScore", "SaveAvgScore", "SaveAvgScore_copy"), steps(doc.state(), "SaveScores"));
        assertEquals("ScoreStore", doc.state().configs().func("SaveAvgScore_copy").option().cname(), "the copy keeps its connector");
        assertEquals(List.of("SaveAvgScore", "SaveAvgScore_copy"), doc.state().configs().conn("ScoreStore").save());
        actions.delete();
        assertEquals(List.of("VerifyStu", "AvgStuScore", "SaveAvgScore"), steps(doc.state(), "SaveScores"));
        doc.select(Selection.connector("ScoreStore"));
        actions.delete();
        assertEquals("", doc.state().configs().func("SaveAvgScore").option().cname());
    }

    @Test
    void keyboardMovesOfCardsAndLanes() {
        doc.select(Selection.step("StuScore", 0));
        actions.moveAlong(1);
        assertEquals(List.of("AvgStuScore", "VerifyStu", "PrintStuAvgScore"), steps(doc.state(), "StuScore"));
        assertEquals(Selection.step("StuScore", 1), doc.selection());
        actions.moveAcross(1);
        assertEquals(List.of("VerifyStu", "VerifyStu", "AvgStuScore", "SaveAvgScore"), steps(doc.state(), "SaveScores"));
        assertFalse(actions.moveAcross(-5 + 4 - 1), "no lane above the first is refused");
        doc.select(Selection.flow("LoadScores"));
        actions.moveAcross(-1);
        assertEquals(List.of("StuScore", "LoadScores", "SaveScores"), doc.state().lanes());
    }

    @Test
    void arrowKeysMoveTheSelectionWithoutEditing() {
        actions.navigate(1, 0);
        assertEquals(Selection.flow("StuScore"), doc.selection());
        actions.navigate(1, 0);
        assertEquals(Selection.step("StuScore", 0), doc.selection());
        actions.navigate(5, 0);
        assertEquals(Selection.step("StuScore", 2), doc.selection());
        actions.navigate(0, 2);
        assertEquals(Selection.step("LoadScores", 1), doc.selection());
        actions.navigate(-9, 0);
        assertEquals(Selection.flow("LoadScores"), doc.selection());
        assertEquals(0, doc.history().undoSize());
    }

    @Test
    void newObjectsAndInsertingAtTheSelection() {
        doc.select(Selection.step("StuScore", 0));
        actions.newFunction();
        assertEquals(List.of("VerifyStu", "NewFunction1", "AvgStuScore", "PrintStuAvgScore"), steps(doc.state(), "StuScore"));
        actions.insertFunction("RankScores");
        assertEquals("RankScores", steps(doc.state(), "StuScore").get(2));
        actions.newFlow();
        assertEquals(List.of("StuScore", "NewFlow1", "SaveScores", "LoadScores"), doc.state().lanes());
        actions.newConnector();
        assertTrue(doc.state().configs().conns().containsKey("NewConnector1"));
        doc.select(Selection.step("StuScore", 1));
        assertFalse(actions.bindConnector("NewConnector1"));
        assertTrue(doc.status().text().startsWith("Cannot bind NewConnector1 to NewFunction1"));
        actions.toggleFlowStatus();
        assertFalse(doc.state().configs().flow("StuScore").enabled());
    }
}
