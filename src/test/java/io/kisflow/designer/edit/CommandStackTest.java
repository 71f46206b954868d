package io.kisflow.designer.edit;

import io.kisflow.designer.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kisflow.designer.Fixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandStackTest {
    /** A minimal document: the state and selection the stack edits. */
    static class Doc implements CommandStack.Target {
        DesignState state = Fixtures.state();
        Selection selection = Selection.NONE;

        public DesignState state() {
            return state;
        }

        public Selection selection() {
            return selection;
        }

        public void show(DesignState s, Selection sel) {
            state = s;
            selection = sel;
        }
    }

    private final Doc doc = new Doc();
    private final CommandStack stack = new CommandStack(doc, 3);

    @Test
    void undoAndRedoRestoreStatesAndSelections() {
        DesignState start = doc.state;
        stack.execute(StepEdits.insert("StuScore", 0, "RankScores"));
        assertEquals(Selection.step("StuScore", 0), doc.selection);
        assertEquals("Insert RankScores into StuScore", stack.undoDescriptionProperty().get());
        stack.undo();
        assertEquals(start, doc.state);
        assertEquals(Selection.NONE, doc.selection);
        assertEquals("Insert RankScores into StuScore", stack.redoDescriptionProperty().get());
        stack.redo();
        assertEquals(List.of("RankScores", "VerifyStu", "AvgStuScore", "PrintStuAvgScore"), steps(doc.state, "StuScore"));
        assertTrue(stack.canUndoProperty().get());
        assertFalse(stack.canRedoProperty().get());
    }

    @Test
    void aBurstIsOneUndoStep() {
        DesignState start = doc.state;
        stack.execute(FunctionEdits.rename("AvgStuScore", "A"), "fname#1");
        stack.execute(FunctionEdits.rename("A", "Av"), "fname#1");
        stack.execute(FunctionEdits.rename("Av", "Avg"), "fname#1");
        assertEquals(1, stack.undoSize());
        assertEquals("Rename function Av to Avg", stack.undoDescriptionProperty().get());
        stack.undo();
        assertEquals(start, doc.state);

        stack.execute(FunctionEdits.rename("AvgStuScore", "A"), "fname#2");
        stack.endBurst();
        stack.execute(FunctionEdits.rename("A", "B"), "fname#2");
        assertEquals(2, stack.undoSize(), "a burst ends when the field loses focus");
    }

    @Test
    void typingBackToTheStartLeavesNoUndoStep() {
        stack.execute(FunctionEdits.rename("AvgStuScore", "AvgStuScor"), "k");
        stack.execute(FunctionEdits.rename("AvgStuScor", "AvgStuScore"), "k");
        assertEquals(0, stack.undoSize());
    }

    @Test
    void refusedAndEmptyEditsAreNotRecorded() {
        assertThrows(EditRefused.class, () -> stack.execute(StepEdits.insert("StuScore", 0, "Nope")));
        assertFalse(stack.execute(FlowEdits.moveLane("StuScore", 0)));
        assertEquals(0, stack.undoSize());
    }

    @Test
    void theUndoStackIsBounded() {
        for (int i = 0; i < 5; i++) {
            stack.execute(FlowEdits.add("F" + i, 0));
        }
        assertEquals(3, stack.undoSize());
        stack.undo();
        stack.undo();
        stack.undo();
        assertEquals(List.of("F1", "F0", "StuScore", "SaveScores", "LoadScores"), doc.state.lanes());
    }

    @Test
    void aNewEditClearsRedo() {
        stack.execute(FlowEdits.add("X", 0));
        stack.undo();
        stack.execute(FlowEdits.add("Y", 0));
        assertFalse(stack.canRedoProperty().get());
    }

    @Test
    void anEditPushedFromAListenerIsRefusedAndTheStackStaysUsable() {
        // JavaFX hands a listener's exception to the thread's handler: the listener keeps it here
        IllegalStateException[] refused = new IllegalStateException[1];
        stack.revisionProperty().addListener((o, a, b) -> {
            if (stack.undoSize() == 1 && refused[0] == null) {
                refused[0] = assertThrows(IllegalStateException.class, () -> stack.execute(FlowEdits.add("Echo", 0)));
            }
        });
        assertTrue(stack.execute(FlowEdits.add("X", 0)));
        IllegalStateException e = refused[0];
        assertTrue(e.getMessage().contains("cannot apply 'New flow Echo' while 'New flow X' is being applied"), e.getMessage());
        assertTrue(e.getMessage().contains("must not edit"), e.getMessage());
        // the refused edit left nothing behind; the outer one was recorded and undoes
        assertFalse(doc.state.lanes().contains("Echo"));
        assertEquals(1, stack.undoSize());
        assertFalse(stack.isApplying());
        stack.undo();
        assertFalse(doc.state.lanes().contains("X"));
    }

    @Test
    void undoFromTheTargetsShowIsRefused() {
        CommandStack[] self = new CommandStack[1];
        Doc reentrant = new Doc() {
            @Override
            public void show(DesignState s, Selection sel) {
                super.show(s, sel);
                self[0].undo();
            }
        };
        self[0] = new CommandStack(reentrant);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> self[0].execute(FlowEdits.add("X", 0)));
        assertTrue(e.getMessage().contains("cannot undo New flow X while 'New flow X' is being applied"), e.getMessage());
        assertFalse(self[0].isApplying());
    }
}
