package io.kisflow.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, Go-compatible access to one YAML mapping: each getter accepts what yaml.v3 accepts for a
 * Go field of that type (a number in a text field is its text, {@code null} is the zero value) and
 * reports anything else as a problem at the value's line, returning the zero value so reading goes
 * on. Merge keys ({@code <<: *anchor}) are flattened and repeated keys reported.
 */
final class MappingReader {
    private final ReadContext ctx;
    /** Where the mapping is; its text is only built when needed (see {@link KeyPath}). */
    private final KeyPath place;
    private String prefix;
    private final MappingNode node;
    private final boolean recordLines;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private MappingReader(MappingNode node, KeyPath place, ReadContext ctx, boolean recordLines) {
        this.node = node;
        this.place = place;
        this.ctx = ctx;
        this.recordLines = recordLines;
    }

    /**
     * Reads the keys of a model-level mapping (the file, source, option, a flow step) and records
     * their lines; {@code prefix} names it in messages and line paths ("option.", "flows[2].").
     */
    static MappingReader of(MappingNode node, String prefix, ReadContext ctx) {
        MappingReader r = new MappingReader(node, KeyPath.ofPrefix(prefix), ctx, true);
        r.collect(node, 0, false);
        return r;
    }

    /** A mapping of values (params, unknown keys): only the model's keys need their lines kept. */
    private static MappingReader values(MappingNode node, KeyPath place, ReadContext ctx) {
        MappingReader r = new MappingReader(node, place, ctx, false);
        r.collect(node, 0, false);
        return r;
    }

    private void collect(MappingNode mapping, int depth, boolean merged) {
        if (depth > LoadLimits.MAX_NESTING_DEPTH) {
            throw new ReadContext.Refused(FileProblems.line(mapping), "merge keys (<<) refer to each other in a loop");
        }
        List<Node> merges = null;
        for (NodeTuple t : mapping.getValue()) {
            Node k = t.getKeyNode();
            if (isMergeKey(k)) {
                if (merges == null) {
                    merges = new ArrayList<>(1);
                }
                merges.add(t.getValueNode());
                continue;
            }
            if (!(k instanceof ScalarNode sk)) {
                ctx.problems.error(k, "a key in " + where() + " is a " + (k instanceof SequenceNode ? "list" : "mapping")
                        + "; keys must be plain names");
                continue;
            }
            String key = sk.getValue();
            NodeTuple earlier = entries.get(key);
            if (earlier == null) {
                entries.put(key, t);
                if (recordLines) {
                    ctx.line(prefix() + key, FileProblems.line(k));
                }
            } else if (!merged) {
                ctx.problems.error(k, "the key " + key + " appears twice in " + where() + " (lines "
                        + FileProblems.line(earlier.getKeyNode()) + " and " + FileProblems.line(k) + "); keep only one");
            }
        }
        if (merges != null) {
            for (Node m : merges) {
                merge(m, depth);
            }
        }
    }

    private void merge(Node value, int depth) {
        if (value instanceof MappingNode m) {
            collect(m, depth + 1, true);
        } else if (value instanceof SequenceNode s && s.getValue().stream().allMatch(n -> n instanceof MappingNode)) {
            for (Node n : s.getValue()) {
                collect((MappingNode) n, depth + 1, true);
            }
        } else {
            ctx.problems.error(value, "a merge key (<<) must be followed by a mapping or an alias of one, such as <<: *defaults");
        }
    }

    private static boolean isMergeKey(Node k) {
        return k instanceof ScalarNode s && (s.getTag().equals(Tag.MERGE)
                || (YamlParser.isPlain(s) && "<<".equals(s.getValue())));
    }

    private String where() {
        return place.isRoot() ? "the file" : place.toString();
    }

    /** "" for the file, else the mapping's path and a dot ("option.", "flows[2]."), for paths of its keys. */
    private String prefix() {
        if (prefix == null) {
            prefix = place.isRoot() ? "" : place + ".";
        }
        return prefix;
    }

    int line() {
        return FileProblems.line(node);
    }

    MappingNode node() {
        return node;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** The value node of a key, or null. */
    Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** Line of a key, or of the mapping when the key is absent. */
    int lineOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : FileProblems.line(t.getKeyNode());
    }

    private boolean isNull(Node v) {
        return v == null || v instanceof ScalarNode s && (s.getTag().equals(Tag.NULL)
                || YamlParser.isPlain(s) && PlainScalars.kind(s.getValue()) == PlainScalars.Kind.NULL);
    }

    // ---- typed getters -------------------------------------------------------------------------

    /** A Go string field: any scalar's text, "" for null. */
    String text(String key) {
        Node v = value(key);
        if (isNull(v)) {
            return "";
        }
        return scalarText(v, prefix() + key, "text");
    }

    private String scalarText(Node v, String path, String expected) {
        if (v instanceof ScalarNode s) {
            if (!isKnownScalarTag(s.getTag())) {
                ctx.problems.error(v, path + " has the tag " + tagName(s.getTag()) + ", which KisFlow does not read; remove it");
                return "";
            }
            return s.getValue();
        }
        ctx.problems.error(v, path + " has to be " + expected + ", but it is " + describe(v));
        return "";
    }

    /** A Go int field: integers, and floats truncated toward zero as yaml.v3 does; quoted numbers are refused as by Go. */
    int integer(String key, String expected) {
        Node v = value(key);
        if (isNull(v)) {
            return 0;
        }
        String path = prefix() + key;
        if (!(v instanceof ScalarNode s) || !isKnownScalarTag(s.getTag())) {
            ctx.problems.error(v, path + " has to be " + expected + ", but it is " + describe(v));
            return 0;
        }
        String t = s.getValue();
        PlainScalars.Kind kind = PlainScalars.kind(t);
        if (s.getTag().equals(Tag.STR)) {
            String hint = kind == PlainScalars.Kind.INT || kind == PlainScalars.Kind.FLOAT ? "; remove the quotes" : "";
            ctx.problems.error(v, path + " has to be " + expected + ", but it is the quoted text \"" + abbreviate(t) + "\"" + hint);
            return 0;
        }
        if (kind == PlainScalars.Kind.INT) {
            BigInteger i = PlainScalars.integer(t.replace("_", ""));
            if (i.bitLength() < 32) {
                return i.intValue();
            }
            ctx.problems.error(v, path + " is " + abbreviate(t) + ", which is out of range (from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
            return 0;
        }
        if (kind == PlainScalars.Kind.FLOAT) {
            double d = PlainScalars.floatValue(t);
            if (Double.isNaN(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
                ctx.problems.error(v, path + " is " + abbreviate(t) + ", which is not a usable whole number");
                return 0;
            }
            int truncated = (int) d;
            if (truncated != d) {
                ctx.problems.warning(v, path + " is " + abbreviate(t) + ", not a whole number; it is read as " + truncated + " (as Go does)");
            }
            return truncated;
        }
        if (PlainScalars.isDecimalFloat(t.replace("_", ""))) {
            ctx.problems.error(v, path + " is " + abbreviate(t) + ", a number too large for any number type; write "
                    + expected);
            return 0;
        }
        ctx.problems.error(v, path + " has to be " + expected + ", but it is " + describe(v));
        return 0;
    }

    /** A Go bool field: true/false, and the YAML 1.1 words (yes, no, on, off, y, n) yaml.v3 still accepts there. */
    boolean bool(String key) {
        Node v = value(key);
        if (isNull(v)) {
            return false;
        }
        String path = prefix() + key;
        if (v instanceof ScalarNode s && isKnownScalarTag(s.getTag())) {
            String t = s.getValue();
            if (PlainScalars.isOldBool(t)) {
                return PlainScalars.isOldTrue(t);
            }
            boolean boolWord = PlainScalars.kind(t) == PlainScalars.Kind.BOOL;
            if (boolWord && !s.getTag().equals(Tag.STR)) {
                return t.charAt(0) == 't' || t.charAt(0) == 'T';
            }
            if (boolWord) {
                ctx.problems.error(v, path + " has to be true or false, but it is the quoted text \"" + t + "\"; remove the quotes");
                return false;
            }
        }
        ctx.problems.error(v, path + " has to be true or false, but it is " + describe(v));
        return false;
    }

    /** A Go []string field: a list of scalars (null elements read as ""). */
    List<String> textList(String key, String expected) {
        Node v = value(key);
        if (isNull(v)) {
            return List.of();
        }
        String path = prefix() + key;
        if (!(v instanceof SequenceNode seq)) {
            ctx.problems.error(v, path + " has to be " + expected + ", but it is " + describe(v));
            return List.of();
        }
        List<String> out = new ArrayList<>(seq.getValue().size());
        int i = 0;
        for (Node item : seq.getValue()) {
            ctx.countValue();
            out.add(isNull(item) ? "" : scalarText(item, path + "[" + i + "]", "text"));
            i++;
        }
        return out;
    }

    /** A Go map[string]string field (FParam): scalars' text, "" for null values. */
    Map<String, String> textMap(String key) {
        Node v = value(key);
        if (isNull(v)) {
            return Map.of();
        }
        String path = prefix() + key;
        if (!(v instanceof MappingNode m)) {
            ctx.problems.error(v, path + " has to be a mapping of names to values (name: value lines), but it is " + describe(v));
            return Map.of();
        }
        MappingReader sub = values(m, KeyPath.ofPrefix(path + "."), ctx);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : sub.keys()) {
            Node item = sub.value(k);
            ctx.countValue();
            out.put(k, isNull(item) ? "" : sub.scalarText(item, path + "." + k, "a single value (text or a number)"));
        }
        return out;
    }

    /** A nested struct such as {@code source} or {@code option}; null when absent or null. */
    MappingReader mapping(String key, String expected) {
        Node v = value(key);
        if (isNull(v)) {
            return null;
        }
        if (v instanceof MappingNode m) {
            return of(m, prefix() + key + ".", ctx);
        }
        ctx.problems.error(v, prefix() + key + " has to be " + expected + ", but it is " + describe(v));
        return null;
    }

    /** A list of structs such as {@code flows}; empty when absent or null. */
    List<Node> sequence(String key, String expected) {
        Node v = value(key);
        if (isNull(v)) {
            return List.of();
        }
        if (v instanceof SequenceNode s) {
            return s.getValue();
        }
        ctx.problems.error(v, prefix() + key + " has to be " + expected + ", but it is " + describe(v));
        return List.of();
    }

    /**
     * The keys the model does not know, with their values as plain Java values (String, Long,
     * BigInteger, Double, Boolean, null, List, Map), in file order. A key that looks like a misspelt
     * known key gets a warning, since Go silently ignores it.
     */
    Map<String, Object> extras(List<String> known) {
        Map<String, Object> out = null;
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String key = e.getKey();
            if (known.contains(key)) {
                continue;
            }
            if (out == null) {
                out = new LinkedHashMap<>();
            }
            try {
                out.put(key, toJava(e.getValue().getValueNode(), place.key(key), 0));
            } catch (ReadContext.Refused refused) {
                // point at the key whose value blew the budget, not at a shared anchored node elsewhere
                throw refused.line != 0 ? refused : new ReadContext.Refused(FileProblems.line(e.getValue().getKeyNode()), refused.getMessage());
            }
            String near = Suggestions.closest(key, known);
            if (near != null) {
                ctx.problems.warning(e.getValue().getKeyNode(), "unknown key " + prefix() + key + " (did you mean " + prefix() + near
                        + "?); it is kept, but KisFlow ignores it");
            }
        }
        return out == null ? Map.of() : out;
    }

    private Object toJava(Node v, KeyPath path, int depth) {
        ctx.countValue();
        if (depth > LoadLimits.MAX_NESTING_DEPTH) {
            throw new ReadContext.Refused(FileProblems.line(v), path + " is nested too deeply or contains itself (through an alias)");
        }
        if (v instanceof ScalarNode s) {
            Tag tag = s.getTag();
            if (tag == YamlParser.PLAIN || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
                return PlainScalars.value(s.getValue());
            }
            if (!isKnownScalarTag(tag)) {
                ctx.problems.error(v, path + " has the tag " + tagName(tag) + ", which KisFlow does not read; remove it");
            }
            return s.getValue();
        }
        if (v instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>(seq.getValue().size());
            int i = 0;
            for (Node item : seq.getValue()) {
                list.add(toJava(item, path.item(i++), depth + 1));
            }
            return Collections.unmodifiableList(list);
        }
        MappingReader sub = values((MappingNode) v, path, ctx);
        Map<String, Object> map = new LinkedHashMap<>();
        for (String k : sub.keys()) {
            map.put(k, sub.toJava(sub.value(k), path.key(k), depth + 1));
        }
        return Collections.unmodifiableMap(map);
    }

    private static boolean isKnownScalarTag(Tag tag) {
        return tag == YamlParser.PLAIN || tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
                || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL);
    }

    private static String tagName(Tag tag) {
        String t = tag.getValue();
        return t.startsWith(Tag.PREFIX) ? "!!" + t.substring(Tag.PREFIX.length()) : t;
    }

    /** How a value appears in a message: its text in quotes, or "a list" / "a mapping". */
    static String describe(Node v) {
        if (v instanceof ScalarNode s) {
            return "\"" + abbreviate(s.getValue()) + "\"";
        }
        return v instanceof SequenceNode ? "a list" : "a mapping (name: value lines)";
    }

    static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
