package io.kisflow.designer.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kisflow.config.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sidecar {@code .kisflow-studio.json}: {@link ProjectLayout} to JSON text and back. Reading
 * never fails: a broken file or a value of the wrong type gives a warning naming the file, line and
 * key, and the default for that part; keys this version does not know are kept.
 */
final class LayoutFile {
    static final String FILE_NAME = ".kisflow-studio.json";
    static final int VERSION = 1;

    private static final Set<String> KNOWN = Set.of("version", "laneOrder", "connectorPositions", "zoom", "panX", "panY",
            "inputRows", "pinnedRows", "pluginPaths");

    private LayoutFile() {
    }

    /** A new sidecar's text: sorted keys, unknown keys included, {@code version} first among equals. */
    static String render(ProjectLayout layout) {
        return StateJson.write(toTree(layout));
    }

    /**
     * The sidecar's text replacing {@code previous} (null when there is none): the keys keep the
     * order they have in the file, at every level (the layout keeps the order it read), and keys the
     * file did not have come after them, sorted; so a save changes only the lines whose values
     * changed, not the order, and the diff stays small.
     */
    static String render(ProjectLayout layout, String previous) {
        List<String> order = topLevelKeys(previous);
        if (order == null) {
            return render(layout);
        }
        Map<String, Object> sorted = toTree(layout);
        Map<String, Object> tree = new LinkedHashMap<>();
        for (String key : order) {
            if (sorted.containsKey(key)) {
                tree.put(key, sorted.get(key));
            }
        }
        sorted.forEach(tree::putIfAbsent);
        return StateJson.writeInOrder(tree);
    }

    /** The top-level keys of a sidecar text in file order; null when there is no readable one. */
    private static List<String> topLevelKeys(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode root = StateJson.MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                return null;
            }
            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(keys::add);
            return keys;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The layout as plain maps and lists (also embedded in the recovery copy). */
    static Map<String, Object> toTree(ProjectLayout layout) {
        Map<String, Object> tree = new TreeMap<>(layout.extra());
        tree.put("version", VERSION);
        tree.put("laneOrder", layout.laneOrder());
        Map<String, Object> positions = new LinkedHashMap<>();
        layout.connectorPositions().forEach((name, p) -> {
            Map<String, Object> xy = new LinkedHashMap<>(); // x before y, whatever the JVM's Map.of order
            xy.put("x", p.x());
            xy.put("y", p.y());
            positions.put(name, xy);
        });
        tree.put("connectorPositions", positions);
        tree.put("zoom", layout.zoom());
        tree.put("panX", layout.panX());
        tree.put("panY", layout.panY());
        tree.put("inputRows", layout.inputRows());
        tree.put("pinnedRows", layout.pinnedRows());
        tree.put("pluginPaths", layout.pluginPaths());
        return tree;
    }

    /** Parses sidecar text; problems are added to {@code problems} with {@code file} as their place. */
    static ProjectLayout parse(String text, Path file, List<Problem> problems) {
        JsonNode root;
        try {
            root = StateJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(Problem.warning(file, at == null ? 0 : at.getLineNr(), null,
                    "the designer layout file is not valid JSON (" + e.getOriginalMessage()
                            + "); the canvas starts with the default layout, and the file is replaced when you save"));
            return ProjectLayout.EMPTY;
        }
        if (root == null || !root.isObject()) {
            problems.add(Problem.warning(file, 1, null,
                    "the designer layout file does not hold a JSON object; the canvas starts with the default layout"));
            return ProjectLayout.EMPTY;
        }
        return fromTree(root, text, file, problems);
    }

    /** {@code text} (may be null) is only used to find the line of a key in messages. */
    static ProjectLayout fromTree(JsonNode root, String text, Path file, List<Problem> problems) {
        Reader r = new Reader(root, text, file, problems);
        ProjectLayout l = ProjectLayout.EMPTY;
        l = l.withLaneOrder(r.strings(root.get("laneOrder"), "laneOrder"));
        l = l.withConnectorPositions(r.points(root.get("connectorPositions")));
        double zoom = r.number("zoom", 1.0);
        l = l.withZoom(zoom > 0 ? zoom : r.wrong("zoom", root.get("zoom"), "a positive number", 1.0));
        l = l.withPan(r.number("panX", 0), r.number("panY", 0));
        l = l.withInputRows(r.rowMap("inputRows"));
        l = l.withPinnedRows(r.rowMap("pinnedRows"));
        l = l.withPluginPaths(r.strings(root.get("pluginPaths"), "pluginPaths"));
        Map<String, Object> extra = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!KNOWN.contains(f.getKey())) {
                extra.put(f.getKey(), StateJson.MAPPER.convertValue(f.getValue(), Object.class));
            }
        }
        return l.withExtra(extra);
    }

    /** Typed access that reports a wrong type once per key and falls back to the default. */
    private record Reader(JsonNode root, String text, Path file, List<Problem> problems) {
        <T> T wrong(String key, JsonNode v, String expected, T fallback) {
            problems.add(Problem.warning(file, lineOf(key), null, "the designer layout key \"" + key + "\" has to be "
                    + expected + ", but it is " + v + "; it is ignored"));
            return fallback;
        }

        /** The line of the first {@code "name":} of a (possibly dotted) key, 0 when not found. */
        int lineOf(String key) {
            if (text == null) {
                return 0;
            }
            String last = key.substring(key.lastIndexOf('.') + 1);
            int at = text.indexOf("\"" + last + "\"");
            if (at < 0) {
                return 0;
            }
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        double number(String key, double fallback) {
            JsonNode v = root.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                return wrong(key, v, "a number", fallback);
            }
            return v.asDouble();
        }

        List<String> strings(JsonNode v, String key) {
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                return wrong(key, v, "a list of texts", List.of());
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    return wrong(key, v, "a list of texts", List.of());
                }
                out.add(item.asText());
            }
            return out;
        }

        Map<String, Point> points(JsonNode v) {
            Map<String, Point> out = new LinkedHashMap<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isObject()) {
                return wrong("connectorPositions", v, "a map of connector name to {\"x\": .., \"y\": ..}", out);
            }
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode x = e.getValue().get("x");
                JsonNode y = e.getValue().get("y");
                if (x == null || y == null || !x.isNumber() || !y.isNumber()
                        || !Double.isFinite(x.asDouble()) || !Double.isFinite(y.asDouble())) {
                    problems.add(Problem.warning(file, lineOf(e.getKey()), e.getKey(), "the designer layout gives connector \"" + e.getKey()
                            + "\" the position " + e.getValue() + ", which is not {\"x\": number, \"y\": number}; it is placed anew"));
                    continue;
                }
                out.put(e.getKey(), new Point(x.asDouble(), y.asDouble()));
            }
            return out;
        }

        Map<String, List<String>> rowMap(String key) {
            JsonNode v = root.get(key);
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isObject()) {
                return wrong(key, v, "a map of name to a list of texts", out);
            }
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), strings(e.getValue(), key + "." + e.getKey()));
            }
            return out;
        }
    }
}
