package io.kisflow.designer.ui;

import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The designer's icons: the path data of the SVG files in {@code icons/} (shipped in the jar under
 * {@code /icons}), drawn as {@link SVGPath} nodes or straight onto the canvas. All icons use a
 * 24 x 24 view box and the even-odd fill rule.
 *
 * <pre>{@code SVGPath icon = Icons.node("save", 16, "mode-icon");}</pre>
 */
public final class Icons {
    public static final double VIEW_BOX = 24;
    private static final Pattern PATH = Pattern.compile("\\bd=\"([^\"]+)\"");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Icons() {
    }

    /** The path data of {@code /icons/NAME.svg}. */
    public static String path(String name) {
        return CACHE.computeIfAbsent(name, Icons::load);
    }

    private static String load(String name) {
        try (InputStream in = Icons.class.getResourceAsStream("/icons/" + name + ".svg")) {
            if (in == null) {
                throw new IllegalStateException("icon /icons/" + name + ".svg is missing from the application");
            }
            Matcher m = PATH.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            StringBuilder d = new StringBuilder();
            while (m.find()) {
                d.append(m.group(1)).append(' ');
            }
            return d.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An icon node {@code size} pixels wide, styled by CSS through {@code styleClasses}. */
    public static SVGPath node(String name, double size, String... styleClasses) {
        SVGPath p = new SVGPath();
        p.setContent(path(name));
        p.setFillRule(FillRule.EVEN_ODD);
        p.setScaleX(size / VIEW_BOX);
        p.setScaleY(size / VIEW_BOX);
        p.getStyleClass().add("icon");
        p.getStyleClass().addAll(styleClasses);
        // scaling keeps the layout bounds at 24 px; wrap so the node takes its visual size
        return p;
    }

    /** The icon of a function mode ("Save" -> save); unknown modes get a question mark. */
    public static String forMode(String fmode) {
        return switch (fmode == null ? "" : fmode) {
            case "Verify" -> "verify";
            case "Save" -> "save";
            case "Load" -> "load";
            case "Calculate" -> "calculate";
            case "Expand" -> "expand";
            default -> "unknown";
        };
    }
}
