package io.kisflow.designer.edit;

import io.kisflow.designer.project.Point;
import io.kisflow.designer.project.ProjectLayout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of a {@link ProjectLayout} with one thing changed. Renames and removals go through here so
 * that the sidecar's per-name entries (lane order, badge positions, input and pinned rows) follow.
 */
public final class Layouts {
    private Layouts() {
    }

    public static ProjectLayout withLaneOrder(ProjectLayout l, List<String> order) {
        return new ProjectLayout(List.copyOf(order), l.connectorPositions(), l.zoom(), l.panX(), l.panY(),
                l.inputRows(), l.pinnedRows(), l.pluginPaths(), l.extra());
    }

    public static ProjectLayout withView(ProjectLayout l, double zoom, double panX, double panY) {
        return new ProjectLayout(l.laneOrder(), l.connectorPositions(), zoom, panX, panY,
                l.inputRows(), l.pinnedRows(), l.pluginPaths(), l.extra());
    }

    public static ProjectLayout withConnectorPosition(ProjectLayout l, String cname, Point p) {
        Map<String, Point> positions = new LinkedHashMap<>(l.connectorPositions());
        if (p == null) {
            positions.remove(cname);
        } else {
            positions.put(cname, p);
        }
        return new ProjectLayout(l.laneOrder(), positions, l.zoom(), l.panX(), l.panY(),
                l.inputRows(), l.pinnedRows(), l.pluginPaths(), l.extra());
    }

    /** A flow renamed: its lane keeps its place; its designer input rows (their mode, their file) and its serve settings follow it. */
    public static ProjectLayout renameFlow(ProjectLayout l, String oldName, String newName) {
        List<String> order = l.laneOrder().stream().map(n -> n.equals(oldName) ? newName : n).toList();
        Map<String, Object> extra = l.extra();
        for (String key : List.of(INPUT_MODES, INPUT_FILES, SERVE_SETTINGS)) {
            if (extra.get(key) instanceof Map<?, ?> byFlow && byFlow.containsKey(oldName)) {
                Map<String, Object> renamed = new LinkedHashMap<>();
                byFlow.forEach((k, v) -> renamed.put(oldName.equals(k) ? newName : String.valueOf(k), v));
                extra = new LinkedHashMap<>(extra);
                extra.put(key, renamed);
            }
        }
        return new ProjectLayout(order, l.connectorPositions(), l.zoom(), l.panX(), l.panY(),
                renameKey(l.inputRows(), oldName, newName), l.pinnedRows(), l.pluginPaths(), extra);
    }

    /** The sidecar key of the debugger's per-flow input modes (see debug.LayoutSettings, which owns it). */
    private static final String INPUT_MODES = "debuggerInputModes";
    /** The sidecar key of the debugger's per-flow input files (see debug.LayoutSettings). */
    private static final String INPUT_FILES = "debuggerInputFiles";

    /** The sidecar key of the Serve tab's per-flow deployment settings (see serve.ServeSidecar). */
    private static final String SERVE_SETTINGS = "serveSettings";

    /** A function renamed: its pinned rows follow it. */
    public static ProjectLayout renameFunction(ProjectLayout l, String oldName, String newName) {
        return new ProjectLayout(l.laneOrder(), l.connectorPositions(), l.zoom(), l.panX(), l.panY(),
                l.inputRows(), renameKey(l.pinnedRows(), oldName, newName), l.pluginPaths(), l.extra());
    }

    /** A connector renamed: its badge stays where the user put it. */
    public static ProjectLayout renameConnector(ProjectLayout l, String oldName, String newName) {
        return new ProjectLayout(l.laneOrder(), renameKey(l.connectorPositions(), oldName, newName), l.zoom(),
                l.panX(), l.panY(), l.inputRows(), l.pinnedRows(), l.pluginPaths(), l.extra());
    }

    private static <V> Map<String, V> renameKey(Map<String, V> m, String oldName, String newName) {
        if (!m.containsKey(oldName)) {
            return m;
        }
        Map<String, V> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k.equals(oldName) ? newName : k, v));
        return copy;
    }
}
