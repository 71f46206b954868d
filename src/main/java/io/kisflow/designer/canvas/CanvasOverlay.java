package io.kisflow.designer.canvas;

import javafx.scene.canvas.GraphicsContext;

/**
 * Extra drawing on top of the canvas, in world units (the transform is set): the debugger's row
 * counts, breakpoints and run states go here. Painted every frame after the selection; call
 * {@link CanvasView#repaint()} when what it draws changes.
 *
 * <pre>{@code canvasView.addOverlay((gc, geometry, viewport) -> gc.fillText("3 rows", x, y));}</pre>
 */
@FunctionalInterface
public interface CanvasOverlay {
    void paint(GraphicsContext gc, CanvasGeometry geometry, Viewport viewport);
}
