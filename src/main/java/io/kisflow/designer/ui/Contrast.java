package io.kisflow.designer.ui;

import javafx.scene.paint.Color;

/**
 * How well text reads on a fill: the WCAG contrast ratio (1 to 21; 4.5 is the bar for small text),
 * and the text colour, black or white, that reads best on a fill. The canvas paints its own pixels,
 * so it picks text colours with this where CSS cannot.
 *
 * <pre>{@code gc.setFill(Contrast.textOn(pillColour));}</pre>
 */
public final class Contrast {
    private Contrast() {
    }

    /** The WCAG contrast ratio of two opaque colours. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Black or white, whichever contrasts more with the fill. */
    public static Color textOn(Color fill) {
        return ratio(fill, Color.WHITE) >= ratio(fill, Color.BLACK) ? Color.WHITE : Color.BLACK;
    }

    /** WCAG relative luminance. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
