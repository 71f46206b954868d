package io.kisflow.designer.canvas;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The project layer of the canvas rendered once into an image a margin larger than the view, so
 * that panning only moves the image and zooming only scales it until the zoom settles. It is
 * rendered again when the project, markers, theme or view size change, when a pan leaves the
 * margin, when the zoom moved more than a factor of {@value #MAX_SCALE}, and once the zoom has
 * settled. Software rendering (headless, or machines without a GPU) paints text and curves slowly;
 * one image blit per frame is cheap everywhere.
 *
 * <p>When the content changes (the project opens, an edit, the window's size while it is laid out)
 * the frame is painted directly, and so are the frames after it while the view stays where it is:
 * the image, four to six times the view's area, is rendered only when the view first moves. The
 * window's first frames paint only what they show (issue 8, item 5: rendering that image was most
 * of the render thread's work before the first paint, several times over as the layout settled).
 */
final class WorldLayerCache {
    static final double MAX_SCALE = 2.0;

    private final CanvasPainter painter;
    private final Canvas offscreen = new Canvas();
    private final SnapshotParameters params = new SnapshotParameters();
    private WritableImage image;
    private Object contentKey;
    private double worldX;
    private double worldY;
    private double worldWidth;
    private double worldHeight;
    private double zoom;
    private long renders;
    /** The image shows older content; frames are painted directly while the view stays at {@link #directView}. */
    private boolean stale;
    private Viewport directView;

    WorldLayerCache(CanvasPainter painter) {
        this.painter = painter;
    }

    /**
     * Draws the project layer for this frame from the cache, rendering the cache first when needed.
     * While the zoom is changing ({@code settled} false) and the cache's zoom is within a factor of
     * {@value #MAX_SCALE}, the visible part of the cached image is drawn scaled instead: cheaper than
     * painting, a little soft; the caller asks for a sharp frame once the zoom has settled.
     */
    void draw(GraphicsContext gc, CanvasPainter.Scene s, boolean settled) {
        Viewport v = s.viewport();
        Object content = java.util.Arrays.asList(s.geometry(), s.markers(), s.configs(), s.theme(), s.width(), s.height());
        if (!content.equals(contentKey) || (stale && v.equals(directView))) {
            if (!content.equals(contentKey)) {
                contentKey = content;
                stale = true;
                directView = v;
            }
            painter.paintWorldLayer(gc, s);   // it fills the background first
            return;
        }
        double scale = image == null ? 0 : v.zoom() / zoom;
        Rect visible = v.visibleWorld(s.width(), s.height());
        boolean covered = image != null && visible.x() >= worldX && visible.y() >= worldY
                && visible.maxX() <= worldX + worldWidth && visible.maxY() <= worldY + worldHeight;
        boolean scaledOk = !settled && scale >= 1 / MAX_SCALE && scale <= MAX_SCALE;
        if (stale || !covered || (scale != 1 && !scaledOk)) {
            render(s, content);
            scale = 1;
        }
        gc.setFill(s.theme().palette().background());
        gc.fillRect(0, 0, s.width(), s.height());
        if (scale == 1) {
            gc.drawImage(image, Math.round(v.toScreenX(worldX)), Math.round(v.toScreenY(worldY)));
        } else {
            // only the visible part of the image, scaled to the view
            double sx = (visible.x() - worldX) * zoom;
            double sy = (visible.y() - worldY) * zoom;
            gc.setImageSmoothing(false);
            gc.drawImage(image, sx, sy, visible.width() * zoom, visible.height() * zoom, 0, 0, s.width(), s.height());
            gc.setImageSmoothing(true);
        }
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
        stale = false;
        zoom = v.zoom();
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
