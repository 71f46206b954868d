package io.kisflow.designer.canvas;

import io.kisflow.config.FuncConfig;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.edit.ConnectorEdits;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.FlowEdits;
import io.kisflow.designer.edit.FunctionEdits;
import io.kisflow.designer.edit.Layouts;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.edit.StepEdits;
import io.kisflow.designer.palette.PaletteItem;
import io.kisflow.designer.project.Point;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The canvas's logic without its pixels: geometry of the current project, the viewport (zoom, pan,
 * fit), selection by click, and every drag gesture (palette function into a lane, card reorder or
 * move, connector onto a card, lane reorder, badge move, panning) turned into edits on the
 * document. The view feeds it pointer positions in canvas pixels and repaints when
 * {@link #paintRequestsProperty()} changes.
 *
 * <pre>{@code vm.press(x, y); vm.drag(x2, y2); vm.release(x2, y2);}</pre>
 */
public final class CanvasViewModel {
    private static final double DRAG_THRESHOLD = 4;

    private final ProjectDocument doc;
    private final ReadOnlyObjectWrapper<CanvasGeometry> geometry = new ReadOnlyObjectWrapper<>(this, "geometry");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport", Viewport.DEFAULT);
    private final ReadOnlyObjectWrapper<DragFeedback> feedback = new ReadOnlyObjectWrapper<>(this, "feedback");
    private final ObjectProperty<Markers> markers = new SimpleObjectProperty<>(this, "markers", Markers.NONE);
    private final ReadOnlyLongWrapper paintRequests = new ReadOnlyLongWrapper(this, "paintRequests");
    private double viewWidth = 800;
    private double viewHeight = 600;
    /** Screen pixels along the top and bottom edges that floating tools (the find bar) cover. */
    private double coveredTop;
    private double coveredBottom;

    private Gesture gesture;
    private List<Selection> matches = List.of();
    private int matchIndex = -1;

    /** A pointer gesture in progress. */
    private record Gesture(Hit hit, double startX, double startY, Viewport startViewport, boolean[] moved) {
    }

    public CanvasViewModel(ProjectDocument doc) {
        this.doc = doc;
        geometry.set(CanvasGeometry.of(doc.state()));
        doc.stateProperty().addListener((o, a, b) -> {
            if (a == null || !a.configs().equals(b.configs()) || !a.layout().laneOrder().equals(b.layout().laneOrder())
                    || !a.layout().connectorPositions().equals(b.layout().connectorPositions())) {
                geometry.set(CanvasGeometry.of(b));
            }
            requestPaint();
        });
        // Selecting never moves the view (a palette press starts a drag: the drop must land where aimed);
        // only explicit navigation asks for the selection to be shown.
        doc.selectionProperty().addListener((o, a, b) -> requestPaint());
        doc.revealsProperty().addListener((o, a, b) -> reveal(doc.selection()));
        viewport.addListener((o, a, b) -> requestPaint());
        markers.addListener((o, a, b) -> requestPaint());
        feedback.addListener((o, a, b) -> requestPaint());
    }

    /** Below this zoom a fitted view is hard to read: a new project opens at {@link #READABLE_ZOOM} from its top-left instead. */
    static final double MIN_OPENING_ZOOM = 0.7;
    static final double READABLE_ZOOM = 0.85;

    /** A project was opened: show it with its stored zoom and pan, or fitted (when that stays readable). */
    public void showOpened() {
        DesignState s = doc.state();
        if (s.layout().zoom() > 0 && (s.layout().zoom() != 1.0 || s.layout().panX() != 0 || s.layout().panY() != 0)) {
            viewport.set(new Viewport(s.layout().zoom(), s.layout().panX(), s.layout().panY()));
            return;
        }
        Viewport fitted = Viewport.fit(geometry.get().bounds(), uncovered(), 24);
        openedView = fitted.zoom() >= MIN_OPENING_ZOOM ? fitted : new Viewport(READABLE_ZOOM, 24, 24 + coveredTop);
        viewport.set(openedView);
    }

    /**
     * The view {@link #showOpened} chose, while the user has not moved it: a project opened before the
     * window's first layout (start-up) was placed before the floating tools had a size, and is placed
     * again once they have one, so the find bar never starts out over the first lane.
     */
    private Viewport openedView;

    /** The state with the current zoom and pan written into its layout, as saving stores it. */
    public DesignState stateWithView() {
        Viewport v = viewport.get();
        DesignState s = doc.state();
        return s.withLayout(Layouts.withView(s.layout(), v.zoom(), v.panX(), v.panY()));
    }

    public void setViewSize(double width, double height) {
        boolean firstLayout = viewWidth <= 0 || viewHeight <= 0;
        this.viewWidth = width;
        this.viewHeight = height;
        if (firstLayout && width > 0 && height > 0 && openedView != null && viewport.get() == openedView) {
            showOpened(); // opened before the view had a size: fit it now
        }
        requestPaint();
    }

    /** How many screen pixels along the top and bottom edges floating tools cover: fit and reveal keep things clear of them. */
    public void setCovered(double top, double bottom) {
        boolean changed = top != coveredTop || bottom != coveredBottom;
        this.coveredTop = top;
        this.coveredBottom = bottom;
        if (changed && openedView != null && viewport.get() == openedView) {
            showOpened();
        }
    }

    /** The part of the view, in screen pixels, that no floating tool covers. */
    public Rect uncovered() {
        return new Rect(0, coveredTop, viewWidth, Math.max(0, viewHeight - coveredTop - coveredBottom));
    }

    public double viewWidth() {
        return viewWidth;
    }

    public double viewHeight() {
        return viewHeight;
    }

    // ---- viewport -------------------------------------------------------------------------------

    public void fit() {
        viewport.set(Viewport.fit(geometry.get().bounds(), uncovered(), 24));
    }

    public void zoomBy(double factor) {
        viewport.set(viewport.get().zoomAt(factor, viewWidth / 2, viewHeight / 2));
    }

    public void zoomAt(double factor, double x, double y) {
        viewport.set(viewport.get().zoomAt(factor, x, y));
    }

    public void actualSize() {
        Viewport v = viewport.get();
        viewport.set(v.zoomAt(1.0 / v.zoom(), viewWidth / 2, viewHeight / 2));
    }

    public void panBy(double dx, double dy) {
        viewport.set(viewport.get().panBy(dx, dy));
    }

    private boolean fits(Rect world) {
        Viewport v = viewport.get();
        return v.toScreenX(world.maxX()) <= viewWidth && v.toScreenY(world.maxY()) <= viewHeight;
    }

    /** Scrolls the least so the card, lane or badge is visible and clear of the floating tools. */
    public void reveal(Selection s) {
        Rect r = rectOf(s);
        if (r != null) {
            viewport.set(viewport.get().reveal(r, uncovered(), 24));
        }
    }

    // ---- scroll bars ----------------------------------------------------------------------------

    /**
     * One scroll bar, in world units: the value runs from {@code min} to {@code max} (the left or top
     * edge of the view), {@code visible} is the share of the whole the view shows (0..1).
     */
    public record ScrollAxis(double min, double max, double value, double visible) {
    }

    /** The horizontal scroll bar: everything drawn (with a margin) plus wherever the view is now. */
    public ScrollAxis horizontalScroll() {
        Rect content = geometry.get().bounds().inflate(24 / viewport.get().zoom());
        Rect seen = viewport.get().visibleWorld(viewWidth, viewHeight);
        return axis(content.x(), content.maxX(), seen.x(), seen.width());
    }

    public ScrollAxis verticalScroll() {
        Rect content = geometry.get().bounds().inflate(24 / viewport.get().zoom());
        Rect seen = viewport.get().visibleWorld(viewWidth, viewHeight - coveredTop);
        // the view's top strip is under the find bar: scrolled to the top, the content starts below it
        return axis(content.y(), content.maxY(), seen.y() + coveredTop / viewport.get().zoom(), seen.height());
    }

    private static ScrollAxis axis(double contentMin, double contentMax, double at, double extent) {
        double min = Math.min(contentMin, at);
        double max = Math.max(contentMax - extent, at);
        double whole = Math.max(contentMax, at + extent) - min;
        return new ScrollAxis(min, Math.max(min, max), at, whole <= 0 ? 1 : Math.min(1, extent / whole));
    }

    /** Scrolls so the view's left edge is at world x (the horizontal scroll bar moved). */
    public void scrollToX(double worldX) {
        Viewport v = viewport.get();
        viewport.set(new Viewport(v.zoom(), -worldX * v.zoom(), v.panY()));
    }

    /** Scrolls so world y is at the top of the uncovered part of the view (the vertical scroll bar moved). */
    public void scrollToY(double worldY) {
        Viewport v = viewport.get();
        viewport.set(new Viewport(v.zoom(), v.panX(), coveredTop - worldY * v.zoom()));
    }

    /** The world rectangle of a selection, or null when it has none on the canvas. */
    public Rect rectOf(Selection s) {
        CanvasGeometry g = geometry.get();
        if (s instanceof Selection.OfStep st) {
            int lane = g.laneOf(st.flow());
            return lane < 0 || st.index() >= g.cardCount(lane) ? null : g.cardRect(lane, st.index());
        }
        if (s instanceof Selection.OfFlow f) {
            int lane = g.laneOf(f.flow());
            return lane < 0 ? null : g.headerRect(lane);
        }
        if (s instanceof Selection.OfConnector c) {
            return g.badgeRect(c.cname());
        }
        return null;
    }

    // ---- find -----------------------------------------------------------------------------------

    /**
     * Finds flows and cards whose name contains {@code text} (case-insensitive), selects the first
     * and scrolls to it; returns how many matched.
     */
    public int find(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        List<Selection> found = new ArrayList<>();
        if (!needle.isEmpty()) {
            CanvasGeometry g = geometry.get();
            for (int lane = 0; lane < g.laneCount(); lane++) {
                if (g.laneName(lane).toLowerCase(Locale.ROOT).contains(needle)) {
                    found.add(Selection.flow(g.laneName(lane)));
                }
                var steps = g.flow(lane).flows();
                for (int i = 0; i < steps.size(); i++) {
                    if (steps.get(i).fname().toLowerCase(Locale.ROOT).contains(needle)) {
                        found.add(Selection.step(g.laneName(lane), i));
                    }
                }
            }
            for (String cname : g.badges().keySet()) {
                if (cname.toLowerCase(Locale.ROOT).contains(needle)) {
                    found.add(Selection.connector(cname));
                }
            }
        }
        matches = found;
        matchIndex = -1;
        if (found.isEmpty()) {
            doc.tell(needle.isEmpty() ? StatusMessage.NONE : StatusMessage.refused("No flow, card or connector matches \"" + text.strip() + "\"."));
            return 0;
        }
        findNext();
        return found.size();
    }

    /** Selects the next match of the last {@link #find}, wrapping around. */
    public void findNext() {
        if (matches.isEmpty()) {
            return;
        }
        matchIndex = (matchIndex + 1) % matches.size();
        doc.navigateTo(matches.get(matchIndex));
        doc.tell(StatusMessage.info("Match " + (matchIndex + 1) + " of " + matches.size()));
    }

    // ---- pointer gestures on the canvas ---------------------------------------------------------

    /** Mouse pressed at canvas pixel (x, y): selects what is there and prepares a drag. */
    public void press(double x, double y) {
        Viewport v = viewport.get();
        Hit hit = geometry.get().hitAt(v.toWorldX(x), v.toWorldY(y));
        gesture = new Gesture(hit, x, y, v, new boolean[1]);
        doc.select(selectionOf(hit));
    }

    /**
     * What the pointer at canvas pixel (x, y) rests on, in full (a card's whole function name, which
     * the card may have to shorten), for the tooltip; null over empty space.
     */
    public String describeAt(double x, double y) {
        Viewport v = viewport.get();
        CanvasGeometry geo = geometry.get();
        Hit hit = geo.hitAt(v.toWorldX(x), v.toWorldY(y));
        if (hit instanceof Hit.Card c) {
            String fname = geo.flow(c.lane()).flows().get(c.index()).fname();
            FuncConfig f = doc.state().configs().func(fname);
            String what = f == null ? "no function config" : f.fmode() + (f.hasConnector() ? " \u2192 " + f.option().cname() : "");
            List<String> tags = cardTags.get().apply(geo.laneName(c.lane()), c.index());
            return fname + "\n" + what + " \u00b7 card " + (c.index() + 1) + " of flow " + geo.laneName(c.lane())
                    + (tags == null || tags.isEmpty() ? "" : "\n" + String.join("\n", tags));
        }
        if (hit instanceof Hit.Header h) {
            return "flow " + geo.laneName(h.lane());
        }
        if (hit instanceof Hit.Badge b) {
            var conn = doc.state().configs().conns().get(b.cname());
            return b.cname() + (conn == null ? "" : "\n" + conn.type() + " connector");
        }
        return null;
    }

    /**
     * The tags drawn on a card (flow name, position from 0) in full, for the tooltip: the canvas may
     * have to shorten them to the card's width. The debugger sets it; by default none.
     */
    public ObjectProperty<java.util.function.BiFunction<String, Integer, List<String>>> cardTagsProperty() {
        return cardTags;
    }

    private final ObjectProperty<java.util.function.BiFunction<String, Integer, List<String>>> cardTags =
            new javafx.beans.property.SimpleObjectProperty<>(this, "cardTags", (flow, index) -> List.of());

    /** Selects what is at canvas pixel (x, y) without starting a gesture (a right click). */
    public void selectAt(double x, double y) {
        Viewport v = viewport.get();
        doc.select(selectionOf(geometry.get().hitAt(v.toWorldX(x), v.toWorldY(y))));
    }

    public void drag(double x, double y) {
        Gesture g = gesture;
        if (g == null) {
            return;
        }
        if (!g.moved()[0] && Math.hypot(x - g.startX(), y - g.startY()) < DRAG_THRESHOLD) {
            return;
        }
        g.moved()[0] = true;
        Viewport v = viewport.get();
        double wx = v.toWorldX(x);
        double wy = v.toWorldY(y);
        CanvasGeometry geo = geometry.get();
        if (g.hit() instanceof Hit.Card c) {
            DragFeedback ghost = DragFeedback.ghost(geo.flow(c.lane()).flows().get(c.index()).fname(), modeOf(geo, c.lane(), c.index()), wx, wy);
            int lane = geo.laneAt(wy);
            feedback.set(lane < 0 ? ghost : ghost.withGap(lane, geo.gapAt(lane, wx)));
        } else if (g.hit() instanceof Hit.Badge b) {
            feedback.set(bindFeedback(DragFeedback.ghost(b.cname(), "conn", wx, wy), b.cname(), wx, wy));
        } else if (g.hit() instanceof Hit.Header h) {
            feedback.set(DragFeedback.ghost(geo.laneName(h.lane()), "flow", wx, wy).withLaneGap(laneGapAt(geo, wy)));
        } else {
            viewport.set(g.startViewport().panBy(x - g.startX(), y - g.startY()));
        }
    }

    /** Mouse released: completes the drag as one edit (or refuses it with the reason). */
    public void release(double x, double y) {
        Gesture g = gesture;
        gesture = null;
        DragFeedback f = feedback.get();
        feedback.set(null);
        if (g == null || !g.moved()[0]) {
            return;
        }
        Viewport v = viewport.get();
        double wx = v.toWorldX(x);
        double wy = v.toWorldY(y);
        CanvasGeometry geo = geometry.get();
        if (g.hit() instanceof Hit.Card c) {
            int lane = geo.laneAt(wy);
            if (lane < 0) {
                doc.tell(StatusMessage.refused("Drop the card into a lane to move it; nothing changed."));
                return;
            }
            doc.perform(StepEdits.move(geo.laneName(c.lane()), c.index(), geo.laneName(lane), geo.gapAt(lane, wx)));
        } else if (g.hit() instanceof Hit.Badge b) {
            Hit target = geo.hitAt(wx, wy);
            if (target instanceof Hit.Card card) {
                bindAt(b.cname(), card);
            } else {
                Rect r = geo.badgeRect(b.cname());
                double dx = (x - g.startX()) / v.zoom();
                double dy = (y - g.startY()) / v.zoom();
                doc.perform(ConnectorEdits.moveBadge(b.cname(), new Point(r.x() + dx, r.y() + dy)));
            }
        } else if (g.hit() instanceof Hit.Header h && f != null) {
            int gap = laneGapAt(geo, wy);
            doc.perform(FlowEdits.moveLane(geo.laneName(h.lane()), gap > h.lane() ? gap - 1 : gap));
        }
    }

    /** Mouse wheel: scrolls, or zooms around the pointer with the zoom modifier held. */
    public void scroll(double x, double y, double dx, double dy, boolean zoom) {
        if (zoom) {
            zoomAt(dy > 0 ? 1.1 : 1 / 1.1, x, y);
        } else {
            panBy(dx, dy);
        }
    }

    // ---- drags from the palette -----------------------------------------------------------------

    /** A palette item dragged over canvas pixel (x, y): shows where it would go or why it cannot. */
    public void paletteDragOver(PaletteItem item, double x, double y) {
        Viewport v = viewport.get();
        double wx = v.toWorldX(x);
        double wy = v.toWorldY(y);
        CanvasGeometry geo = geometry.get();
        if (item.kind() == PaletteItem.Kind.CONNECTOR) {
            feedback.set(bindFeedback(DragFeedback.ghost(item.name(), "conn", wx, wy), item.name(), wx, wy));
            return;
        }
        DragFeedback ghost = DragFeedback.ghost(item.name(), modeOfFunction(item.name()), wx, wy);
        int lane = geo.laneAt(wy);
        feedback.set(lane < 0 ? ghost : ghost.withGap(lane, geo.gapAt(lane, wx)));
    }

    /** The palette drag left the canvas. */
    public void paletteDragExit() {
        feedback.set(null);
    }

    /** A palette item dropped at canvas pixel (x, y): inserts the function at the gap, or binds the connector to the card. */
    public boolean paletteDrop(PaletteItem item, double x, double y) {
        feedback.set(null);
        Viewport v = viewport.get();
        double wx = v.toWorldX(x);
        double wy = v.toWorldY(y);
        CanvasGeometry geo = geometry.get();
        if (item.kind() == PaletteItem.Kind.CONNECTOR) {
            if (geo.hitAt(wx, wy) instanceof Hit.Card card) {
                return bindAt(item.name(), card);
            }
            doc.tell(StatusMessage.refused("Drop connector " + item.name() + " onto a Save or Load card to bind it."));
            return false;
        }
        int lane = geo.laneAt(wy);
        if (lane < 0) {
            doc.tell(StatusMessage.refused("Drop function " + item.name() + " into a lane to add it to that flow."));
            return false;
        }
        String flow = geo.laneName(lane);
        int gap = geo.gapAt(lane, wx);
        if (item.kind() == PaletteItem.Kind.UNCONFIGURED && doc.state().configs().func(item.name()) == null) {
            return doc.perform(FunctionEdits.addAndInsert(FuncConfig.of(item.name(), "Calculate"), flow, gap));
        }
        return doc.perform(StepEdits.insert(flow, gap, item.name()));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private boolean bindAt(String cname, Hit.Card card) {
        String fname = geometry.get().flow(card.lane()).flows().get(card.index()).fname();
        if (doc.state().configs().func(fname) == null) {
            doc.tell(StatusMessage.refused("Card " + fname + " has no function config: create it before binding " + cname + "."));
            return false;
        }
        return doc.perform(ConnectorEdits.bind(fname, cname));
    }

    private DragFeedback bindFeedback(DragFeedback ghost, String cname, double wx, double wy) {
        CanvasGeometry geo = geometry.get();
        if (geo.hitAt(wx, wy) instanceof Hit.Card card) {
            FuncConfig f = doc.state().configs().func(geo.flow(card.lane()).flows().get(card.index()).fname());
            String why = f == null ? "This card has no function config." : ConnectorEdits.bindRefusal(f, cname);
            return ghost.withBind(card.lane(), card.index(), why);
        }
        return ghost;
    }

    /** The gap between lanes nearest to world y (0 = above the first lane). */
    private static int laneGapAt(CanvasGeometry geo, double wy) {
        int gap = (int) Math.round(wy / (CanvasGeometry.LANE_HEIGHT + CanvasGeometry.LANE_GAP));
        return Math.max(0, Math.min(gap, geo.laneCount()));
    }

    private Selection selectionOf(Hit hit) {
        CanvasGeometry geo = geometry.get();
        if (hit instanceof Hit.Card c) {
            return Selection.step(geo.laneName(c.lane()), c.index());
        }
        if (hit instanceof Hit.Header h) {
            return Selection.flow(geo.laneName(h.lane()));
        }
        if (hit instanceof Hit.Lane l) {
            return Selection.flow(geo.laneName(l.lane()));
        }
        if (hit instanceof Hit.Badge b) {
            return Selection.connector(b.cname());
        }
        return Selection.NONE;
    }

    private String modeOf(CanvasGeometry geo, int lane, int index) {
        return modeOfFunction(geo.flow(lane).flows().get(index).fname());
    }

    private String modeOfFunction(String fname) {
        FuncConfig f = doc.state().configs().func(fname);
        return f == null ? "" : f.fmode();
    }

    private void requestPaint() {
        paintRequests.set(paintRequests.get() + 1);
    }

    public ProjectDocument document() {
        return doc;
    }

    public ReadOnlyObjectProperty<CanvasGeometry> geometryProperty() {
        return geometry.getReadOnlyProperty();
    }

    public CanvasGeometry geometry() {
        return geometry.get();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public Viewport viewport() {
        return viewport.get();
    }

    public ReadOnlyObjectProperty<DragFeedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ObjectProperty<Markers> markersProperty() {
        return markers;
    }

    /** Changes whenever the canvas needs repainting. */
    public ReadOnlyLongProperty paintRequestsProperty() {
        return paintRequests.getReadOnlyProperty();
    }

    /** Screen pixel of the centre of a card, for tests and keyboard feedback. */
    public double[] cardCentre(String flow, int index) {
        Rect r = geometry.get().cardRect(geometry.get().laneOf(flow), index);
        Viewport v = viewport.get();
        return new double[]{v.toScreenX(r.centerX()), v.toScreenY(r.centerY())};
    }

    /** Screen pixel of the gap before card {@code index} of a lane (index = size: after the last card). */
    public double[] gapPoint(String flow, int index) {
        Rect r = geometry.get().gapMarker(geometry.get().laneOf(flow), index);
        Viewport v = viewport.get();
        return new double[]{v.toScreenX(r.centerX()), v.toScreenY(r.centerY())};
    }

    /** Screen pixel of the centre of a connector badge. */
    public double[] badgeCentre(String cname) {
        Rect r = geometry.get().badgeRect(cname);
        Viewport v = viewport.get();
        return new double[]{v.toScreenX(r.centerX()), v.toScreenY(r.centerY())};
    }
}
