package io.kisflow.designer.canvas;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The project layer of the canvas rendered once into an image a margin larger than the view, so
 * that panning only moves the image. It is rendered again when the project, markers, theme, zoom
 * or view size change, or when a pan leaves the margin. While the zoom is changing frames are
 * painted directly instead (a scaled blit of a large image costs more than painting the visible
 * cards in software rendering, and stays sharp); the next frame at a steady zoom renders the cache.
 */
final class WorldLayerCache {
    private final CanvasPainter painter;
    private final Canvas offscreen = new Canvas();
    private final SnapshotParameters params = new SnapshotParameters();
    private WritableImage image;
    private Object contentKey;
    private double worldX;
    private double worldY;
    private double worldWidth;
    private double worldHeight;
    private double lastZoom;
    private long renders;

    WorldLayerCache(CanvasPainter painter) {
        this.painter = painter;
    }

    /**
     * Draws the project layer for this frame from the cache, rendering the cache first when needed;
     * returns false (drawing nothing) while the zoom is changing: the caller then paints directly.
     */
    boolean draw(GraphicsContext gc, CanvasPainter.Scene s) {
        Viewport v = s.viewport();
        boolean zooming = v.zoom() != lastZoom;
        lastZoom = v.zoom();
        if (zooming && image != null) {
            return false;
        }
        Object key = java.util.Arrays.asList(s.geometry(), s.markers(), s.configs(), s.theme(), s.width(), s.height(), v.zoom());
        Rect visible = v.visibleWorld(s.width(), s.height());
        boolean covered = image != null && visible.x() >= worldX && visible.y() >= worldY
                && visible.maxX() <= worldX + worldWidth && visible.maxY() <= worldY + worldHeight;
        if (!key.equals(contentKey) || !covered) {
            render(s, key);
        }
        gc.setFill(s.theme().palette().background());
        gc.fillRect(0, 0, s.width(), s.height());
        gc.drawImage(image, Math.round(v.toScreenX(worldX)), Math.round(v.toScreenY(worldY)));
        return true;
    }

    private void render(CanvasPainter.Scene s, Object key) {
        double margin = Math.max(s.width(), s.height()) / 2;
        double w = Math.ceil(s.width() + 2 * margin);
        double h = Math.ceil(s.height() + 2 * margin);
        offscreen.setWidth(w);
        offscreen.setHeight(h);
        Viewport v = s.viewport();
        Viewport shifted = new Viewport(v.zoom(), v.panX() + margin, v.panY() + margin);
        painter.paintWorldLayer(offscreen.getGraphicsContext2D(), s.withView(shifted, w, h));
        params.setFill(Color.TRANSPARENT);
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = null;
        }
        image = offscreen.snapshot(params, image);
        contentKey = key;
        worldX = shifted.toWorldX(0);
        worldY = shifted.toWorldY(0);
        worldWidth = w / v.zoom();
        worldHeight = h / v.zoom();
        renders++;
    }

    /** How many times the layer was rendered (the benchmark reports it). */
    long renders() {
        return renders;
    }
}
