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
        assertEquals("Rename function Mea to Mean", doc.history().undoDescriptionProperty().get());
    }

    @Test
    void renamingToATakenNameIsRefusedAtTheField() {
        doc.select(Selection.function("AvgStuScore"));
        FieldModel name = props.function.name;
        name.focusGained();
        name.setText("RankScores");
        assertEquals("There is already a function named RankScores.", name.error());
        name.setText("RankScores2");
        assertEquals("", name.error());
        assertTrue(doc.state().configs().funcs().containsKey("RankScores2"));
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
        p.rows().get(0).key().set("window");
        p.rows().get(0).value().set("10");
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
