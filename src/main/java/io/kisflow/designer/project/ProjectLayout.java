package io.kisflow.designer.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the designer remembers about a project that KisFlow itself does not need: the canvas (lane
 * order, connector badge positions, zoom and pan) and designer-only run settings (source rows per
 * flow, pinned output rows per function, plugin paths). Stored in the sidecar
 * {@code .kisflow-studio.json} in the project directory, never in the KisFlow YAML, so exported YAML
 * stays what servers need. Values, never mutated; keys of the sidecar this version does not know are
 * kept in {@code extra} and written back.
 *
 * <pre>{@code ProjectLayout l = files.layout().withZoom(1.5).withConnectorPosition("Cache", new Point(40, 300));}</pre>
 *
 * @param laneOrder          flow names top to bottom; flows not listed go after, in load order
 * @param connectorPositions connector badge positions on the canvas, by connector name
 * @param zoom               canvas zoom factor, positive
 * @param inputRows          per flow: source rows for designer runs, one string per row
 * @param pinnedRows         per function: pinned output rows, each as JSON text
 * @param pluginPaths        plugin jars or class folders, relative to the project directory when inside it
 * @param extra              sidecar keys this version does not know, kept as read
 */
public record ProjectLayout(List<String> laneOrder, Map<String, Point> connectorPositions, double zoom, double panX,
                            double panY, Map<String, List<String>> inputRows, Map<String, List<String>> pinnedRows,
                            List<String> pluginPaths, Map<String, Object> extra) {
    public static final ProjectLayout EMPTY = new ProjectLayout(List.of(), Map.of(), 1.0, 0, 0, Map.of(), Map.of(), List.of(), Map.of());

    public ProjectLayout {
        if (!(zoom > 0) || Double.isInfinite(zoom)) {
            throw new IllegalArgumentException("zoom must be a positive number, not " + zoom);
        }
        if (!Double.isFinite(panX) || !Double.isFinite(panY)) {
            throw new IllegalArgumentException("pan must be finite, not " + panX + ", " + panY);
        }
        laneOrder = laneOrder == null ? List.of() : List.copyOf(laneOrder);
        connectorPositions = ordered(connectorPositions);
        inputRows = orderedLists(inputRows);
        pinnedRows = orderedLists(pinnedRows);
        pluginPaths = pluginPaths == null ? List.of() : List.copyOf(pluginPaths);
        extra = ordered(extra);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static Map<String, List<String>> orderedLists(Map<String, List<String>> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    public ProjectLayout withLaneOrder(List<String> v) {
        return new ProjectLayout(v, connectorPositions, zoom, panX, panY, inputRows, pinnedRows, pluginPaths, extra);
    }

    public ProjectLayout withConnectorPositions(Map<String, Point> v) {
        return new ProjectLayout(laneOrder, v, zoom, panX, panY, inputRows, pinnedRows, pluginPaths, extra);
    }

    public ProjectLayout withZoom(double v) {
        return new ProjectLayout(laneOrder, connectorPositions, v, panX, panY, inputRows, pinnedRows, pluginPaths, extra);
    }

    public ProjectLayout withPanX(double v) {
        return new ProjectLayout(laneOrder, connectorPositions, zoom, v, panY, inputRows, pinnedRows, pluginPaths, extra);
    }

    public ProjectLayout withPanY(double v) {
        return new ProjectLayout(laneOrder, connectorPositions, zoom, panX, v, inputRows, pinnedRows, pluginPaths, extra);
    }

    public ProjectLayout withInputRows(Map<String, List<String>> v) {
        return new ProjectLayout(laneOrder, connectorPositions, zoom, panX, panY, v, pinnedRows, pluginPaths, extra);
    }

    public ProjectLayout withPinnedRows(Map<String, List<String>> v) {
        return new ProjectLayout(laneOrder, connectorPositions, zoom, panX, panY, inputRows, v, pluginPaths, extra);
    }

    public ProjectLayout withPluginPaths(List<String> v) {
        return new ProjectLayout(laneOrder, connectorPositions, zoom, panX, panY, inputRows, pinnedRows, v, extra);
    }

    public ProjectLayout withExtra(Map<String, Object> v) {
        return new ProjectLayout(laneOrder, connectorPositions, zoom, panX, panY, inputRows, pinnedRows, pluginPaths, v);
    }

    /** Pan in one step (a drag changes both). */
    public ProjectLayout withPan(double x, double y) {
        return new ProjectLayout(laneOrder, connectorPositions, zoom, x, y, inputRows, pinnedRows, pluginPaths, extra);
    }

    /** Sets (or, with null, forgets) one connector's badge position. */
    public ProjectLayout withConnectorPosition(String connector, Point p) {
        Map<String, Point> copy = new LinkedHashMap<>(connectorPositions);
        if (p == null) {
            copy.remove(connector);
        } else {
            copy.put(connector, p);
        }
        return withConnectorPositions(copy);
    }

    /** Sets (or, with null, forgets) one flow's source rows. */
    public ProjectLayout withInputRows(String flow, List<String> rows) {
        return withInputRows(putOrRemove(inputRows, flow, rows));
    }

    /** Sets (or, with null, forgets) one function's pinned output rows. */
    public ProjectLayout withPinnedRows(String function, List<String> rows) {
        return withPinnedRows(putOrRemove(pinnedRows, function, rows));
    }

    private static Map<String, List<String>> putOrRemove(Map<String, List<String>> m, String key, List<String> rows) {
        Map<String, List<String>> copy = new LinkedHashMap<>(m);
        if (rows == null) {
            copy.remove(key);
        } else {
            copy.put(key, rows);
        }
        return copy;
    }

    /**
     * The flow names in lane order: those of {@link #laneOrder} that exist, then the others in the
     * given (load) order.
     */
    public List<String> lanes(List<String> flowsInLoadOrder) {
        List<String> lanes = new ArrayList<>();
        for (String name : laneOrder) {
            if (flowsInLoadOrder.contains(name) && !lanes.contains(name)) {
                lanes.add(name);
            }
        }
        for (String name : flowsInLoadOrder) {
            if (!lanes.contains(name)) {
                lanes.add(name);
            }
        }
        return lanes;
    }

    /** Adds a plugin path, stored relative to {@code projectDir} when it lies inside it ('/' separated). */
    public ProjectLayout withPluginPath(Path projectDir, Path plugin) {
        String stored = pluginPathText(projectDir, plugin);
        if (pluginPaths.contains(stored)) {
            return this;
        }
        List<String> copy = new ArrayList<>(pluginPaths);
        copy.add(stored);
        return withPluginPaths(copy);
    }

    /** The plugin paths as absolute paths, relative ones resolved against {@code projectDir}. */
    public List<Path> resolvedPluginPaths(Path projectDir) {
        Path base = projectDir.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(pluginPaths.size());
        for (String p : pluginPaths) {
            paths.add(base.resolve(p).normalize());
        }
        return paths;
    }

    static String pluginPathText(Path projectDir, Path plugin) {
        Path base = projectDir.toAbsolutePath().normalize();
        Path abs = plugin.toAbsolutePath().normalize();
        if (abs.startsWith(base) && !abs.equals(base)) {
            return base.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }
}
