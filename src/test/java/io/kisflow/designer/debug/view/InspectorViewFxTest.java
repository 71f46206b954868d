package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.data.RowJson;
import io.kisflow.designer.debug.inspect.ExportFormat;
import io.kisflow.designer.debug.inspect.InspectorModel;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.function.Predicate;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import static io.kisflow.designer.debug.view.RowsFxSupport.averages;
import static io.kisflow.designer.debug.view.RowsFxSupport.settle;
import static io.kisflow.designer.debug.view.RowsFxSupport.shown;
import static io.kisflow.designer.debug.view.RowsFxSupport.source;
import static io.kisflow.designer.debug.view.RowsFxSupport.sourceRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data inspector on screen (headless): what the table, header, raw JSON and export show and do. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class InspectorViewFxTest {
    @TempDir
    Path tmp;
    private final ExecutorService background = RowsFxSupport.background();
    private final Deque<Path> chosen = new ArrayDeque<>();
    private final List<String> suggested = new ArrayList<>();
    private InspectorModel model;
    private InspectorView view;

    @Start
    void start(Stage stage) {
        model = new InspectorModel(Platform::runLater, background);
        view = new InspectorView(model, (owner, name, format) -> {
            suggested.add(name + " " + format);
            return Optional.ofNullable(chosen.poll());
        });
        RowsFxSupport.show(stage, view, Theme.LIGHT);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private void show(FxRobot robot, LevelData level) {
        robot.interact(() -> model.show(level));
        settle(() -> !model.computingProperty().get() && model.columnsCompleteProperty().get());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void beforeAnyLevelItSaysHowToGetOne(FxRobot robot) {
        assertTrue(robot.lookup("#inspectorEmpty").query().isVisible());
        assertEquals(InspectorView.EMPTY, ((RowsEmptyState) robot.lookup("#inspectorEmpty").query()).text());
        assertFalse(RowsFxSupport.onScreen(view.table()));

        show(robot, source(sourceRows()));
        assertFalse(RowsFxSupport.onScreen(robot.lookup("#inspectorEmpty").query()));
        assertTrue(RowsFxSupport.onScreen(view.table()));
    }

    @Test
    void aLevelOfJsonObjectsShowsOneColumnPerFieldAndTheRowNumbers(FxRobot robot) {
        show(robot, source(sourceRows()));

        assertEquals(List.of("#", "stu_id", "score_1", "score_2", "score_3"), RowsFxSupport.columnTitles(view.table()));
        assertEquals(List.of("1", "2", "3", "4"), shown(robot, view.table(), "#"));
        assertEquals(List.of("101", "102", "103", "104"), shown(robot, view.table(), "stu_id"));
        assertEquals(List.of("85", "70", "140", "95"), shown(robot, view.table(), "score_2"));
        assertEquals("StuScore ›", robot.lookup(".rows-flow").queryAs(Label.class).getText());
        assertEquals("source", text(robot, "#inspectorLevel"));
        assertEquals("4 rows", text(robot, "#inspectorCounts"));
        assertFalse(robot.lookup("#inspectorPinned").query().isVisible());
    }

    @Test
    void plainStringsShowInOneValueColumn(FxRobot robot) {
        show(robot, LevelData.of("StuScore", "PrintStuAvgScore", 2,
                List.of("stuid: [101], avg score: [84.00]", "stuid: [102], avg score: [70.00]")));

        assertEquals(List.of("#", RowJson.VALUE_COLUMN), RowsFxSupport.columnTitles(view.table()));
        assertEquals(List.of("stuid: [101], avg score: [84.00]", "stuid: [102], avg score: [70.00]"),
                shown(robot, view.table(), RowJson.VALUE_COLUMN));
        assertEquals("#3 PrintStuAvgScore", text(robot, "#inspectorLevel"));
    }

    @Test
    void theFilterNarrowsTheRowsAndTheCountSaysSo(FxRobot robot) {
        show(robot, source(sourceRows()));

        robot.clickOn("#inspectorFilter").write("140");
        settle(() -> !model.computingProperty().get() && model.visibleCountProperty().get() == 1);
        assertEquals(List.of("103"), shown(robot, view.table(), "stu_id"));
        assertEquals(List.of("3"), shown(robot, view.table(), "#"), "the row keeps its number in the level");
        assertEquals("1 of 4 rows matches", text(robot, "#inspectorCounts"));

        robot.eraseText(3).write("10");
        settle(() -> !model.computingProperty().get() && model.visibleCountProperty().get() == 4);
        assertEquals("4 of 4 rows match", text(robot, "#inspectorCounts"));

        robot.write("4");
        settle(() -> !model.computingProperty().get() && model.visibleCountProperty().get() == 1);
        assertEquals(List.of("104"), shown(robot, view.table(), "stu_id"));

        robot.type(KeyCode.ESCAPE);
        settle(() -> !model.computingProperty().get() && model.visibleCountProperty().get() == 4);
        assertEquals("4 rows", text(robot, "#inspectorCounts"));
    }

    @Test
    void clickingAHeaderSortsThroughTheModelAndShowsTheArrow(FxRobot robot) {
        show(robot, LevelData.of("StuScore", "AvgStuScore", 1, averages(List.of(
                RowsFxSupport.student(101, 90, 85, 77), RowsFxSupport.student(102, 60, 70, 80), RowsFxSupport.student(104, 100, 95, 98)))));
        assertEquals(List.of("84.0", "70.0", "97.67"), shown(robot, view.table(), "avg_score"));

        robot.clickOn(RowsFxSupport.header(robot, view.table(), "avg_score"));
        settle(() -> !model.computingProperty().get() && model.sortProperty().get() != null);
        assertEquals(List.of("70.0", "84.0", "97.67"), shown(robot, view.table(), "avg_score"));
        assertEquals(List.of("2", "1", "3"), shown(robot, view.table(), "#"));
        assertEquals("avg_score", view.table().getSortOrder().get(0).getText());

        robot.clickOn(RowsFxSupport.header(robot, view.table(), "avg_score"));
        settle(() -> !model.computingProperty().get() && !model.sortProperty().get().ascending());
        assertEquals(List.of("97.67", "84.0", "70.0"), shown(robot, view.table(), "avg_score"));

        robot.clickOn(RowsFxSupport.header(robot, view.table(), "avg_score"));
        settle(() -> !model.computingProperty().get() && model.sortProperty().get() == null);
        assertEquals(List.of("84.0", "70.0", "97.67"), shown(robot, view.table(), "avg_score"));
        assertTrue(view.table().getSortOrder().isEmpty());
    }

    @Test
    void theSortArrowFollowsTheModelWhenAnotherLevelIsShown(FxRobot robot) {
        show(robot, source(sourceRows()));
        robot.clickOn(RowsFxSupport.header(robot, view.table(), "score_1"));
        settle(() -> !model.computingProperty().get() && model.sortProperty().get() != null);
        assertEquals(List.of("60", "90", "99", "100"), shown(robot, view.table(), "score_1"));

        show(robot, LevelData.of("StuScore", "VerifyStu", 0, List.of(sourceRows().get(3), sourceRows().get(0))));
        assertEquals(List.of("90", "100"), shown(robot, view.table(), "score_1"));
        assertEquals("score_1", view.table().getSortOrder().get(0).getText());

        show(robot, LevelData.of("StuScore", "AvgStuScore", 1, averages(List.of(sourceRows().get(0)))));
        assertTrue(view.table().getSortOrder().isEmpty());
        assertEquals(null, model.sortProperty().get());
    }

    @Test
    void ctrlCCopiesTheSelectedRowsAndTheMenuCopiesThemAsJson(FxRobot robot) {
        show(robot, source(sourceRows()));
        robot.clickOn(cellOf(robot, "102")).press(KeyCode.CONTROL).clickOn(cellOf(robot, "104")).release(KeyCode.CONTROL);
        assertEquals(List.of(1, 3), view.table().getSelectionModel().getSelectedIndices());
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        assertEquals("stu_id\tscore_1\tscore_2\tscore_3\n102\t60\t70\t80\n104\t100\t95\t98\n", clipboard(robot));
        assertEquals("Copied 2 rows as tab-separated text.", text(robot, "#inspectorMessage"));

        // Monocle's headless robot sends no context-menu event for a right click: open the table's menu as that event would.
        robot.interact(() -> view.table().getContextMenu().show(cellOf(robot, "104"), Side.RIGHT, 0, 0));
        robot.clickOn("Copy rows as JSON");
        String json = clipboard(robot);
        assertTrue(json.startsWith("[ {"), json);
        assertTrue(json.contains("\"stu_id\" : 102"), json);
        assertTrue(json.contains("\"stu_id\" : 104"), json);
        assertTrue(json.contains("\"score_3\" : 98"), json);
        assertFalse(json.contains("\"stu_id\" : 101"), json);
        assertEquals("Copied 2 rows as JSON.", text(robot, "#inspectorMessage"));
    }

    private Node cellOf(FxRobot robot, String text) {
        return robot.from(view.table()).lookup((Predicate<Node>) n -> n instanceof javafx.scene.control.TableCell<?, ?> c && text.equals(c.getText())).query();
    }

    private static String clipboard(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = Clipboard.getSystemClipboard().getString());
        return out[0];
    }

    @Test
    void exportWritesTheChosenFileAndReportsIt(FxRobot robot) throws Exception {
        show(robot, LevelData.of("StuScore", "AvgStuScore", 1, averages(List.of(
                RowsFxSupport.student(101, 90, 85, 77), RowsFxSupport.student(104, 100, 95, 98)))));
        Path csv = tmp.resolve("averages.csv");
        chosen.add(csv);

        robot.clickOn("#inspectorExport");
        robot.clickOn("All rows as CSV…");
        settle(() -> text(robot, "#inspectorMessage").startsWith("Exported"));

        assertEquals(List.of("StuScore-AvgStuScore.csv CSV"), suggested);
        assertEquals("stu_id,avg_score\r\n101,84.0\r\n104,97.67\r\n", Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals("Exported 2 rows to " + csv, text(robot, "#inspectorMessage"));

        // only the rows the filter shows, as JSON lines
        robot.clickOn("#inspectorFilter").write("104");
        settle(() -> !model.computingProperty().get() && model.visibleCountProperty().get() == 1);
        Path jsonl = tmp.resolve("one.jsonl");
        chosen.add(jsonl);
        robot.clickOn("#inspectorExport");
        robot.clickOn("Shown rows as JSON lines…");
        settle(() -> text(robot, "#inspectorMessage").startsWith("Exported"));
        assertEquals("{\"stu_id\":104,\"avg_score\":97.67}\n", Files.readString(jsonl, StandardCharsets.UTF_8));

        // a cancelled chooser writes nothing; a folder that is not there is reported, not thrown
        robot.clickOn("#inspectorExport");
        robot.clickOn("All rows as JSON lines…");
        assertEquals("Exported 1 row to " + jsonl, text(robot, "#inspectorMessage"));
        Path nowhere = tmp.resolve("missing").resolve("x.csv");
        chosen.add(nowhere);
        robot.clickOn("#inspectorExport");
        robot.clickOn("All rows as CSV…");
        settle(() -> text(robot, "#inspectorMessage").startsWith("Export failed"));
        assertTrue(text(robot, "#inspectorMessage").contains(nowhere.toString()), text(robot, "#inspectorMessage"));
        assertTrue(robot.lookup("#inspectorMessage").query().getStyleClass().contains("error"));
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void pinnedRowsAreBadgedLoudly(FxRobot robot) {
        show(robot, new LevelData("StuScore", "AvgStuScore", 1, List.of(new RowsFxSupport.StuAvgScore(1, 50.0)), true));
        Label badge = robot.lookup("#inspectorPinned").queryAs(Label.class);
        assertTrue(badge.isVisible());
        assertEquals("PINNED", badge.getText());
        assertTrue(badge.getWidth() > 0);

        show(robot, LevelData.of("StuScore", "AvgStuScore", 1, List.of(new RowsFxSupport.StuAvgScore(1, 50.0))));
        assertFalse(badge.isVisible());
    }

    @Test
    void theRawJsonViewShowsTheSelectedRowOrTheFirstRows(FxRobot robot) {
        show(robot, source(sourceRows()));
        robot.clickOn("#inspectorJsonToggle");
        TextArea json = robot.lookup("#inspectorJson").queryAs(TextArea.class);
        assertTrue(RowsFxSupport.onScreen(json));
        assertFalse(json.isEditable());
        assertTrue(json.getText().startsWith("[ {\n  \"stu_id\" : 101,"), json.getText());
        assertEquals("All 4 rows", text(robot, "#inspectorJsonTitle"));

        robot.clickOn(cellOf(robot, "103"));
        assertEquals("{\n  \"stu_id\" : 103,\n  \"score_1\" : 99,\n  \"score_2\" : 140,\n  \"score_3\" : 88\n}", json.getText());
        assertEquals("Row 3", text(robot, "#inspectorJsonTitle"));

        robot.clickOn("#inspectorJsonToggle");
        assertFalse(RowsFxSupport.onScreen(json));
    }

    @Test
    void aMillionRowLevelShowsItsFirstRowsAndCount(FxRobot robot) {
        List<Object> rows = new ArrayList<>(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            rows.add("row " + i);
        }
        show(robot, LevelData.of("Big", "Emit", 0, rows));

        assertEquals("1,000,000 rows", text(robot, "#inspectorCounts"));
        List<String> first = shown(robot, view.table(), RowJson.VALUE_COLUMN);
        assertEquals(List.of("row 0", "row 1", "row 2"), first.subList(0, 3));
        assertTrue(first.size() < 50, "only the visible rows get cells: " + first.size());

        robot.interact(() -> view.table().scrollTo(999_999));
        List<String> last = shown(robot, view.table(), RowJson.VALUE_COLUMN);
        assertTrue(last.contains("row 999999"), last.toString());
        assertTrue(shown(robot, view.table(), "#").contains("1,000,000"));
    }

    @Test
    void exportSuggestsANameFromTheFlowAndTheLevel() {
        assertEquals("StuScore-source.jsonl", InspectorExport.suggestedName(source(List.of()), ExportFormat.JSON_LINES));
        assertEquals("My_flow-Avg_Score.csv", InspectorExport.suggestedName(LevelData.of("My flow", "Avg:Score", 0, List.of()), ExportFormat.CSV));
    }
}
