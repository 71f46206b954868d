package io.kisflow.designer.properties;

import io.kisflow.designer.Fixtures;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.kisflow.designer.Fixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PropertiesViewModelTest {
    private final ProjectDocument doc = new ProjectDocument();
    private PropertiesViewModel props;

    @BeforeEach
    void open() {
        doc.open(Path.of("/tmp/p"), Fixtures.state(), Fixtures.state());
        props = new PropertiesViewModel(doc);
    }

    /** Types text into a field the way a TextField does: one change per keystroke, inside one focus visit. */
    private static void type(FieldModel f, String text) {
        f.focusGained();
        f.setText("");
        for (int i = 1; i <= text.length(); i++) {
            f.setText(text.substring(0, i));
        }
        f.focusLost();
    }

    @Test
    void aCardShowsItsFunctionItsParamsAndItsFlow() {
        doc.select(Selection.step("StuScore", 0));
        assertEquals(PropertiesViewModel.Shown.CARD, props.shown());
        assertEquals("Card 1 of flow StuScore", props.headingProperty().get());
        assertEquals("VerifyStu", props.function.name.text());
        assertEquals("Verify", props.function.mode.text());
        assertEquals("stu_id", props.function.must.text());
        assertEquals("StuScore", props.flow.name.text());
        assertEquals("max_score", props.cardParams.rows().get(0).key().get());
        assertEquals("100", props.function.defaultParams.rows().get(0).value().get());
    }

    @Test
    void typingAValidValueEditsLiveAndIsOneUndoStep() {
        doc.select(Selection.function("AvgStuScore"));
        type(props.function.retryTimes, "12");
        assertEquals(12, doc.state().configs().func("AvgStuScore").option().retryTimes());
        assertEquals(1, doc.history().undoSize());
        doc.undo();
        assertEquals(0, doc.state().configs().func("AvgStuScore").option().retryTimes());
        assertEquals("0", props.function.retryTimes.text(), "the field follows undo");
    }

    @Test
    void anInvalidValueIsRefusedAtTheFieldAndTheProjectKeepsItsValue() {
        doc.select(Selection.function("AvgStuScore"));
        FieldModel retry = props.function.retryTimes;
        retry.focusGained();
        retry.setText("-1");
        assertEquals("Retry times must be a whole number of 0 or more, not \"-1\".", retry.error());
        assertEquals(0, doc.state().configs().func("AvgStuScore").option().retryTimes());
        retry.focusLost();
        assertEquals("0", retry.text(), "leaving the field shows the project's value again");
        assertFalse(doc.isDirty());
        // issue 8 item 11: the field holds a valid value again, so no old error stays under it;
        // the status line says what was refused and what was kept
        assertEquals("", retry.error());
        assertEquals("Retry times must be a whole number of 0 or more, not \"-1\". Retry times stays \"0\".", doc.status().text());
        retry.focusGained();
        retry.setText("x");
        assertFalse(retry.error().isEmpty());
        retry.setText("4");
        assertEquals("", retry.error(), "a valid value clears the error at once");
    }

    @Test
    void renamingByTypingFollowsEverywhereAsOneUndoStep() {
        doc.select(Selection.step("SaveScores", 1));
        type(props.function.name, "Mean");
        assertEquals(List.of("VerifyStu", "Mean", "PrintStuAvgScore"), steps(doc.state(), "StuScore"));
        assertEquals(List.of("VerifyStu", "Mean", "SaveAvgScore"), steps(doc.state(), "SaveScores"));
        assertEquals(1, doc.history().undoSize());
        assertEquals("Rename function AvgStuScore to Mean", doc.history().undoDescriptionProperty().get());
    }

    @Test
    void aNameReachesTheProjectOnlyWhenCommitted() {
        doc.select(Selection.function("AvgStuScore"));
        FieldModel name = props.function.name;
        name.focusGained();
        for (String typed : List.of("E", "Em", "Emi", "Emit")) {
            name.setText(typed);
            assertTrue(doc.state().configs().funcs().containsKey("AvgStuScore"), "no rename while typing " + typed);
            assertFalse(doc.state().configs().funcs().containsKey(typed));
        }
        assertFalse(doc.isDirty());
        assertEquals(0, doc.history().undoSize());
        name.enter();
        assertEquals(List.of("VerifyStu", "Emit", "PrintStuAvgScore"), steps(doc.state(), "StuScore"));
        assertEquals(1, doc.history().undoSize());
        assertEquals("Rename function AvgStuScore to Emit", doc.history().undoDescriptionProperty().get());
        assertEquals(Selection.function("Emit"), doc.selection());
        name.focusLost();
        assertEquals(1, doc.history().undoSize(), "leaving the field after Enter changes nothing more");
    }

    @Test
    void escapeRestoresTheNameAndNothingReachesTheProject() {
        doc.select(Selection.flow("StuScore"));
        FieldModel name = props.flow.name;
        name.focusGained();
        name.setText("Stu");
        name.setText("SaveScores");
        assertEquals("There is already a flow named SaveScores.", name.error(), "the problem shows while typing");
        assertTrue(name.escape());
        assertEquals("StuScore", name.text());
        assertEquals("", name.error());
        name.focusLost();
        assertFalse(doc.isDirty());
        assertEquals(0, doc.history().undoSize());
    }

    @Test
    void renamingToATakenNameIsRefusedAtTheField() {
        doc.select(Selection.function("AvgStuScore"));
        FieldModel name = props.function.name;
        name.focusGained();
        name.setText("RankScores");
        assertEquals("There is already a function named RankScores.", name.error());
        name.enter();
        assertEquals("RankScores", name.text(), "Enter keeps a refused name in the field, to be corrected");
        assertFalse(doc.isDirty());
        name.setText("RankScores2");
        assertEquals("", name.error());
        assertFalse(doc.state().configs().funcs().containsKey("RankScores2"));
        name.setText("RankScores");
        name.focusLost();
        assertEquals("AvgStuScore", name.text(), "leaving the field with a refused name shows the project's");
        // the field holds a valid name again: no old error under it; the status line says what happened
        assertEquals("", name.error());
        assertTrue(doc.status().text().startsWith("There is already a function named RankScores."), doc.status().text());
        assertTrue(doc.status().text().endsWith("stays \"AvgStuScore\"."), doc.status().text());
        assertFalse(doc.isDirty(), "a refused name never reaches the project");
    }

    @Test
    void renamingAFunctionThePluginsImplementWarnsBeforeTheCommit() {
        props.implementedProperty().set(java.util.Set.of("AvgStuScore", "VerifyStu"));
        doc.select(Selection.function("AvgStuScore"));
        FieldModel name = props.function.name;
        name.focusGained();
        name.setText("AverageScore");
        assertEquals("", name.error());
        assertTrue(name.warning().startsWith("The plugin code registers AvgStuScore, not AverageScore"), name.warning());
        assertEquals(name.warning(), name.messageProperty().get(), "the warning shows under the field");
        assertFalse(doc.isDirty(), "the warning comes before the rename");
        name.enter();
        assertTrue(doc.state().configs().funcs().containsKey("AverageScore"), "Enter renames anyway");
        assertEquals("", name.warning());
    }

    @Test
    void bindingAConnectorOnACalculateFunctionIsRefusedAtTheField() {
        doc.select(Selection.function("RankScores"));
        props.function.connector.focusGained();
        props.function.connector.setText("ScoreStore");
        assertTrue(props.function.connector.error().startsWith("Cannot bind ScoreStore to RankScores"));
        assertEquals(List.of("", "ScoreStore"), props.function.connector.options());
    }

    @Test
    void paramsRefuseEmptyAndRepeatedKeys() {
        doc.select(Selection.step("StuScore", 1));
        ParamsModel p = props.cardParams;
        p.focusGained();
        p.addRow();
        assertEquals("Type a key for the new param.", p.error());
        ParamsModel.Row first = p.rows().get(0);
        first.key().set("window");
        first.value().set("10");
        assertEquals(Map.of(), doc.state().configs().flow("StuScore").flows().get(1).params(), "nothing before the key is committed");
        p.commitKey(first);
        assertEquals(Map.of("window", "10"), doc.state().configs().flow("StuScore").flows().get(1).params());
        p.addRow();
        p.rows().get(1).key().set("window");
        assertEquals("The key window is used twice; keys must be unique.", p.error());
        assertEquals(Map.of("window", "10"), doc.state().configs().flow("StuScore").flows().get(1).params());
        p.removeRow(1);
        p.focusLost();
        assertEquals("", p.error());
    }

    @Test
    void aRepeatedKeyTypedLetterByLetterNeverReachesTheProject() {
        doc.select(Selection.step("StuScore", 1));
        ParamsModel p = props.cardParams;
        p.focusGained();
        p.addRow();
        ParamsModel.Row limit = p.rows().get(0);
        limit.key().set("limit");
        limit.value().set("7");
        p.commitKey(limit);
        assertEquals(Map.of("limit", "7"), doc.state().configs().flow("StuScore").flows().get(1).params());
        int steps = doc.history().undoSize();

        p.addRow();
        ParamsModel.Row again = p.rows().get(1);
        for (String typed : List.of("l", "li", "lim", "limi", "limit")) {
            again.key().set(typed);
            assertEquals(Map.of("limit", "7"), doc.state().configs().flow("StuScore").flows().get(1).params(), "while typing " + typed);
        }
        assertEquals("The key limit is used twice; keys must be unique.", p.error());
        p.commitKey(again);
        assertEquals(Map.of("limit", "7"), doc.state().configs().flow("StuScore").flows().get(1).params(), "the refused key is not written");
        assertEquals("", again.key().get(), "the refused key gives way to the row's (none yet)");
        assertEquals("The key limit is used twice; keys must be unique.", p.error());
        assertEquals(steps, doc.history().undoSize());

        limit.key().set("max");
        assertTrue(p.escapeKey(limit));
        assertEquals("limit", limit.key().get());
        limit.key().set("max");
        p.commitKey(limit);
        assertEquals(Map.of("max", "7"), doc.state().configs().flow("StuScore").flows().get(1).params());
        assertTrue(doc.history().undoDescriptionProperty().get().endsWith(": rename limit to max"),
                doc.history().undoDescriptionProperty().get());
        doc.undo();
        assertEquals(Map.of("limit", "7"), doc.state().configs().flow("StuScore").flows().get(1).params(), "one commit is one undo step");
        assertEquals("limit", p.rows().get(0).key().get());
    }

    @Test
    void addingAParamIsOneUndoStepKeyAndValue() {
        doc.select(Selection.step("StuScore", 1));
        ParamsModel p = props.cardParams;
        int steps = doc.history().undoSize();
        // Enter in the key, then the value typed in the same visit
        p.focusGained();
        p.addRow();
        ParamsModel.Row limit = p.rows().get(0);
        limit.key().set("limit");
        p.commitKey(limit);
        limit.value().set("7");
        p.focusLost();
        assertEquals(Map.of("limit", "7"), doc.state().configs().flow("StuScore").flows().get(1).params());
        assertEquals(steps + 1, doc.history().undoSize(), "key and value are one step");
        assertTrue(doc.history().undoDescriptionProperty().get().endsWith(": add limit"), doc.history().undoDescriptionProperty().get());

        // as the window does it: type the key, Tab (the key loses the focus and commits), type the value
        p.addRow();
        ParamsModel.Row max = p.rows().get(1);
        p.focusGained(max, false);
        max.key().set("max");
        p.focusLost(max, false);
        p.commitKey(max);
        p.focusGained(max, true);
        for (String typed : List.of("1", "10", "100")) {
            max.value().set(typed);
        }
        p.focusLost(max, true);
        assertEquals(Map.of("limit", "7", "max", "100"), doc.state().configs().flow("StuScore").flows().get(1).params());
        assertEquals(steps + 2, doc.history().undoSize());
        assertTrue(doc.history().undoDescriptionProperty().get().endsWith(": add max"), doc.history().undoDescriptionProperty().get());

        // a later visit of the value is a step of its own
        p.focusGained(max, true);
        max.value().set("99");
        p.focusLost(max, true);
        assertEquals(steps + 3, doc.history().undoSize());
        doc.undo();
        doc.undo();
        assertEquals(Map.of("limit", "7"), doc.state().configs().flow("StuScore").flows().get(1).params(), "one undo removes key and value");
    }

    @Test
    void escapeOnANewRowRemovesIt() {
        doc.select(Selection.step("StuScore", 1));
        ParamsModel p = props.cardParams;
        int steps = doc.history().undoSize();
        p.addRow();
        assertTrue(p.escapeKey(p.rows().get(0)));
        assertTrue(p.rows().isEmpty(), "the empty new row is gone");
        assertEquals("", p.error());
        p.addRow();
        p.rows().get(0).key().set("half");
        assertTrue(p.escapeKey(p.rows().get(0)));
        assertTrue(p.rows().isEmpty(), "a new row with a key never committed is gone too");
        assertEquals(steps, doc.history().undoSize());
        assertEquals(Map.of(), doc.state().configs().flow("StuScore").flows().get(1).params());
    }

    @Test
    void connectorAndGlobalFields() {
        doc.select(Selection.connector("ScoreStore"));
        assertEquals("Load: LoadAvgScore\nSave: SaveAvgScore", props.connector.bindingsText());
        type(props.connector.addrs, "10.0.0.1:6379");
        assertEquals("10.0.0.1:6379", doc.state().configs().conn("ScoreStore").addrs());

        doc.select(Selection.GLOBAL);
        FieldModel serve = props.global.prometheusServe;
        serve.focusGained();
        serve.setText("localhost");
        assertEquals("Metrics address must look like host:port, for example 127.0.0.1:20004.", serve.error());
        serve.setText("0.0.0.0:9100");
        assertEquals("0.0.0.0:9100", doc.state().configs().global().prometheusServe());
        props.global.prometheusEnable.setText("true");
        assertTrue(doc.state().configs().global().prometheusEnable());
    }

    @Test
    void flowStatusAndRename() {
        doc.select(Selection.flow("LoadScores"));
        assertEquals("0", props.flow.status.text());
        props.flow.status.setText("1");
        assertTrue(doc.state().configs().flow("LoadScores").enabled());
        type(props.flow.name, "ReadScores");
        assertEquals(List.of("StuScore", "SaveScores", "ReadScores"), doc.state().lanes());
        assertEquals(Selection.flow("ReadScores"), doc.selection());
    }
}
