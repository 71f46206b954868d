package io.kisflow.designer.canvas;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.Problem;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.ui.Icons;
import io.kisflow.designer.ui.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Paints the canvas: lanes, cards, arrows, connector badges and links, problem markers, the
 * selection and drag feedback. Only what intersects the visible rectangle is drawn, and below
 * certain zoom levels cards lose their text and icons (nobody can read them there), so a frame
 * costs about the same with 20 or 2,000 cards.
 */
final class CanvasPainter {
    /** Below this zoom cards are drawn as plain blocks. */
    static final double BLOCK_ZOOM = 0.3;
    /** Below this zoom cards show their name only. */
    static final double NAME_ZOOM = 0.55;

    private static final Font NAME = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SMALL = Font.font("System", FontWeight.NORMAL, 11);
    private static final Font LANE = Font.font("System", FontWeight.BOLD, 14);
    private static final Font BIG_LANE = Font.font("System", FontWeight.BOLD, 40);
    private static final Font HINT = Font.font("System", FontWeight.NORMAL, 14);

    private final TextFitter fitter = new TextFitter();

    /** Paints everything at once (selection and feedback included): the frame without any cache. */
    void paint(GraphicsContext gc, Scene s) {
        paintWorldLayer(gc, s);
        paintOverlay(gc, s);
    }

    /**
     * The background and the project: lanes, cards, arrows, links, badges, markers; no selection
     * and no drag feedback, so this layer can be cached while the user selects, drags and pans.
     */
    void paintWorldLayer(GraphicsContext gc, Scene s) {
        Theme.Palette p = s.theme().palette();
        gc.setFill(p.background());
        gc.fillRect(0, 0, s.width(), s.height());
        CanvasGeometry g = s.geometry();
        Viewport v = s.viewport();
        if (g.laneCount() == 0 && g.badges().isEmpty()) {
            paintEmptyHint(gc, s, p);
            return;
        }
        Scene plain = s.withoutSelection();
        Rect visible = v.visibleWorld(s.width(), s.height());
        gc.save();
        gc.translate(v.panX(), v.panY());
        gc.scale(v.zoom(), v.zoom());
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        int[] lanes = g.visibleLanes(visible);
        for (int lane = lanes[0]; lane <= lanes[1]; lane++) {
            paintLane(gc, plain, lane, visible);
        }
        paintLinks(gc, plain, visible, null);
        for (int lane = lanes[0]; lane <= lanes[1]; lane++) {
            paintCards(gc, plain, lane, visible);
        }
        for (var badge : g.badges().entrySet()) {
            if (badge.getValue().inflate(10).intersects(visible)) {
                paintBadge(gc, plain, badge.getKey(), badge.getValue());
            }
        }
        gc.restore();
    }

    /** What changes without the project changing: the selection outline and the drag feedback. */
    void paintOverlay(GraphicsContext gc, Scene s) {
        CanvasGeometry g = s.geometry();
        Viewport v = s.viewport();
        Theme.Palette p = s.theme().palette();
        gc.save();
        gc.translate(v.panX(), v.panY());
        gc.scale(v.zoom(), v.zoom());
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        double zoom = v.zoom();
        Selection sel = s.selection();
        if (sel instanceof Selection.OfFlow f && g.laneOf(f.flow()) >= 0) {
            Rect r = g.laneRect(g.laneOf(f.flow()));
            gc.setStroke(p.accent());
            gc.setLineWidth(Math.max(2.5, 2 / zoom));
            gc.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), 16, 16);
        } else if (sel instanceof Selection.OfStep st && g.laneOf(st.flow()) >= 0 && st.index() < g.cardCount(g.laneOf(st.flow()))) {
            Rect r = g.cardRect(g.laneOf(st.flow()), st.index());
            gc.setStroke(p.accent());
            gc.setLineWidth(Math.max(2.5, 2 / zoom));
            gc.strokeRoundRect(r.x() - 2, r.y() - 2, r.width() + 4, r.height() + 4, 14, 14);
        } else if (sel instanceof Selection.OfConnector c && g.badgeRect(c.cname()) != null) {
            Rect visible = v.visibleWorld(s.width(), s.height());
            paintLinks(gc, s, visible, c.cname());
            Rect r = g.badgeRect(c.cname());
            gc.setStroke(p.accent());
            gc.setLineWidth(Math.max(2.5, 2 / zoom));
            gc.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), r.height(), r.height());
        }
        paintFeedbackInWorld(gc, s);
        gc.restore();
        paintFeedbackOnScreen(gc, s);
    }

    // ---- lanes ----------------------------------------------------------------------------------

    private void paintLane(GraphicsContext gc, Scene s, int lane, Rect visible) {
        Theme.Palette p = s.theme().palette();
        CanvasGeometry g = s.geometry();
        FlowConfig flow = g.flow(lane);
        Rect r = g.laneRect(lane);
        double zoom = s.viewport().zoom();
        gc.setFill(flow.enabled() ? p.lane() : p.laneDisabled());
        gc.fillRoundRect(r.x(), r.y(), r.width(), r.height(), 16, 16);
        boolean selected = s.selection() instanceof Selection.OfFlow f && f.flow().equals(flow.flowName());
        gc.setStroke(selected ? p.accent() : p.stroke());
        gc.setLineWidth(selected ? 2.5 / Math.min(1, zoom) : 1 / zoom);
        if (!flow.enabled()) {
            gc.setLineDashes(8, 6);
        }
        gc.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), 16, 16);
        gc.setLineDashes();
        Problem.Severity marker = s.markers().flows().get(flow.flowName());
        if (zoom < BLOCK_ZOOM) {
            if (zoom * 40 >= 6) {
                gc.setFill(flow.enabled() ? p.text() : p.faintText());
                gc.setFont(BIG_LANE);
                gc.fillText(fitter.fit(flow.flowName(), BIG_LANE, CanvasGeometry.HEADER_WIDTH * 3), 16, r.y() + 76);
            }
            if (marker != null) {
                paintMarker(gc, p, marker, CanvasGeometry.HEADER_WIDTH - 24, r.y() + 24, 18);
            }
            return;
        }
        gc.setFill(flow.enabled() ? p.text() : p.faintText());
        gc.setFont(LANE);
        gc.fillText(fitter.fit(flow.flowName(), LANE, CanvasGeometry.HEADER_WIDTH - 40), 16, r.y() + 44);
        gc.setFont(SMALL);
        gc.setFill(flow.enabled() ? p.subText() : p.faintText());
        int n = flow.flows().size();
        String count = n == 1 ? "1 card" : n + " cards";
        gc.fillText(flow.enabled() ? "enabled \u00b7 " + count : "disabled (status " + flow.status() + ") \u00b7 " + count, 16, r.y() + 64);
        if (n == 0) {
            gc.setFill(p.faintText());
            gc.fillText("Drop a function here", CanvasGeometry.HEADER_WIDTH + CanvasGeometry.CARD_GAP, r.y() + r.height() / 2 + 4);
        }
        if (marker != null) {
            paintMarker(gc, p, marker, CanvasGeometry.HEADER_WIDTH - 22, r.y() + 20, 9);
        }
    }

    // ---- cards ----------------------------------------------------------------------------------

    private void paintCards(GraphicsContext gc, Scene s, int lane, Rect visible) {
        CanvasGeometry g = s.geometry();
        FlowConfig flow = g.flow(lane);
        List<FlowStep> steps = flow.flows();
        int first = (int) Math.max(0, Math.floor((visible.x() - CanvasGeometry.HEADER_WIDTH - CanvasGeometry.CARD_GAP) / CanvasGeometry.PITCH) - 1);
        int last = (int) Math.min(steps.size() - 1, Math.ceil((visible.maxX() - CanvasGeometry.HEADER_WIDTH) / CanvasGeometry.PITCH));
        double zoom = s.viewport().zoom();
        gc.setGlobalAlpha(flow.enabled() ? 1 : 0.45);
        for (int i = first; i <= last; i++) {
            Rect r = g.cardRect(lane, i);
            if (i > 0 && zoom >= BLOCK_ZOOM) {
                paintArrow(gc, s, g.cardRect(lane, i - 1), r, zoom);
            }
            FuncConfig f = s.configs().func(steps.get(i).fname());
            boolean selected = s.selection() instanceof Selection.OfStep st && st.index() == i && st.flow().equals(flow.flowName());
            if (zoom < BLOCK_ZOOM) {
                paintBlock(gc, s, r, f, selected);
            } else {
                paintCard(gc, s, r, steps.get(i), f, selected, zoom);
            }
        }
        gc.setGlobalAlpha(1);
    }

    private void paintArrow(GraphicsContext gc, Scene s, Rect from, Rect to, double zoom) {
        double y = from.centerY();
        double x0 = from.maxX() + 4;
        double x1 = to.x() - 4;
        gc.setStroke(s.theme().palette().arrow());
        gc.setLineWidth(Math.max(1.5, 1 / zoom));
        gc.strokeLine(x0, y, x1 - 6, y);
        gc.setFill(s.theme().palette().arrow());
        gc.fillPolygon(new double[]{x1, x1 - 9, x1 - 9}, new double[]{y, y - 5, y + 5}, 3);
    }

    private void paintBlock(GraphicsContext gc, Scene s, Rect r, FuncConfig f, boolean selected) {
        gc.setFill(f == null ? s.theme().palette().error() : s.theme().modeColor(f.fmode()));
        gc.fillRect(r.x(), r.y(), r.width(), r.height());
        if (selected) {
            gc.setStroke(s.theme().palette().accent());
            gc.setLineWidth(3 / s.viewport().zoom());
            gc.strokeRect(r.x(), r.y(), r.width(), r.height());
        }
    }

    private void paintCard(GraphicsContext gc, Scene s, Rect r, FlowStep step, FuncConfig f, boolean selected, double zoom) {
        Theme.Palette p = s.theme().palette();
        Color mode = f == null ? p.error() : s.theme().modeColor(f.fmode());
        gc.setFill(p.card());
        gc.fillRoundRect(r.x(), r.y(), r.width(), r.height(), 12, 12);
        gc.setFill(mode);
        gc.fillRoundRect(r.x(), r.y(), 6, r.height(), 6, 6);
        gc.fillRect(r.x() + 3, r.y(), 3, r.height());
        if (f == null) {
            gc.setStroke(p.error());
            gc.setLineDashes(5, 4);
            gc.setLineWidth(1.5);
            gc.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), 12, 12);
            gc.setLineDashes();
        } else {
            gc.setStroke(p.stroke());
            gc.setLineWidth(1 / Math.max(zoom, 0.5));
            gc.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), 12, 12);
        }
        if (selected) {
            gc.setStroke(p.accent());
            gc.setLineWidth(2.5);
            gc.strokeRoundRect(r.x() - 2, r.y() - 2, r.width() + 4, r.height() + 4, 14, 14);
        }
        boolean detail = zoom >= NAME_ZOOM;
        double textX = r.x() + 16;
        if (detail) {
            gc.setFill(mode);
            gc.fillRoundRect(r.x() + 14, r.y() + 12, 24, 24, 7, 7);
            paintIcon(gc, Icons.forMode(f == null ? "" : f.fmode()), r.x() + 17, r.y() + 15, 18, Color.WHITE);
            textX = r.x() + 46;
        }
        gc.setFill(p.text());
        gc.setFont(NAME);
        // a long name takes two lines (and the mode moves down) rather than losing its end; the tooltip has it whole
        java.util.List<String> name = detail ? fitter.wrap(step.fname(), NAME, r.maxX() - textX - 14)
                : java.util.List.of(fitter.fit(step.fname(), NAME, r.maxX() - textX - 14));
        if (name.size() == 1) {
            gc.fillText(name.get(0), textX, detail ? r.y() + 24 : r.y() + 44);
        } else {
            gc.fillText(name.get(0), textX, r.y() + 20);
            gc.fillText(name.get(1), textX, r.y() + 35);
        }
        if (detail) {
            gc.setFont(SMALL);
            gc.setFill(f == null ? p.error() : p.subText());
            gc.fillText(f == null ? "no function config" : f.fmode().isEmpty() ? "no mode" : f.fmode(), textX, r.y() + (name.size() == 1 ? 39 : 49));
            String bottom = null;
            if (f != null && f.hasConnector()) {
                paintIcon(gc, "connector", r.x() + 16, r.y() + 51, 14, s.theme().modeColor(f.fmode()));
                gc.setFill(p.subText());
                gc.fillText(fitter.fit(f.option().cname(), SMALL, r.width() - 60), r.x() + 34, r.y() + 63);
            } else if (!step.params().isEmpty()) {
                bottom = step.params().size() == 1 ? "1 param" : step.params().size() + " params";
            }
            if (bottom != null) {
                gc.setFill(p.faintText());
                gc.fillText(bottom, r.x() + 16, r.y() + 63);
            }
        }
        Problem.Severity marker = f == null ? Problem.Severity.ERROR : s.markers().funcs().get(step.fname());
        if (marker != null) {
            paintMarker(gc, p, marker, r.maxX() - 4, r.y() + 4, 9);
        }
    }

    // ---- connectors -----------------------------------------------------------------------------

    /** The links of every connector, or (highlighted) of {@code only}. Below the block zoom they are solid: dashes cost too much there. */
    private void paintLinks(GraphicsContext gc, Scene s, Rect visible, String only) {
        CanvasGeometry g = s.geometry();
        double zoom = s.viewport().zoom();
        gc.setLineWidth(only != null ? Math.max(2.5, 2 / zoom) : Math.max(1.5, 1.2 / zoom));
        if (zoom >= BLOCK_ZOOM) {
            gc.setLineDashes(6, 5);
        }
        for (Link link : only == null ? g.links() : g.linksOf(only)) {
            Rect badge = g.badgeRect(link.cname());
            Rect card = g.cardRect(link.lane(), link.index());
            if (badge == null || !badge.union(card).inflate(60).intersects(visible)) {
                continue;
            }
            boolean highlighted = only != null;
            Color color = s.theme().modeColor(link.mode());
            gc.setStroke(highlighted ? color : color.deriveColor(0, 1, 1, 0.55));
            double x0 = card.centerX();
            double y0 = card.maxY();
            double x1 = badge.x();
            double y1 = badge.centerY();
            double bend = Math.max(40, Math.abs(x1 - x0) / 3);
            gc.beginPath();
            gc.moveTo(x0, y0);
            gc.bezierCurveTo(x0, y0 + 28, x1 - bend, y1, x1, y1);
            gc.stroke();
            gc.setFill(gc.getStroke());
            if ("Load".equals(link.mode())) {
                gc.fillPolygon(new double[]{x0, x0 - 5, x0 + 5}, new double[]{y0 + 1, y0 + 10, y0 + 10}, 3);
            } else {
                gc.fillPolygon(new double[]{x1, x1 - 9, x1 - 9}, new double[]{y1, y1 - 5, y1 + 5}, 3);
            }
        }
        gc.setLineDashes();
    }

    private void paintBadge(GraphicsContext gc, Scene s, String cname, Rect r) {
        Theme.Palette p = s.theme().palette();
        ConnConfig conn = s.configs().conn(cname);
        double radius = r.height();
        gc.setFill(p.card());
        gc.fillRoundRect(r.x(), r.y(), r.width(), r.height(), radius, radius);
        boolean selected = s.selection() instanceof Selection.OfConnector c && c.cname().equals(cname);
        gc.setStroke(selected ? p.accent() : p.stroke());
        gc.setLineWidth(selected ? 2.5 : 1.2);
        gc.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), radius, radius);
        gc.setFill(p.accent().deriveColor(0, 1, 1, 0.15));
        gc.fillOval(r.x() + 8, r.y() + 8, r.height() - 16, r.height() - 16);
        paintIcon(gc, "connector", r.x() + 14, r.y() + 14, r.height() - 28, p.accent());
        if (s.viewport().zoom() >= BLOCK_ZOOM) {
            gc.setFill(p.text());
            gc.setFont(NAME);
            gc.fillText(fitter.fit(cname, NAME, r.width() - r.height() - 16), r.x() + r.height(), r.y() + 22);
            gc.setFont(SMALL);
            gc.setFill(p.subText());
            int n = s.geometry().linksOf(cname).size();
            String type = conn == null || conn.type().isEmpty() ? "no type" : conn.type();
            gc.fillText(type + " \u00b7 " + (n == 1 ? "1 card" : n + " cards"), r.x() + r.height(), r.y() + 38);
        }
        Problem.Severity marker = s.markers().conns().get(cname);
        if (marker != null) {
            paintMarker(gc, p, marker, r.maxX() - 10, r.y() + 6, 9);
        }
    }

    // ---- feedback -------------------------------------------------------------------------------

    private void paintFeedbackInWorld(GraphicsContext gc, Scene s) {
        DragFeedback f = s.feedback();
        if (f == null) {
            return;
        }
        Theme.Palette p = s.theme().palette();
        CanvasGeometry g = s.geometry();
        if (f.lane() >= 0) {
            Rect m = g.gapMarker(f.lane(), f.gap());
            gc.setFill(p.accent());
            gc.fillRoundRect(m.x(), m.y(), m.width(), m.height(), 6, 6);
        }
        if (f.laneGap() >= 0) {
            double y = f.laneGap() * (CanvasGeometry.LANE_HEIGHT + CanvasGeometry.LANE_GAP) - CanvasGeometry.LANE_GAP / 2;
            gc.setFill(p.accent());
            gc.fillRect(0, y - 3, g.laneWidth(), 6);
        }
        if (f.bindLane() >= 0) {
            Rect r = g.cardRect(f.bindLane(), f.bindIndex()).inflate(5);
            gc.setStroke(f.refusal() == null ? p.ok() : p.error());
            gc.setLineWidth(4);
            gc.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), 16, 16);
        }
        // the ghost of what is dragged, under the pointer
        double w = "conn".equals(f.mode()) ? CanvasGeometry.BADGE_WIDTH : CanvasGeometry.CARD_WIDTH * 0.8;
        double h = "conn".equals(f.mode()) ? CanvasGeometry.BADGE_HEIGHT * 0.8 : 34;
        gc.setGlobalAlpha(0.8);
        gc.setFill("conn".equals(f.mode()) || "flow".equals(f.mode()) ? p.accent() : s.theme().modeColor(f.mode()));
        gc.fillRoundRect(f.x() + 10, f.y() + 10, w, h, 12, 12);
        gc.setFill(Color.WHITE);
        gc.setFont(NAME);
        gc.fillText(fitter.fit(f.label(), NAME, w - 20), f.x() + 20, f.y() + 10 + h / 2 + 5);
        gc.setGlobalAlpha(1);
    }

    private void paintFeedbackOnScreen(GraphicsContext gc, Scene s) {
        DragFeedback f = s.feedback();
        if (f == null || f.refusal() == null) {
            return;
        }
        Theme.Palette p = s.theme().palette();
        double x = s.viewport().toScreenX(f.x()) + 16;
        double y = s.viewport().toScreenY(f.y()) - 40;
        String text = f.refusal();
        double w = Math.min(fitter.width(text, SMALL) + 20, Math.max(200, s.width() - x - 10));
        String shown = fitter.fit(text, SMALL, w - 20);
        gc.setFill(p.error());
        gc.fillRoundRect(x, y, w, 26, 8, 8);
        gc.setFill(Color.WHITE);
        gc.setFont(SMALL);
        gc.fillText(shown, x + 10, y + 17);
    }

    private void paintEmptyHint(GraphicsContext gc, Scene s, Theme.Palette p) {
        gc.setFill(p.subText());
        gc.setFont(HINT);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText("This project has no flows yet.\nPress Ctrl+Shift+N for a new flow, then drag functions from the palette into its lane.",
                s.width() / 2, s.height() / 2);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    // ---- shared ---------------------------------------------------------------------------------

    private static void paintMarker(GraphicsContext gc, Theme.Palette p, Problem.Severity severity, double cx, double cy, double radius) {
        gc.setFill(severity == Problem.Severity.ERROR ? p.error() : p.warning());
        gc.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
        gc.setFill(Color.WHITE);
        gc.fillRect(cx - radius * 0.13, cy - radius * 0.6, radius * 0.26, radius * 0.75);
        gc.fillRect(cx - radius * 0.13, cy + radius * 0.3, radius * 0.26, radius * 0.26);
    }

    private static void paintIcon(GraphicsContext gc, String icon, double x, double y, double size, Color color) {
        gc.save();
        gc.translate(x, y);
        gc.scale(size / Icons.VIEW_BOX, size / Icons.VIEW_BOX);
        gc.setFill(color);
        gc.setFillRule(FillRule.EVEN_ODD);
        gc.beginPath();
        gc.appendSVGPath(Icons.path(icon));
        gc.fill();
        gc.restore();
    }

    /** Everything one frame needs. */
    record Scene(CanvasGeometry geometry, Viewport viewport, double width, double height, ConfigSet configs,
                 Selection selection, Markers markers, DragFeedback feedback, Theme theme) {
        Scene withoutSelection() {
            return new Scene(geometry, viewport, width, height, configs, Selection.NONE, markers, null, theme);
        }

        Scene withView(Viewport v, double w, double h) {
            return new Scene(geometry, v, w, h, configs, selection, markers, feedback, theme);
        }
    }
}
