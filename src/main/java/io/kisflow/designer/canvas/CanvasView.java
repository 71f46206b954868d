package io.kisflow.designer.canvas;

import io.kisflow.designer.palette.PaletteDropTarget;
import io.kisflow.designer.palette.PaletteItem;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.animation.PauseTransition;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/**
 * The canvas on screen: one {@link Canvas} the size of the visible area, repainted from the
 * view-model (at most once per pulse) and feeding it the pointer. Each frame blits the cached
 * project layer ({@link WorldLayerCache}) and paints the selection and drag feedback over it. Middle-button drags always pan;
 * the wheel scrolls, and zooms with Ctrl held.
 *
 * <pre>{@code CanvasView view = new CanvasView(canvasViewModel); view.themeProperty().set(Theme.DARK);}</pre>
 */
public final class CanvasView extends Region implements PaletteDropTarget {
    private final CanvasViewModel vm;
    private final Canvas canvas = new Canvas();
    private final CanvasPainter painter = new CanvasPainter();
    private final WorldLayerCache cache = new WorldLayerCache(painter);
    /** After the zoom stops changing for this long, the frame is rendered sharp again. */
    private final PauseTransition zoomSettle = new PauseTransition(Duration.millis(150));
    private boolean zoomSettled = true;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private boolean paintScheduled;
    private double panX;
    private double panY;
    private Runnable onDoubleClick = () -> { };
    private final List<CanvasOverlay> overlays = new ArrayList<>();
    private final ContextMenu contextMenu = new ContextMenu();
    /** The full name of what the pointer rests on: cards may have to shorten long names. */
    private final Tooltip tooltip = new Tooltip();
    private boolean tooltipInstalled;

    public CanvasView(CanvasViewModel vm) {
        this.vm = vm;
        getStyleClass().add("flow-canvas");
        setId("flowCanvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(100, 100);
        vm.paintRequestsProperty().addListener((o, a, b) -> schedulePaint());
        vm.viewportProperty().addListener((o, a, b) -> {
            if (a.zoom() != b.zoom()) {
                zoomSettled = false;
                zoomSettle.playFromStart();
            }
        });
        zoomSettle.setOnFinished(e -> {
            zoomSettled = true;
            schedulePaint();
        });
        theme.addListener((o, a, b) -> schedulePaint());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                onDoubleClick.run();
            }
        });
        contextMenu.setId("canvasContextMenu");
        canvas.setOnContextMenuRequested(e -> {
            vm.selectAt(e.getX(), e.getY());
            if (!contextMenu.getItems().isEmpty()) {
                contextMenu.show(canvas, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> contextMenu.hide());
        tooltip.setShowDelay(Duration.millis(500));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(vm.describeAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(null));
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            vm.scroll(e.getX(), e.getY(), e.getDeltaX(), e.getDeltaY(), e.isShortcutDown() || e.isControlDown());
            e.consume();
        });
    }

    private void hover(String text) {
        if (text == null) {
            if (tooltipInstalled) {
                Tooltip.uninstall(canvas, tooltip);
                tooltipInstalled = false;
            }
            return;
        }
        tooltip.setText(text);
        if (!tooltipInstalled) {
            Tooltip.install(canvas, tooltip);
            tooltipInstalled = true;
        }
    }

    /** The tooltip of the canvas (its text is the full name of what the pointer rests on). */
    public Tooltip tooltip() {
        return tooltip;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.MIDDLE) {
            panX = e.getX();
            panY = e.getY();
        } else if (e.getButton() == MouseButton.PRIMARY) {
            vm.press(e.getX(), e.getY());
        }
    }

    private void dragged(MouseEvent e) {
        if (e.isMiddleButtonDown()) {
            vm.panBy(e.getX() - panX, e.getY() - panY);
            panX = e.getX();
            panY = e.getY();
        } else if (e.isPrimaryButtonDown()) {
            vm.drag(e.getX(), e.getY());
        }
    }

    private void released(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            vm.release(e.getX(), e.getY());
        }
    }

    /** What a double click does (the designer focuses the name field: rename). */
    public void setOnDoubleClick(Runnable action) {
        this.onDoubleClick = action;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            vm.setViewSize(w, h);
            paintNow();
        }
    }

    private void schedulePaint() {
        if (!paintScheduled) {
            paintScheduled = true;
            Platform.runLater(this::paintNow);
        }
    }

    /** Paints the current frame at once (the benchmark calls this to time a frame). */
    public void paintNow() {
        paintScheduled = false;
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return;
        }
        var doc = vm.document();
        CanvasPainter.Scene s = new CanvasPainter.Scene(vm.geometry(), vm.viewport(), canvas.getWidth(), canvas.getHeight(),
                doc.state().configs(), doc.selection(), vm.markersProperty().get(), vm.feedbackProperty().get(), theme.get());
        GraphicsContext gc = canvas.getGraphicsContext2D();
        if (vm.geometry().laneCount() == 0 && vm.geometry().badges().isEmpty()) {
            painter.paint(gc, s);
            return;
        }
        cache.draw(gc, s, zoomSettled);
        painter.paintOverlay(gc, s);
        paintExtraOverlays(gc);
    }

    private void paintExtraOverlays(GraphicsContext gc) {
        if (overlays.isEmpty()) {
            return;
        }
        Viewport v = vm.viewport();
        gc.save();
        gc.translate(v.panX(), v.panY());
        gc.scale(v.zoom(), v.zoom());
        for (CanvasOverlay o : overlays) {
            o.paint(gc, vm.geometry(), v);
        }
        gc.restore();
    }

    /** Adds drawing on top of the canvas (see {@link CanvasOverlay}). */
    public void addOverlay(CanvasOverlay overlay) {
        overlays.add(overlay);
        schedulePaint();
    }

    /** Repaints soon (for overlays whose content changed). */
    public void repaint() {
        schedulePaint();
    }

    /** The items of the right-click menu (the window puts its actions here; the debugger may add its own). */
    public ObservableList<MenuItem> contextMenuItems() {
        return contextMenu.getItems();
    }

    /** Paints the frame without the cache, everything drawn afresh (the benchmark compares both). */
    public void paintWithoutCache() {
        var doc = vm.document();
        painter.paint(canvas.getGraphicsContext2D(), new CanvasPainter.Scene(vm.geometry(), vm.viewport(), canvas.getWidth(),
                canvas.getHeight(), doc.state().configs(), doc.selection(), vm.markersProperty().get(), vm.feedbackProperty().get(), theme.get()));
    }

    /** How many times the project layer was rendered into the cache (for the benchmark). */
    public long layerRenders() {
        return cache.renders();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public CanvasViewModel viewModel() {
        return vm;
    }

    @Override
    public void paletteDragOver(PaletteItem item, double sceneX, double sceneY) {
        javafx.geometry.Point2D p = sceneToLocal(sceneX, sceneY);
        if (getLayoutBounds().contains(p)) {
            vm.paletteDragOver(item, p.getX(), p.getY());
        } else {
            vm.paletteDragExit();
        }
    }

    @Override
    public void paletteDrop(PaletteItem item, double sceneX, double sceneY) {
        javafx.geometry.Point2D p = sceneToLocal(sceneX, sceneY);
        if (getLayoutBounds().contains(p)) {
            vm.paletteDrop(item, p.getX(), p.getY());
            requestFocus();
        } else {
            vm.paletteDragExit();
        }
    }
}
