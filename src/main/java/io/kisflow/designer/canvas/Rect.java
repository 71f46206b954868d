package io.kisflow.designer.canvas;

/** An axis-aligned rectangle in canvas world units (no JavaFX geometry, so view-models stay toolkit-free). */
public record Rect(double x, double y, double width, double height) {
    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= maxX() && py >= y && py <= maxY();
    }

    public boolean intersects(Rect o) {
        return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
    }

    public Rect union(Rect o) {
        double nx = Math.min(x, o.x);
        double ny = Math.min(y, o.y);
        return new Rect(nx, ny, Math.max(maxX(), o.maxX()) - nx, Math.max(maxY(), o.maxY()) - ny);
    }

    public Rect inflate(double d) {
        return new Rect(x - d, y - d, width + 2 * d, height + 2 * d);
    }
}
