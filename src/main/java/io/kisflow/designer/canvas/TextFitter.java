package io.kisflow.designer.canvas;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;

/**
 * Shortens names with an ellipsis to fit a width, measuring with the real font once per name and
 * width (cached: the canvas paints the same names every frame).
 *
 * <pre>{@code gc.fillText(fitter.fit(name, font, 120), x, y);}</pre>
 */
public final class TextFitter {
    private final Text probe = new Text();
    private final Map<String, String> cache = new HashMap<>();

    public String fit(String text, Font font, double maxWidth) {
        String key = font.getName() + '|' + font.getSize() + '|' + maxWidth + '|' + text;
        String cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        if (cache.size() > 20_000) {
            cache.clear();
        }
        String fitted = compute(text, font, maxWidth);
        cache.put(key, fitted);
        return fitted;
    }

    public double width(String text, Font font) {
        probe.setFont(font);
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }

    private String compute(String text, Font font, double maxWidth) {
        if (width(text, font) <= maxWidth) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(text.substring(0, mid) + "\u2026", font) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo) + "\u2026";
    }
}
