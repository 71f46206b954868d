package io.kisflow.designer.canvas;

import io.kisflow.designer.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanvasGeometryTest {
    private final CanvasGeometry g = CanvasGeometry.of(Fixtures.state());

    @Test
    void lanesFollowTheLayoutOrderThenLoadOrder() {
        assertEquals(List.of("StuScore", "SaveScores", "LoadScores"), g.lanes());
        assertEquals(2, g.laneOf("LoadScores"));
    }

    @Test
    void hitsFindCardsHeadersLanesAndBadges() {
        Rect card = g.cardRect(1, 2);
        assertEquals(new Hit.Card(1, 2), g.hitAt(card.centerX(), card.centerY()));
        assertEquals(new Hit.Header(0), g.hitAt(10, 10));
        assertEquals(new Hit.Lane(2), g.hitAt(card.maxX() + CanvasGeometry.CARD_GAP / 2, g.laneY(2) + 50));
        Rect badge = g.badgeRect("ScoreStore");
        assertEquals(new Hit.Badge("ScoreStore"), g.hitAt(badge.centerX(), badge.centerY()));
        assertEquals(Hit.NOTHING, g.hitAt(-5, 10));
    }

    @Test
    void linksJoinTheConnectorToEveryBindingCard() {
        assertEquals(List.of(new Link("ScoreStore", 1, 2, "Save"), new Link("ScoreStore", 2, 0, "Load")), g.links());
        assertTrue(g.badgeRect("ScoreStore").x() > g.laneWidth(), "badges sit beside the lanes");
    }

    @Test
    void gapsAreCountedFromCardCentres() {
        Rect first = g.cardRect(0, 0);
        assertEquals(0, g.gapAt(0, first.centerX() - 1));
        assertEquals(1, g.gapAt(0, first.centerX() + 1));
        assertEquals(3, g.gapAt(0, 99999));
        assertEquals(0, g.gapAt(0, -99999));
    }

    @Test
    void visibleLanesCullByTheViewedRectangle() {
        int[] r = g.visibleLanes(new Rect(0, g.laneY(1) + 5, 100, 10));
        assertEquals(1, r[0]);
        assertEquals(1, r[1]);
    }
}
