package io.kisflow.designer.canvas;

import io.kisflow.designer.Fixtures;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.palette.PaletteItem;
import io.kisflow.designer.palette.PaletteViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.kisflow.designer.Fixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanvasViewModelTest {
    private final ProjectDocument doc = new ProjectDocument();
    private CanvasViewModel vm;

    @BeforeEach
    void open() {
        doc.open(Path.of("/tmp/p"), Fixtures.state(), Fixtures.state());
        vm = new CanvasViewModel(doc);
        vm.setViewSize(3000, 1000);
    }

    private void dragCard(String flow, int index, double[] to) {
        double[] from = vm.cardCentre(flow, index);
        vm.press(from[0], from[1]);
        vm.drag(from[0] + 10, from[1] + 10);
        vm.drag(to[0], to[1]);
        vm.release(to[0], to[1]);
    }

    @Test
    void droppingAPaletteFunctionBetweenTwoCardsInsertsItThere() {
        double[] gap = vm.gapPoint("StuScore", 1);
        PaletteItem rank = new PaletteItem(PaletteItem.Kind.FUNCTION, "RankScores", "Calculate");
        vm.paletteDragOver(rank, gap[0], gap[1]);
        assertEquals(0, vm.feedbackProperty().get().lane());
        assertEquals(1, vm.feedbackProperty().get().gap());
        assertTrue(vm.paletteDrop(rank, gap[0], gap[1]));
        assertEquals(List.of("VerifyStu", "RankScores", "AvgStuScore", "PrintStuAvgScore"), steps(doc.state(), "StuScore"));
        assertEquals(Selection.step("StuScore", 1), doc.selection());
        assertNull(vm.feedbackProperty().get());
    }

    @Test
    void droppingOnACardsRightHalfInsertsAfterIt() {
        double[] c = vm.cardCentre("StuScore", 2);
        vm.paletteDrop(new PaletteItem(PaletteItem.Kind.FUNCTION, "RankScores", ""), c[0] + 20, c[1]);
        assertEquals(List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore", "RankScores"), steps(doc.state(), "StuScore"));
    }

    @Test
    void anUnconfiguredPluginFunctionGetsAConfigWhenDropped() {
        double[] gap = vm.gapPoint("LoadScores", 0);
        vm.paletteDrop(new PaletteItem(PaletteItem.Kind.UNCONFIGURED, "Dedupe", "plugin"), gap[0], gap[1]);
        assertEquals(List.of("Dedupe", "LoadAvgScore", "RankScores"), steps(doc.state(), "LoadScores"));
        assertEquals("Calculate", doc.state().configs().func("Dedupe").fmode());
        doc.undo();
        assertNull(doc.state().configs().func("Dedupe"), "config and card are one undo step");
    }

    @Test
    void draggingACardReordersAndMovesBetweenLanes() {
        dragCard("StuScore", 0, vm.gapPoint("StuScore", 3));
        assertEquals(List.of("AvgStuScore", "PrintStuAvgScore", "VerifyStu"), steps(doc.state(), "StuScore"));
        dragCard("StuScore", 2, vm.gapPoint("LoadScores", 1));
        assertEquals(List.of("AvgStuScore", "PrintStuAvgScore"), steps(doc.state(), "StuScore"));
        assertEquals(List.of("LoadAvgScore", "VerifyStu", "RankScores"), steps(doc.state(), "LoadScores"));
        assertEquals(2, doc.history().undoSize(), "each drag is one undo step");
    }

    @Test
    void aClickSelectsWithoutEditing() {
        double[] c = vm.cardCentre("SaveScores", 2);
        vm.press(c[0], c[1]);
        vm.release(c[0], c[1]);
        assertEquals(Selection.step("SaveScores", 2), doc.selection());
        assertEquals(0, doc.history().undoSize());
    }

    @Test
    void draggingAConnectorOntoASaveCardBindsIt() {
        doc.perform(io.kisflow.designer.edit.ConnectorEdits.unbind("SaveAvgScore"));
        double[] badge = vm.badgeCentre("ScoreStore");
        double[] card = vm.cardCentre("SaveScores", 2);
        vm.press(badge[0], badge[1]);
        vm.drag(badge[0] - 10, badge[1]);
        vm.drag(card[0], card[1]);
        assertNull(vm.feedbackProperty().get().refusal());
        vm.release(card[0], card[1]);
        assertEquals("ScoreStore", doc.state().configs().func("SaveAvgScore").option().cname());
        assertEquals(List.of("SaveAvgScore"), doc.state().configs().conn("ScoreStore").save());
    }

    @Test
    void aConnectorOnAnotherModeIsRefusedWithTheReason() {
        double[] card = vm.cardCentre("StuScore", 1);
        PaletteItem conn = new PaletteItem(PaletteItem.Kind.CONNECTOR, "ScoreStore", "redis");
        vm.paletteDragOver(conn, card[0], card[1]);
        assertEquals("Cannot bind ScoreStore to AvgStuScore: only Save and Load functions call a connector, and AvgStuScore is a Calculate function.",
                vm.feedbackProperty().get().refusal());
        assertFalse(vm.paletteDrop(conn, card[0], card[1]));
        assertEquals(StatusMessage.Kind.REFUSED, doc.status().kind());
        assertTrue(doc.status().text().startsWith("Cannot bind ScoreStore to AvgStuScore"));
        assertEquals("", doc.state().configs().func("AvgStuScore").option().cname());
        assertFalse(doc.isDirty());
    }

    @Test
    void draggingABadgeToEmptySpaceMovesIt() {
        double[] badge = vm.badgeCentre("ScoreStore");
        vm.press(badge[0], badge[1]);
        vm.drag(badge[0] + 30, badge[1] + 40);
        vm.release(badge[0] + 30, badge[1] + 40);
        Rect r = vm.geometry().badgeRect("ScoreStore");
        assertEquals(badge[0] + 30, vm.viewport().toScreenX(r.centerX()), 1e-6);
        assertTrue(doc.isDirty(), "badge positions are saved in the sidecar");
    }

    @Test
    void draggingALaneHeaderReordersLanes() {
        double x = vm.viewport().toScreenX(20);
        double y = vm.viewport().toScreenY(vm.geometry().laneY(0) + 30);
        double below = vm.viewport().toScreenY(vm.geometry().laneY(3) - 5);
        vm.press(x, y);
        vm.drag(x, y + 20);
        vm.drag(x, below);
        vm.release(x, below);
        assertEquals(List.of("SaveScores", "LoadScores", "StuScore"), doc.state().lanes());
    }

    @Test
    void draggingEmptySpacePans() {
        Viewport before = vm.viewport();
        double x = 2900;
        double y = 900;
        vm.press(x, y);
        vm.drag(x - 100, y - 50);
        vm.release(x - 100, y - 50);
        assertEquals(before.panX() - 100, vm.viewport().panX(), 1e-9);
        assertEquals(before.panY() - 50, vm.viewport().panY(), 1e-9);
        assertEquals(0, doc.history().undoSize());
    }

    @Test
    void findSelectsMatchesInTurn() {
        assertEquals(5, vm.find("avg"));
        assertEquals(Selection.step("StuScore", 1), doc.selection());
        vm.findNext();
        assertEquals(Selection.step("StuScore", 2), doc.selection());
        assertEquals(1, vm.find("loadscores"));
        assertEquals(Selection.flow("LoadScores"), doc.selection());
        assertEquals(0, vm.find("zzz"));
        assertEquals("No flow, card or connector matches \"zzz\".", doc.status().text());
    }

    @Test
    void fitShowsEverything() {
        vm.setViewSize(400, 200);
        vm.fit();
        Rect b = vm.geometry().bounds();
        Viewport v = vm.viewport();
        assertTrue(v.toScreenX(b.x()) >= 0 && v.toScreenX(b.maxX()) <= 400);
        assertTrue(v.toScreenY(b.y()) >= 0 && v.toScreenY(b.maxY()) <= 200);
    }

    @Test
    void zoomKeepsThePointUnderThePointer() {
        Viewport v = vm.viewport();
        double wx = v.toWorldX(300);
        vm.zoomAt(2, 300, 100);
        assertEquals(300, vm.viewport().toScreenX(wx), 1e-9);
        assertEquals(2, vm.viewport().zoom(), 1e-9);
    }

    // ---- the view moves only when the user navigates (issue 8, items 7 and 10) ------------------

    @Test
    void pressingAPaletteConnectorOrAHalfHiddenCardNeverMovesTheView() {
        vm.setViewSize(400, 200);
        Viewport before = vm.viewport();
        // a drag from the palette starts by pressing the entry, which selects it
        new PaletteViewModel(doc).select(new PaletteItem(PaletteItem.Kind.CONNECTOR, "ScoreStore", "redis"));
        assertEquals(Selection.connector("ScoreStore"), doc.selection());
        assertEquals(before, vm.viewport());
        // the first card of StuScore runs off the right edge; pressing it starts a drag where it is
        double[] c = vm.cardCentre("StuScore", 0);
        assertTrue(vm.viewport().toScreenX(vm.geometry().cardRect(0, 0).maxX()) > 400 - 24);
        vm.press(c[0], c[1]);
        assertEquals(Selection.step("StuScore", 0), doc.selection());
        assertEquals(before, vm.viewport());
        vm.drag(c[0] + 30, c[1] + 5);
        assertEquals(before, vm.viewport());
    }

    @Test
    void findRevealsTheMatchClearOfTheFindBar() {
        vm.setViewSize(500, 300);
        vm.setCovered(44, 0);
        vm.viewportProperty().set(new Viewport(1, -2000, 200));
        assertEquals(1, vm.find("loadavg"));
        Rect card = vm.rectOf(doc.selection());
        Viewport v = vm.viewport();
        assertTrue(v.toScreenY(card.y()) >= 44, "the card's top is below the find bar: " + v.toScreenY(card.y()));
        assertTrue(v.toScreenY(card.maxY()) <= 300 && v.toScreenX(card.x()) >= 0 && v.toScreenX(card.maxX()) <= 500);
    }

    @Test
    void aNewConnectorsBadgeIsShownClearOfTheFindBar() {
        vm.setViewSize(500, 300);
        vm.setCovered(44, 0);
        new io.kisflow.designer.document.EditActions(doc).newConnector();
        Rect badge = vm.rectOf(doc.selection());
        Viewport v = vm.viewport();
        assertTrue(doc.selection() instanceof Selection.OfConnector);
        assertTrue(v.toScreenY(badge.y()) >= 44 && v.toScreenY(badge.maxY()) <= 300);
        assertTrue(v.toScreenX(badge.x()) >= 0 && v.toScreenX(badge.maxX()) <= 500);
    }

    @Test
    void fitKeepsTheTopLaneClearOfTheFindBar() {
        vm.setViewSize(600, 300);
        vm.setCovered(44, 0);
        vm.fit();
        assertTrue(vm.viewport().toScreenY(vm.geometry().bounds().y()) >= 44);
    }

    @Test
    void theScrollBarsReachALaneWiderThanTheView() {
        vm.setViewSize(500, 300);
        vm.viewportProperty().set(Viewport.DEFAULT);
        CanvasViewModel.ScrollAxis h = vm.horizontalScroll();
        assertTrue(h.visible() < 1, "the view shows only part of the lanes");
        vm.scrollToX(h.max());
        Rect last = vm.rectOf(Selection.connector("ScoreStore"));
        assertTrue(vm.viewport().toScreenX(last.maxX()) <= 500, "scrolled to the end, the right-most badge is in view");
        assertEquals(h.max(), vm.horizontalScroll().value(), 1e-6);
        vm.scrollToY(vm.verticalScroll().min());
        assertTrue(vm.viewport().toScreenY(0) > 0, "scrolled to the top, the first lane is in view");
    }

    @Test
    void theTooltipNamesTheCardInFull() {
        double[] c = vm.cardCentre("StuScore", 2);
        assertEquals("PrintStuAvgScore\nExpand \u00b7 card 3 of flow StuScore", vm.describeAt(c[0], c[1]));
        double[] b = vm.badgeCentre("ScoreStore");
        assertEquals("ScoreStore\nredis connector", vm.describeAt(b[0], b[1]));
        assertNull(vm.describeAt(vm.viewport().toScreenX(-500), vm.viewport().toScreenY(-500)));
    }

    @Test
    void longNamesBreakAtWordBoundaries() {
        assertEquals(List.of(5, 8, 11), TextFitter.wordBreaks("PrintStuAvgScore"));
        assertEquals(List.of(5, 9), TextFitter.wordBreaks("save_avg2Score"));
        assertEquals(List.of(), TextFitter.wordBreaks("lowercase"));
    }
}
