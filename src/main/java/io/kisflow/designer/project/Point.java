package io.kisflow.designer.project;

/**
 * A position on the designer canvas, in canvas units (zoom 1).
 *
 * <pre>{@code layout.withConnectorPosition("Score12Cache", new Point(120, 340))}</pre>
 */
public record Point(double x, double y) {
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a canvas position must be finite, not " + x + ", " + y);
        }
    }
}
