package io.kisflow.designer.debug.view;

import io.kisflow.designer.canvas.CanvasGeometry;
import io.kisflow.designer.ui.Contrast;
import io.kisflow.designer.ui.Theme;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 8, item 10: the row counts sit on the arrows, clear of the cards, and read in both themes. */
class CanvasDebugOverlayTest {
    @Test
    void aCountStaysInTheGapBetweenTwoCardsAtEveryZoom() {
        for (double k = 1; k <= 2.2; k += 0.1) {
            for (double label : new double[]{6, 20, 40, 90}) {
                double w = CanvasDebugOverlay.pillWidth(label, k);
                // counts are centred on the arrow, half a gap right of a card (and half a gap left of the first)
                double left = CanvasGeometry.CARD_GAP / 2 - w / 2;
                double right = CanvasGeometry.CARD_GAP / 2 + w / 2;
                assertTrue(left > 0 && right < CanvasGeometry.CARD_GAP,
                        "a count " + w + " wide (label " + label + ", growth " + k + ") covers a card");
            }
        }
    }

    @Test
    void theDigitsOfEveryCountReadOnItsFillInBothThemes() {
        for (Theme t : Theme.values()) {
            // the source's count (grey), the levels' counts (green), a failed one (red)
            for (Color fill : new Color[]{t.palette().subText(), t.palette().ok(), t.palette().error()}) {
                double ratio = Contrast.ratio(CanvasDebugOverlay.pillText(fill), fill);
                assertTrue(ratio >= 4.5, t + ": digits on " + fill + " have contrast " + ratio);
            }
        }
    }

    @Test
    void theGoDiffersTagReadsWhiteOnItsCyan() {
        double ratio = Contrast.ratio(Color.WHITE, CanvasDebugOverlay.GO);
        assertTrue(ratio >= 4.5, "white on " + CanvasDebugOverlay.GO + " has contrast " + ratio);
    }
}
