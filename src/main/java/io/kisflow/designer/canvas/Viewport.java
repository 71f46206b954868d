package io.kisflow.designer.canvas;

/**
 * How the canvas world is shown on screen: {@code screen = world * zoom + pan}. A value; zooming
 * and panning produce new viewports.
 *
 * <pre>{@code Viewport v = Viewport.DEFAULT.zoomAt(1.25, mouseX, mouseY);}</pre>
 */
public record Viewport(double zoom, double panX, double panY) {
    public static final double MIN_ZOOM = 0.05;
    public static final double MAX_ZOOM = 4.0;
    public static final Viewport DEFAULT = new Viewport(1.0, 20, 20);

    public Viewport {
        zoom = clampZoom(zoom);
    }

    public double toWorldX(double screenX) {
        return (screenX - panX) / zoom;
    }

    public double toWorldY(double screenY) {
        return (screenY - panY) / zoom;
    }

    public double toScreenX(double worldX) {
        return worldX * zoom + panX;
    }

    public double toScreenY(double worldY) {
        return worldY * zoom + panY;
    }

    public Viewport panBy(double dx, double dy) {
        return new Viewport(zoom, panX + dx, panY + dy);
    }

    /** Zooms by {@code factor} keeping the world point under (screenX, screenY) where it is. */
    public Viewport zoomAt(double factor, double screenX, double screenY) {
        double z = clampZoom(zoom * factor);
        double wx = toWorldX(screenX);
        double wy = toWorldY(screenY);
        return new Viewport(z, screenX - wx * z, screenY - wy * z);
    }

    /** The viewport showing the world rectangle whole and centred in a view of the given size. */
    public static Viewport fit(Rect world, double viewWidth, double viewHeight, double margin) {
        return fit(world, new Rect(0, 0, viewWidth, viewHeight), margin);
    }

    /** The viewport showing the world rectangle whole and centred in {@code area} (screen pixels: the part of the view nothing covers). */
    public static Viewport fit(Rect world, Rect area, double margin) {
        if (world.width() <= 0 || world.height() <= 0 || area.width() <= 2 * margin || area.height() <= 2 * margin) {
            return DEFAULT;
        }
        double z = clampZoom(Math.min(1.0, Math.min((area.width() - 2 * margin) / world.width(), (area.height() - 2 * margin) / world.height())));
        double panX = area.x() + (area.width() - world.width() * z) / 2 - world.x() * z;
        double panY = area.y() + (area.height() - world.height() * z) / 2 - world.y() * z;
        return new Viewport(z, panX, panY);
    }

    /**
     * A viewport moved the least so that the world rectangle lies inside {@code area} (screen pixels:
     * the part of the view no floating tool covers), for "find" and keyboard selection. When it is
     * larger than the area its top-left corner wins.
     */
    public Viewport reveal(Rect world, Rect area, double margin) {
        double left = toScreenX(world.x());
        double right = toScreenX(world.maxX());
        double top = toScreenY(world.y());
        double bottom = toScreenY(world.maxY());
        double dx = 0;
        double dy = 0;
        if (right > area.maxX() - margin) {
            dx = area.maxX() - margin - right;
        }
        if (left + dx < area.x() + margin) {
            dx = area.x() + margin - left;
        }
        if (bottom > area.maxY() - margin) {
            dy = area.maxY() - margin - bottom;
        }
        if (top + dy < area.y() + margin) {
            dy = area.y() + margin - top;
        }
        return dx == 0 && dy == 0 ? this : panBy(dx, dy);
    }

    /** The world rectangle visible in a view of this size. */
    public Rect visibleWorld(double viewWidth, double viewHeight) {
        return new Rect(toWorldX(0), toWorldY(0), viewWidth / zoom, viewHeight / zoom);
    }

    private static double clampZoom(double z) {
        return Double.isNaN(z) ? 1.0 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }
}
