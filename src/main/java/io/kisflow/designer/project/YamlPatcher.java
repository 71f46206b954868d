package io.kisflow.designer.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Applies an edit of one object to the text of its file, touching nothing but what changed.
 *
 * <p>The change is taken from two canonical renderings of the object (before and after the edit,
 * both from the exporter, so they differ exactly where the object changed); it is then replayed on
 * the original text with the node positions SnakeYAML reports: a changed value replaces just that
 * value's token, a new key is inserted where Go's key order puts it, a removed key or list item
 * loses its lines, a list is diffed item by item. Comments, key order, blank lines, quoting of
 * untouched values and keys the exporter does not know stay as they were. Where a part cannot be
 * patched in place (a flow collection that gains or loses entries, a list that does not match what
 * the exporter read), only that part is written anew, and a note says so when comments were in it.
 *
 * <pre>{@code Patched p = YamlPatcher.patch(fileText, exporter.render(oldFunc), exporter.render(newFunc));}</pre>
 *
 * Throws {@link Unpatchable} when the file as a whole cannot be patched (not YAML, anchors, ...).
 */
final class YamlPatcher {
    /** The new text, and for the user a sentence per part that had to be rewritten losing comments. */
    record Patched(String text, List<String> notes) {
    }

    /** How a value stands in its parent: decides how a replacement is laid out. */
    private record Place(Kind kind, Node key, int column) {
        enum Kind { AFTER_KEY, ITEM, IN_FLOW }

        static final Place FLOW = new Place(Kind.IN_FLOW, null, 0);
    }

    private final YamlDocument file;
    private final YamlDocument oldCanon;
    private final YamlDocument newCanon;
    private final YamlSnippets snippets;
    private final List<String> notes = new ArrayList<>();
    private final boolean compactItems;

    private YamlPatcher(YamlDocument file, YamlDocument oldCanon, YamlDocument newCanon, boolean compactItems) {
        this.compactItems = compactItems;
        this.file = file;
        this.oldCanon = oldCanon;
        this.newCanon = newCanon;
        this.snippets = new YamlSnippets(newCanon, Indentation.of(file));
    }

    static Patched patch(String original, String oldCanonical, String newCanonical) {
        return patch(original, oldCanonical, newCanonical, false);
    }

    /**
     * With {@code compactItems}, a new list item leaves out keys whose value is an empty {} or []
     * (a new flow step without params is written {@code - fname: X}, as people write it); the caller
     * checks that the result still reads back right, since an unknown key may need its empty value.
     */
    static Patched patch(String original, String oldCanonical, String newCanonical, boolean compactItems) {
        YamlDocument file = YamlDocument.parse(original);
        YamlDocument oldC = YamlDocument.parse(oldCanonical);
        YamlDocument newC = YamlDocument.parse(newCanonical);
        if (!(file.root instanceof MappingNode fileRoot) || !(oldC.root instanceof MappingNode oldRoot)
                || !(newC.root instanceof MappingNode newRoot)) {
            throw new Unpatchable("its top level is not a mapping of keys");
        }
        if (YamlDocument.isFlow(fileRoot)) {
            throw new Unpatchable("it is written as one flow mapping ({...})");
        }
        YamlPatcher p = new YamlPatcher(file, oldC, newC, compactItems);
        TextEdits edits = new TextEdits();
        p.patchMapping(fileRoot, oldRoot, newRoot, "", edits);
        String text = edits.applyTo(original);
        YamlDocument.parse(text); // a patch that breaks the YAML is refused, never written
        return new Patched(text, List.copyOf(p.notes));
    }

    // ---- comparing the two canonical renderings ------------------------------------------------

    private boolean same(Node a, Node b) {
        if (a instanceof ScalarNode sa && b instanceof ScalarNode sb) {
            return oldCanon.token(sa).equals(newCanon.token(sb));
        }
        if (a instanceof MappingNode ma && b instanceof MappingNode mb) {
            List<NodeTuple> ta = ma.getValue();
            List<NodeTuple> tb = mb.getValue();
            if (ta.size() != tb.size()) {
                return false;
            }
            for (int i = 0; i < ta.size(); i++) {
                if (!same(ta.get(i).getKeyNode(), tb.get(i).getKeyNode()) || !same(ta.get(i).getValueNode(), tb.get(i).getValueNode())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof SequenceNode sa && b instanceof SequenceNode sb) {
            List<Node> la = sa.getValue();
            List<Node> lb = sb.getValue();
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!same(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Two mappings that start with the same key and value (flow steps naming the same function). */
    private boolean alike(Node a, Node b) {
        return a instanceof MappingNode ma && b instanceof MappingNode mb && !ma.getValue().isEmpty() && !mb.getValue().isEmpty()
                && same(ma.getValue().get(0).getKeyNode(), mb.getValue().get(0).getKeyNode())
                && same(ma.getValue().get(0).getValueNode(), mb.getValue().get(0).getValueNode());
    }

    private static Map<String, NodeTuple> entries(MappingNode m) {
        Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new Unpatchable("a key in it is not a plain name");
            }
            if (byKey.put(k.getValue(), t) != null) {
                throw new Unpatchable("the key " + k.getValue() + " appears twice");
            }
        }
        return byKey;
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    // ---- walking the original alongside the change ---------------------------------------------

    private void patchValue(Node orig, Node oldV, Node newV, Place place, String path, TextEdits out) {
        if (same(oldV, newV)) {
            return;
        }
        boolean structural = orig instanceof MappingNode && oldV instanceof MappingNode && newV instanceof MappingNode
                || orig instanceof SequenceNode && oldV instanceof SequenceNode && newV instanceof SequenceNode;
        if (structural && !YamlSnippets.isEmptyCollection(newV) && !YamlSnippets.isEmptyCollection(orig)) {
            TextEdits inner = new TextEdits();
            int notesBefore = notes.size();
            try {
                if (orig instanceof MappingNode om) {
                    patchMapping(om, (MappingNode) oldV, (MappingNode) newV, path, inner);
                } else {
                    patchSequence((SequenceNode) orig, (SequenceNode) oldV, (SequenceNode) newV, path, inner);
                }
                out.addAll(inner);
                return;
            } catch (Unpatchable e) {
                notes.subList(notesBefore, notes.size()).clear(); // the inner attempt is dropped, and its notes with it
                replaceValue(orig, newV, place, path, e.routine() ? null : e.reason(), out);
                return;
            }
        }
        if (orig instanceof ScalarNode os && newV instanceof ScalarNode ns) {
            replaceScalar(os, ns, place, out);
            return;
        }
        replaceValue(orig, newV, place, path, null, out);
    }

    private void replaceScalar(ScalarNode orig, ScalarNode fresh, Place place, TextEdits out) {
        String token = ScalarTokens.forReplacement(orig, fresh, newCanon.token(fresh), place.kind == Place.Kind.IN_FLOW);
        int start = file.start(orig);
        int end = file.contentEnd(orig);
        if (start == end && start > 0 && file.text.charAt(start - 1) != ' ') {
            token = " " + token; // an empty value right after "key:"
        }
        out.replace(start, end, token);
    }

    /**
     * Writes {@code newV} in place of the whole original value (its inner comments are lost);
     * {@code reason} says why when it was not simply a change of kind (null).
     */
    private void replaceValue(Node orig, Node newV, Place place, String path, String reason, TextEdits out) {
        int start = file.start(orig);
        int end = file.contentEnd(orig);
        boolean flowish = place.kind == Place.Kind.IN_FLOW || YamlDocument.isFlow(orig) && !YamlSnippets.isEmptyCollection(orig);
        if (flowish || !YamlSnippets.needsBlock(newV)) {
            String value = flowish ? snippets.flow(newV) : snippets.inline(newV);
            if (place.kind == Place.Kind.AFTER_KEY) {
                int colon = file.colonAfter(place.key);
                if (colon < 0) {
                    throw new Unpatchable("the value of " + path + " does not follow its key");
                }
                start = colon + 1;
                value = " " + value;
            }
            note(start, end, path, reason);
            out.replace(start, end, value);
            return;
        }
        if (place.kind == Place.Kind.AFTER_KEY) {
            int col = place.column + snippets.childOffset(newV);
            if (sameKind(orig, newV) && !YamlDocument.isFlow(orig) && file.startsLine(start)) {
                col = file.column(start); // the file's own indentation of this value
                start = file.lineStart(start); // keeps a comment after "key:"
                note(start, end, path, reason);
                out.replace(start, end, String.join(file.eol, snippets.blockLines(newV, col)));
                return;
            }
            int colon = file.colonAfter(place.key);
            if (colon < 0) {
                throw new Unpatchable("the value of " + path + " does not follow its key");
            }
            note(colon + 1, end, path, reason);
            if (file.text.indexOf('\n', colon) >= end || file.text.indexOf('\n', colon) < 0) {
                // the old value stood on the key's line: drop it there (a comment after it stays on
                // that line) and put the block on the lines below
                out.replace(colon + 1, end, "");
                insertLines(file.lineEnd(end), snippets.blockLines(newV, col), out);
            } else {
                out.replace(colon + 1, end, file.eol + String.join(file.eol, snippets.blockLines(newV, col)));
            }
            return;
        }
        if (place.kind == Place.Kind.ITEM) {
            List<String> lines = snippets.itemLines(newV, place.column);
            String first = lines.get(0).substring(place.column + 1).stripLeading();
            List<String> rest = new ArrayList<>(lines.subList(1, lines.size()));
            rest.add(0, first);
            note(start, end, path, reason);
            out.replace(start, end, String.join(file.eol, rest));
            return;
        }
        throw new Unpatchable("the top level would have to be rewritten");
    }

    private static boolean sameKind(Node a, Node b) {
        return a instanceof MappingNode && b instanceof MappingNode || a instanceof SequenceNode && b instanceof SequenceNode;
    }

    private void note(int start, int end, String path, String reason) {
        boolean comments = hasComment(start, end);
        if (reason != null) {
            notes.add(path + " was rewritten as a whole because " + reason
                    + (comments ? "; the comments inside it could not be kept" : ""));
        } else if (comments) {
            notes.add(path + " was rewritten as a whole; the comments inside it could not be kept");
        }
    }

    /** A '#' that starts a comment: at a line start or after a space, outside quotes (approximately). */
    private boolean hasComment(int start, int end) {
        String t = file.text;
        char quote = 0;
        for (int i = start; i < end; i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\n') {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(t.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    // ---- mappings --------------------------------------------------------------------------------

    private void patchMapping(MappingNode orig, MappingNode oldM, MappingNode newM, String path, TextEdits out) {
        Map<String, NodeTuple> have = entries(orig);
        Map<String, NodeTuple> before = entries(oldM);
        Map<String, NodeTuple> after = entries(newM);
        boolean flow = YamlDocument.isFlow(orig);
        int keyCol = flow ? 0 : file.column(file.start(orig.getValue().get(0).getKeyNode()));

        List<String> removed = new ArrayList<>();
        for (String key : before.keySet()) {
            if (!after.containsKey(key) && have.containsKey(key)) {
                removed.add(key);
            }
        }
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> e : after.entrySet()) {
            String key = e.getKey();
            NodeTuple was = before.get(key);
            NodeTuple is = have.get(key);
            if (is == null) {
                if (was == null || !same(was.getValueNode(), e.getValue().getValueNode())) {
                    added.add(key);
                }
            } else if (was == null) {
                replaceValue(is.getValueNode(), e.getValue().getValueNode(), valuePlace(is, flow, keyCol), child(path, key), null, out);
            } else {
                patchValue(is.getValueNode(), was.getValueNode(), e.getValue().getValueNode(),
                        valuePlace(is, flow, keyCol), child(path, key), out);
            }
        }
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        if (flow) {
            throw new Unpatchable("keys are added to or removed from it, which is written as {...}", true);
        }
        for (String key : removed) {
            NodeTuple t = have.get(key);
            if (!file.startsLine(file.start(t.getKeyNode()))) {
                throw new Unpatchable("the key " + child(path, key) + " shares its line with a list dash");
            }
            removeLines(file.start(t.getKeyNode()), t.getValueNode(), out);
        }
        List<String> newOrder = new ArrayList<>(after.keySet());
        for (String key : added) {
            NodeTuple fresh = after.get(key);
            NodeTuple was = before.get(key);
            Node value = was == null ? fresh.getValueNode() : minimal(was.getValueNode(), fresh.getValueNode());
            insertLines(insertionPoint(key, newOrder, have, removed, orig),
                    snippets.entryLines(fresh.getKeyNode(), value, keyCol), out);
        }
    }

    private Place valuePlace(NodeTuple t, boolean inFlow, int keyCol) {
        return inFlow ? Place.FLOW : new Place(Place.Kind.AFTER_KEY, t.getKeyNode(), keyCol);
    }

    /**
     * The part of a new mapping value that differs from its old canonical value: what has to be
     * written when the file left the whole value out (Go reads missing keys as zero values).
     */
    private Node minimal(Node oldV, Node newV) {
        if (!(oldV instanceof MappingNode om) || !(newV instanceof MappingNode nm)) {
            return newV;
        }
        Map<String, NodeTuple> before = entries(om);
        List<NodeTuple> changed = new ArrayList<>();
        for (NodeTuple t : nm.getValue()) {
            NodeTuple was = before.get(((ScalarNode) t.getKeyNode()).getValue());
            if (was == null) {
                changed.add(t);
            } else if (!same(was.getValueNode(), t.getValueNode())) {
                changed.add(new NodeTuple(t.getKeyNode(), minimal(was.getValueNode(), t.getValueNode())));
            }
        }
        return new MappingNode(nm.getTag(), changed, nm.getFlowStyle());
    }

    /** A mapping item without its entries whose value is an empty collection (at least one entry stays). */
    private static Node compact(Node item) {
        if (!(item instanceof MappingNode m)) {
            return item;
        }
        List<NodeTuple> kept = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!YamlSnippets.isEmptyCollection(t.getValueNode())) {
                kept.add(t);
            }
        }
        return kept.isEmpty() ? item : new MappingNode(m.getTag(), kept, m.getFlowStyle());
    }

    /** Where a new key goes: after the nearest key that precedes it in Go's order, else before the nearest that follows. */
    private int insertionPoint(String key, List<String> order, Map<String, NodeTuple> have, List<String> removed, MappingNode orig) {
        int at = order.indexOf(key);
        for (int i = at - 1; i >= 0; i--) {
            NodeTuple t = have.get(order.get(i));
            if (t != null && !removed.contains(order.get(i))) {
                return file.lineEnd(file.contentEnd(t.getValueNode()) > file.start(t.getValueNode())
                        ? file.contentEnd(t.getValueNode()) : file.contentEnd(t.getKeyNode()));
            }
        }
        for (int i = at + 1; i < order.size(); i++) {
            NodeTuple t = have.get(order.get(i));
            if (t != null && !removed.contains(order.get(i)) && file.startsLine(file.start(t.getKeyNode()))) {
                return file.lineStart(file.start(t.getKeyNode()));
            }
        }
        return file.lineEnd(file.contentEnd(orig));
    }

    private void insertLines(int at, List<String> lines, TextEdits out) {
        String block = String.join(file.eol, lines);
        if (at == file.text.length() && !file.text.isEmpty() && !file.text.endsWith("\n")) {
            out.insert(at, file.eol + block); // the file ends without a line break: keep it that way
        } else {
            out.insert(at, block + file.eol);
        }
    }

    /** Removes the whole lines from the one holding {@code from} to the end of {@code last}'s content. */
    private void removeLines(int from, Node last, TextEdits out) {
        int start = file.lineStart(from);
        int end = file.lineEnd(file.contentEnd(last));
        if (end == file.text.length() && !file.text.endsWith("\n") && start > 0) {
            // the last line of a file without a final line break: take the break before it instead
            start -= start >= 2 && file.text.startsWith("\r\n", start - 2) ? 2 : 1;
        }
        out.replace(start, end, "");
    }

    // ---- sequences -------------------------------------------------------------------------------

    private void patchSequence(SequenceNode orig, SequenceNode oldS, SequenceNode newS, String path, TextEdits out) {
        List<Node> have = orig.getValue();
        List<Node> before = oldS.getValue();
        List<Node> after = newS.getValue();
        if (have.size() != before.size()) {
            throw new Unpatchable("it does not hold what was read from it (a list item that could not be read, or repeats)");
        }
        for (int i = 0; i < have.size(); i++) {
            if (have.get(i) instanceof ScalarNode hs && before.get(i) instanceof ScalarNode bs && !hs.getValue().equals(bs.getValue())) {
                throw new Unpatchable("it does not hold what was read from it (a list item that could not be read, or repeats)");
            }
        }
        boolean flow = YamlDocument.isFlow(orig);
        List<int[]> script = ListDiff.align(before.size(), after.size(), (i, j) -> same(before.get(i), after.get(j)),
                (i, j) -> alike(before.get(i), after.get(j)));
        boolean structural = false;
        for (int[] op : script) {
            if (op[0] < 0 || op[1] < 0) {
                structural = true;
            }
        }
        if (structural && flow) {
            throw new Unpatchable("items are added to or removed from it, which is written as [...]", true);
        }
        int dashCol = -1;
        if (!flow) {
            int dash = file.dashBefore(have.get(0));
            if (dash < 0) {
                throw new Unpatchable("the list " + path + " could not be located");
            }
            dashCol = file.column(dash);
        }
        int nextOrig = 0; // original index before which an insertion goes
        for (int[] op : script) {
            int i = op[0];
            int j = op[1];
            String itemPath = path + "[" + (j >= 0 ? j : i) + "]";
            if (i >= 0 && j >= 0) {
                Place place = flow ? Place.FLOW : new Place(Place.Kind.ITEM, null, dashCol);
                patchValue(have.get(i), before.get(i), after.get(j), place, itemPath, out);
                nextOrig = i + 1;
            } else if (i >= 0) {
                Node item = have.get(i);
                int dash = file.dashBefore(item);
                if (dash < 0 || !file.startsLine(dash)) {
                    throw new Unpatchable("an item of " + path + " shares its line with other content");
                }
                removeLines(dash, item, out);
                nextOrig = i + 1;
            } else {
                int at;
                if (nextOrig < have.size()) {
                    int dash = file.dashBefore(have.get(nextOrig));
                    if (dash < 0 || !file.startsLine(dash)) {
                        throw new Unpatchable("an item of " + path + " shares its line with other content");
                    }
                    at = file.lineStart(dash);
                } else {
                    at = file.lineEnd(file.contentEnd(have.get(have.size() - 1)));
                }
                insertLines(at, snippets.itemLines(compactItems ? compact(after.get(j)) : after.get(j), dashCol), out);
            }
        }
    }
}
