package io.kisflow.designer.debug.view;

import io.kisflow.designer.canvas.CanvasGeometry;
import io.kisflow.designer.canvas.CanvasOverlay;
import io.kisflow.designer.canvas.Rect;
import io.kisflow.designer.canvas.TextFitter;
import io.kisflow.designer.canvas.Viewport;
import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.CardState;
import io.kisflow.designer.debug.CardStatus;
import io.kisflow.designer.debug.CardTags;
import io.kisflow.designer.debug.CodeSource;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.DryRunEffect;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.ui.Contrast;
import io.kisflow.designer.ui.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.function.Supplier;

/**
 * What the debugger draws over the function cards: the rows each level holds (a count on the arrow
 * leaving the card; the source's count before the first card), the card the run waits before
 * (highlighted), cards that did not run (dimmed), the card that failed (red, with its message),
 * breakpoints (a red dot), pinned rows (a loud badge), functions with no code (a quiet badge), what a
 * dry run does to a function bound to a connector (a badge on its bottom edge) and stale results
 * (counts drawn hollow). Only visible lanes are painted.
 *
 * <pre>{@code canvasView.addOverlay(new CanvasDebugOverlay(debugger::session, canvasView.themeProperty()::get));}</pre>
 */
public final class CanvasDebugOverlay implements CanvasOverlay {
    private static final Color PIN = Color.web("#e8590c");
    /** The dry run's own colour (the Call tab's and run header's chips use it too). */
    static final Color DRY = Color.web("#7b52d3");
    /** Go's own cyan, darkened until white text on it reads at 4.5:1. */
    static final Color GO = Color.web("#00758d");
    private static final double PILL_H = 18;
    /** Below this zoom only outlines, dimming and dots are drawn: text would be noise. */
    private static final double TEXT_ZOOM = 0.25;
    /** Counts and tags grow when zoomed out so that they stay readable (up to this factor). */
    private static final double MAX_GROWTH = 2.2;

    private final Supplier<DebugSession> session;
    private final Supplier<Theme> theme;
    private final TextFitter fitter = new TextFitter();
    private double k = 1;
    private Font pillFont;
    private Font tagFont;
    private Font errorFont;

    public CanvasDebugOverlay(Supplier<DebugSession> session, Supplier<Theme> theme) {
        this.session = session;
        this.theme = theme;
    }

    @Override
    public void paint(GraphicsContext gc, CanvasGeometry g, Viewport v) {
        DebugSession s = session.get();
        if (s == null || g.laneCount() == 0) {
            return;
        }
        double w = gc.getCanvas().getWidth();
        double h = gc.getCanvas().getHeight();
        Rect world = new Rect(v.toWorldX(0), v.toWorldY(0), w / v.zoom(), h / v.zoom());
        int[] lanes = g.visibleLanes(world);
        Theme t = theme.get();
        boolean text = v.zoom() >= TEXT_ZOOM;
        scale(Math.max(1, Math.min(MAX_GROWTH, 0.9 / v.zoom())));
        gc.save();
        gc.setTextBaseline(VPos.CENTER);
        for (int lane = lanes[0]; lane <= lanes[1]; lane++) {
            FlowDebugState f = s.flow(g.laneName(lane));
            if (f != null) {
                paintLane(gc, g, lane, f, s, t, text, v.zoom());
            }
        }
        gc.restore();
    }

    private void scale(double growth) {
        if (growth != k || pillFont == null) {
            k = growth;
            pillFont = Font.font("System", FontWeight.BOLD, 11 * k);
            tagFont = Font.font("System", FontWeight.BOLD, 10 * tk());
            errorFont = Font.font("System", FontWeight.NORMAL, 11 * Math.min(k, 1.4));
        }
    }

    private void paintLane(GraphicsContext gc, CanvasGeometry g, int lane, FlowDebugState f, DebugSession s, Theme t,
                           boolean text, double zoom) {
        Theme.Palette p = t.palette();
        LevelData source = f.sourceProperty().get();
        boolean hasRun = source != null;
        boolean live = s.state().isActive() && f.name().equals(s.activeFlowProperty().get());
        CardKey pausedAt = s.pausedAtProperty().get();
        int n = Math.min(g.cardCount(lane), f.cards().size());
        if (hasRun && n > 0 && text) {
            Rect first = g.cardRect(lane, 0);
            boolean stale = !f.cards().isEmpty() && f.cards().get(0).staleProperty().get();
            pill(gc, p, first.x() - CanvasGeometry.CARD_GAP / 2, first.centerY(), count(source.size()), stale, p.subText());
        }
        for (int i = 0; i < n; i++) {
            CardState c = f.cards().get(i);
            Rect r = g.cardRect(lane, i);
            CardStatus st = c.statusProperty().get();
            if (hasRun && st == CardStatus.NOT_RUN && !(live && c.key().equals(pausedAt))) {
                dim(gc, p, r);
            }
            switch (st) {
                case CURRENT -> current(gc, p, r, pausedAt != null && pausedAt.equals(c.key()), text, zoom);
                case FAILED -> failed(gc, p, r, c, text);
                case STOPPED -> {
                    outline(gc, p.faintText(), r, 2.5);
                    if (text) {
                        tag(gc, p.faintText(), Color.WHITE, r.x() + 8, r.y(), "\u25A0 stopped here");
                    }
                }
                default -> { }
            }
            if (text && c.rowCountProperty().get() >= 0 && st != CardStatus.FAILED) {
                double x = i + 1 < g.cardCount(lane) ? r.maxX() + CanvasGeometry.CARD_GAP / 2 : r.maxX() + CanvasGeometry.CARD_GAP / 2 + 2;
                pill(gc, p, x, r.centerY(), count(c.rowCountProperty().get()), c.staleProperty().get(),
                        st == CardStatus.FAILED ? p.error() : p.ok());
            }
            if (text) {
                codeBadge(gc, p, r, c);
                if (st != CardStatus.FAILED) {
                    dryRunBadge(gc, p, r, c.dryRunEffectProperty().get());
                }
                goBadge(gc, r, c, s.goSemanticsProperty().get());
            }
            if (c.breakpointProperty().get()) {
                breakpoint(gc, p, r);
            }
        }
    }

    private static void dim(GraphicsContext gc, Theme.Palette p, Rect r) {
        gc.setFill(p.lane().deriveColor(0, 1, 1, 0.62));
        gc.fillRoundRect(r.x() - 1, r.y() - 1, r.width() + 2, r.height() + 2, 12, 12);
    }

    private static void outline(GraphicsContext gc, Color c, Rect r, double width) {
        gc.setStroke(c);
        gc.setLineWidth(width);
        gc.strokeRoundRect(r.x() - 3, r.y() - 3, r.width() + 6, r.height() + 6, 15, 15);
    }

    /** The card the run waits before (or is running): a thick outline and a tag above it. */
    private void current(GraphicsContext gc, Theme.Palette p, Rect r, boolean paused, boolean text, double zoom) {
        // Amber, like an IDE's execution line: the blue outline is the selection's.
        outline(gc, p.warning(), r, Math.max(3.5, 2.5 / zoom));
        if (!text) {
            return;
        }
        String label = paused ? "\u25B6 next: paused before" : "\u25CF running";
        tag(gc, p.warning(), Color.BLACK, r.x() + 12 * k, r.y(), label);
    }

    /** The card that failed: red outline and a band with the message (the Call tab has the stack trace). */
    private void failed(GraphicsContext gc, Theme.Palette p, Rect r, CardState c, boolean text) {
        outline(gc, p.error(), r, 2.5);
        if (!text) {
            return;
        }
        double bandY = r.maxY() - 22;
        gc.setFill(p.error());
        gc.fillRoundRect(r.x(), bandY, r.width(), 22, 10, 10);
        gc.fillRect(r.x(), bandY, r.width(), 8);
        gc.setFill(Color.WHITE);
        gc.setFont(errorFont);
        gc.setTextAlign(TextAlignment.LEFT);
        String message = c.errorProperty().get() == null ? "failed" : c.errorProperty().get().message();
        gc.fillText(fitter.fit("\u2716 " + onCard(message), errorFont, r.width() - 14), r.x() + 7, bandY + 11);
    }

    private void codeBadge(GraphicsContext gc, Theme.Palette p, Rect r, CardState c) {
        CodeSource source = c.codeSourceProperty().get();
        String label = CardTags.code(c);
        if (label == null) {
            return;
        }
        if (source == CodeSource.BUILT_IN) {
            // quiet like "no code": the connector does the work, and the card says what it does (the tooltip in full)
            rightTag(gc, p.card(), p.subText(), r, fitter.fit(label, tagFont, r.width() - 40));
        } else if (source == CodeSource.PINNED) {
            // Loud on purpose: these rows are made up by the user and never run on a server.
            rightTag(gc, PIN, Color.WHITE, r, label);
        } else if (source == CodeSource.PASS_THROUGH) {
            rightTag(gc, p.card(), p.subText(), r, label);
        } else if (source == CodeSource.UNCOMPILED) {
            rightTag(gc, p.error(), Color.WHITE, r, label);
        }
    }

    /** On the bottom edge: what a dry run does to the card (its failed band, when it failed, says more). */
    private void dryRunBadge(GraphicsContext gc, Theme.Palette p, Rect r, DryRunEffect effect) {
        String label = CardTags.dryRun(effect);
        if (label == null) {
            return;
        }
        gc.setFont(tagFont);
        double w = fitter.width(label, tagFont) + 12 * tk();
        tag(gc, effect == DryRunEffect.NEEDS_PIN ? p.error() : DRY, Color.WHITE, Math.max(r.x() + 8, r.maxX() - 14 - w), r.maxY(), label);
    }

    /**
     * On the bottom edge, left: a Go server would do otherwise in this card's calls (the Call tab says
     * where and what); with Go semantics on, the calls did as Go does where the Java engine would not.
     */
    private void goBadge(GraphicsContext gc, Rect r, CardState c, boolean goSemantics) {
        if (c.goNotesProperty().get() == 0) {
            return;
        }
        gc.setFont(tagFont);
        tag(gc, GO, Color.WHITE, r.x() + 8, r.maxY(), goSemantics ? "GO SEMANTICS · Java differs" : "GO DIFFERS");
    }

    /** A tag on the top edge of a card, right-aligned (clear of the problem marker in the corner). */
    private void rightTag(GraphicsContext gc, Color fill, Color textColor, Rect r, String label) {
        gc.setFont(tagFont);
        double w = fitter.width(label, tagFont) + 12 * tk();
        tag(gc, fill, textColor, Math.max(r.x() + 8, r.maxX() - 14 - w), r.y(), label);
    }

    private void breakpoint(GraphicsContext gc, Theme.Palette p, Rect r) {
        double cx = r.x() + 1;
        double cy = r.y() + 1;
        double outer = 9 * k;
        double inner = 7 * k;
        gc.setFill(p.card());
        gc.fillOval(cx - outer, cy - outer, 2 * outer, 2 * outer);
        gc.setFill(p.error());
        gc.fillOval(cx - inner, cy - inner, 2 * inner, 2 * inner);
    }

    /** A count on an arrow; hollow and grey when the result is stale. */
    private void pill(GraphicsContext gc, Theme.Palette p, double cx, double cy, String label, boolean stale, Color color) {
        double labelWidth = fitter.width(label, pillFont);
        double w = pillWidth(labelWidth, k);
        double x = cx - w / 2;
        double y = cy - ph() / 2;
        // a label wider than the gap is drawn smaller rather than over the cards beside it
        double room = w - PILL_PAD * k;
        gc.setFont(labelWidth <= room ? pillFont : Font.font(pillFont.getFamily(), FontWeight.BOLD, pillFont.getSize() * room / labelWidth));
        if (stale) {
            gc.setFill(p.card());
            gc.fillRoundRect(x, y, w, ph(), ph(), ph());
            gc.setStroke(p.faintText());
            gc.setLineWidth(1.2);
            gc.setLineDashes(3, 2);
            gc.strokeRoundRect(x, y, w, ph(), ph(), ph());
            gc.setLineDashes();
            gc.setFill(p.subText());
        } else {
            gc.setFill(color);
            gc.fillRoundRect(x, y, w, ph(), ph(), ph());
            gc.setFill(pillText(color));
        }
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(label, cx, cy);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    /** The digits' colour on a count's fill: black or white, whichever reads (white on the dark theme's light grey did not). */
    static Color pillText(Color fill) {
        return Contrast.textOn(fill);
    }

    /** Padding around a count's digits, at growth 1. */
    static final double PILL_PAD = 6;
    /** The widest a count may be: the gap between two cards less a little air, so it never covers a card's title. */
    static final double MAX_PILL_WIDTH = CanvasGeometry.CARD_GAP - 4;

    /** A count's width in world units: room for its label, grown with the zoom-out growth {@code k}, never wider than the gap. */
    static double pillWidth(double labelWidth, double k) {
        return Math.min(MAX_PILL_WIDTH, Math.max(PILL_H * k + 4 * k, labelWidth + 2 * PILL_PAD * k));
    }

    /** Tags grow less than counts: they sit on the card's edge and must not cover its neighbours. */
    private double tk() {
        return Math.min(k, 1.5);
    }

    /** A count's height: grown when zoomed out, but never taller than the gap is wide. */
    private double ph() {
        return Math.min(PILL_H * k, MAX_PILL_WIDTH - 6);
    }

    private void tag(GraphicsContext gc, Color fill, Color textColor, double x, double cy, String label) {
        gc.setFont(tagFont);
        double h = 16 * tk();
        double w = fitter.width(label, tagFont) + 12 * tk();
        gc.setFill(fill);
        gc.fillRoundRect(x, cy - h / 2, w, h, h / 2, h / 2);
        if (fill.getBrightness() > 0.6 && fill.getSaturation() < 0.2) {
            gc.setStroke(textColor);
            gc.setLineWidth(0.8 * tk());
            gc.strokeRoundRect(x, cy - h / 2, w, h, h / 2, h / 2);
        }
        gc.setFill(textColor);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(label, x + 6 * tk(), cy);
    }

    /** 7, 999, 1.2k, 34k, 1.2M: fits the gap between cards. */
    static String count(int n) {
        if (n < 1000) {
            return Integer.toString(n);
        }
        if (n < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1fk", n / 1000.0);
        }
        if (n < 1_000_000) {
            return n / 1000 + "k";
        }
        return String.format(java.util.Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }

    /**
     * The part of an error message worth the card's little room: its first line, without the
     * "flow F, function X (position N) failed: " the card itself already says.
     */
    static String onCard(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        int failed = line.indexOf(" failed: ");
        return line.startsWith("flow ") && failed > 0 ? line.substring(failed + " failed: ".length()) : line;
    }
}
