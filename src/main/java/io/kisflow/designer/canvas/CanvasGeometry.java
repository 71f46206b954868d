package io.kisflow.designer.canvas;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.project.Point;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything sits on the canvas, in world units: one horizontal lane per flow, its cards in
 * chain order at fixed pitch, connector badges in a column beside the lanes (or where the user put
 * them), and the links from badges to the cards that bind them. Positions follow from indexes by
 * arithmetic, so hit tests and culling cost O(1) per lane: the canvas stays fast with thousands of
 * cards.
 *
 * <pre>{@code CanvasGeometry g = CanvasGeometry.of(state); Hit h = g.hitAt(wx, wy);}</pre>
 */
public final class CanvasGeometry {
    public static final double LANE_HEIGHT = 120;
    public static final double LANE_GAP = 12;
    public static final double HEADER_WIDTH = 190;
    public static final double CARD_WIDTH = 188;
    public static final double CARD_HEIGHT = 78;
    public static final double CARD_GAP = 40;
    public static final double PITCH = CARD_WIDTH + CARD_GAP;
    public static final double CARD_TOP = (LANE_HEIGHT - CARD_HEIGHT) / 2;
    public static final double BADGE_WIDTH = 176;
    public static final double BADGE_HEIGHT = 52;
    public static final double BADGE_COLUMN_GAP = 140;

    private final List<String> lanes;
    private final List<FlowConfig> flows;
    private final Map<String, Integer> laneIndex = new HashMap<>();
    private final double laneWidth;
    private final Map<String, Rect> badges = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, List<Link>> linksByConnector = new HashMap<>();

    private CanvasGeometry(DesignState state) {
        ConfigSet c = state.configs();
        lanes = List.copyOf(state.lanes());
        flows = new ArrayList<>(lanes.size());
        int widest = 0;
        for (int i = 0; i < lanes.size(); i++) {
            FlowConfig f = c.flow(lanes.get(i));
            flows.add(f);
            laneIndex.put(lanes.get(i), i);
            widest = Math.max(widest, f.flows().size());
        }
        // one free slot at the end of the widest lane, so a card can always be dropped after the last one
        laneWidth = HEADER_WIDTH + CARD_GAP + (widest + 1) * PITCH;
        for (int lane = 0; lane < flows.size(); lane++) {
            List<FlowStep> steps = flows.get(lane).flows();
            for (int i = 0; i < steps.size(); i++) {
                FuncConfig fn = c.func(steps.get(i).fname());
                if (fn != null && fn.hasConnector() && c.conns().containsKey(fn.option().cname())) {
                    Link link = new Link(fn.option().cname(), lane, i, fn.fmode());
                    links.add(link);
                    linksByConnector.computeIfAbsent(link.cname(), k -> new ArrayList<>()).add(link);
                }
            }
        }
        placeBadges(c, state.layout().connectorPositions());
    }

    public static CanvasGeometry of(DesignState state) {
        return new CanvasGeometry(state);
    }

    /** Badges the user placed stay put; the others sit in a column right of the lanes, near the cards they serve. */
    private void placeBadges(ConfigSet c, Map<String, Point> placed) {
        double columnX = laneWidth + BADGE_COLUMN_GAP;
        record Wanted(String cname, double y) {
        }
        List<Wanted> wanted = new ArrayList<>();
        int order = 0;
        for (String cname : c.conns().keySet()) {
            Point p = placed.get(cname);
            if (p != null) {
                badges.put(cname, new Rect(p.x(), p.y(), BADGE_WIDTH, BADGE_HEIGHT));
                continue;
            }
            List<Link> mine = linksByConnector.getOrDefault(cname, List.of());
            double y = mine.isEmpty() ? order * (BADGE_HEIGHT + 24)
                    : mine.stream().mapToDouble(l -> laneY(l.lane()) + LANE_HEIGHT / 2).average().orElse(0) - BADGE_HEIGHT / 2;
            wanted.add(new Wanted(cname, y));
            order++;
        }
        wanted.sort((a, b) -> Double.compare(a.y(), b.y()));
        double next = Double.NEGATIVE_INFINITY;
        Map<String, Rect> auto = new HashMap<>();
        for (Wanted w : wanted) {
            double y = Math.max(w.y(), next);
            auto.put(w.cname(), new Rect(columnX, y, BADGE_WIDTH, BADGE_HEIGHT));
            next = y + BADGE_HEIGHT + 24;
        }
        // keep the connectors' load order for painting and iteration
        Map<String, Rect> ordered = new LinkedHashMap<>();
        for (String cname : c.conns().keySet()) {
            ordered.put(cname, badges.containsKey(cname) ? badges.get(cname) : auto.get(cname));
        }
        badges.clear();
        badges.putAll(ordered);
    }

    public int laneCount() {
        return lanes.size();
    }

    public List<String> lanes() {
        return lanes;
    }

    public String laneName(int lane) {
        return lanes.get(lane);
    }

    public FlowConfig flow(int lane) {
        return flows.get(lane);
    }

    /** The lane of a flow, or -1. */
    public int laneOf(String flow) {
        Integer i = laneIndex.get(flow);
        return i == null ? -1 : i;
    }

    public int cardCount(int lane) {
        return flows.get(lane).flows().size();
    }

    public double laneY(int lane) {
        return lane * (LANE_HEIGHT + LANE_GAP);
    }

    public double laneWidth() {
        return laneWidth;
    }

    public Rect laneRect(int lane) {
        return new Rect(0, laneY(lane), laneWidth, LANE_HEIGHT);
    }

    public Rect headerRect(int lane) {
        return new Rect(0, laneY(lane), HEADER_WIDTH, LANE_HEIGHT);
    }

    public Rect cardRect(int lane, int index) {
        return new Rect(HEADER_WIDTH + CARD_GAP + index * PITCH, laneY(lane) + CARD_TOP, CARD_WIDTH, CARD_HEIGHT);
    }

    public Map<String, Rect> badges() {
        return Collections.unmodifiableMap(badges);
    }

    public Rect badgeRect(String cname) {
        return badges.get(cname);
    }

    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    public List<Link> linksOf(String cname) {
        return linksByConnector.getOrDefault(cname, List.of());
    }

    /** Everything drawn: lanes and badges. */
    public Rect bounds() {
        Rect r = new Rect(0, 0, laneWidth, Math.max(LANE_HEIGHT, laneY(lanes.size()) - LANE_GAP));
        for (Rect b : badges.values()) {
            r = r.union(b);
        }
        return r;
    }

    /** The lane whose band (including the gap below it) holds world y, or -1. */
    public int laneAt(double wy) {
        if (wy < 0) {
            return -1;
        }
        int lane = (int) (wy / (LANE_HEIGHT + LANE_GAP));
        return lane < lanes.size() ? lane : -1;
    }

    /** The first and last lane (inclusive) intersecting the world rectangle; first > last when none. */
    public int[] visibleLanes(Rect world) {
        int first = (int) Math.max(0, Math.floor(world.y() / (LANE_HEIGHT + LANE_GAP)));
        int last = (int) Math.min(lanes.size() - 1, Math.floor(world.maxY() / (LANE_HEIGHT + LANE_GAP)));
        return new int[]{first, last};
    }

    public Hit hitAt(double wx, double wy) {
        for (Map.Entry<String, Rect> b : badges.entrySet()) {
            if (b.getValue().contains(wx, wy)) {
                return new Hit.Badge(b.getKey());
            }
        }
        int lane = laneAt(wy);
        if (lane < 0 || wx < 0 || wx > laneWidth || wy > laneY(lane) + LANE_HEIGHT) {
            return Hit.NOTHING;
        }
        if (wx < HEADER_WIDTH) {
            return new Hit.Header(lane);
        }
        int index = (int) Math.floor((wx - HEADER_WIDTH - CARD_GAP) / PITCH);
        if (index >= 0 && index < cardCount(lane) && cardRect(lane, index).contains(wx, wy)) {
            return new Hit.Card(lane, index);
        }
        return new Hit.Lane(lane);
    }

    /** The gap a card dropped at world x goes into: the number of cards whose centre is left of x. */
    public int gapAt(int lane, double wx) {
        double firstCentre = HEADER_WIDTH + CARD_GAP + CARD_WIDTH / 2;
        int gap = (int) Math.floor((wx - firstCentre) / PITCH) + 1;
        return Math.max(0, Math.min(gap, cardCount(lane)));
    }

    /** Where the insertion marker of a gap is drawn: a thin bar between two cards. */
    public Rect gapMarker(int lane, int gap) {
        double x = HEADER_WIDTH + CARD_GAP + gap * PITCH - CARD_GAP / 2 - 3;
        return new Rect(x, laneY(lane) + CARD_TOP - 6, 6, CARD_HEIGHT + 12);
    }
}
