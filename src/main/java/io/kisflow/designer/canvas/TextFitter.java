package io.kisflow.designer.canvas;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /**
     * The text on one line, or on two broken at a word boundary (camelCase, "_", "-", ".", space)
     * when one line is too narrow; the second line ends in "…" if it still does not fit. Long card
     * names stay readable ("PrintStuAvg" / "Score") instead of losing their end.
     */
    public List<String> wrap(String text, Font font, double maxWidth) {
        if (width(text, font) <= maxWidth) {
            return List.of(text);
        }
        int cut = -1;
        for (int b : wordBreaks(text)) {
            if (width(text.substring(0, b), font) <= maxWidth) {
                cut = b;
            }
        }
        if (cut < 0) {
            String first = fit(text, font, maxWidth);
            cut = Math.max(1, first.length() - 1);
        }
        String rest = text.substring(cut).stripLeading();
        return List.of(text.substring(0, cut).stripTrailing(), fit(rest, font, maxWidth));
    }

    /** Where a name may break: before an upper-case letter that follows a lower-case one or a digit, and after "_", "-", ".", " ". */
    static List<Integer> wordBreaks(String text) {
        List<Integer> breaks = new ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            char before = text.charAt(i - 1);
            char c = text.charAt(i);
            boolean camel = Character.isUpperCase(c) && (Character.isLowerCase(before) || Character.isDigit(before));
            boolean afterSeparator = "_-. ".indexOf(before) >= 0 && "_-. ".indexOf(c) < 0;
            if (camel || afterSeparator) {
                breaks.add(i);
            }
        }
        return breaks;
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
