package io.kisflow.designer.debug.view;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * The glyphs of the run controls (the designer's icon set has only mode icons): simple shapes on a
 * 24 x 24 view box, coloured by CSS ({@code .run-glyph}, plus {@code .run-glyph-stop} for Stop).
 *
 * <pre>{@code Button run = new Button("Run", RunGlyphs.node(RunGlyphs.RUN, 14));}</pre>
 */
final class RunGlyphs {
    static final String RUN = "M7 4.5v15l12.5-7.5z";
    static final String STEP = "M5 5v14l9.5-7z M16 5h3v14h-3z";
    static final String CONTINUE = "M3 5v14l9-7z M12 5v14l9-7z";
    static final String STOP = "M6 6h12v12H6z";

    private RunGlyphs() {
    }

    /** A glyph {@code size} pixels wide; the group makes the layout take the scaled size. */
    static Node node(String path, double size, String... styleClasses) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.setScaleX(size / 24);
        p.setScaleY(size / 24);
        p.getStyleClass().add("run-glyph");
        p.getStyleClass().addAll(styleClasses);
        return new Group(p);
    }
}
