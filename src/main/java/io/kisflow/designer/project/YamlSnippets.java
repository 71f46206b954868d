package io.kisflow.designer.project;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Writes parts of the exporter's rendering of an object (a key with its value, a list item, a
 * whole value) in the indentation of the file being patched. Scalars keep the exporter's tokens, so
 * quoting decisions stay the exporter's.
 */
final class YamlSnippets {
    private final YamlDocument canonical;
    private final Indentation indent;

    YamlSnippets(YamlDocument canonical, Indentation indent) {
        this.canonical = canonical;
        this.indent = indent;
    }

    static boolean isEmptyCollection(Node n) {
        return n instanceof MappingNode m && m.getValue().isEmpty() || n instanceof SequenceNode s && s.getValue().isEmpty();
    }

    /** True when the value is written on the lines after its key (a non-empty block collection). */
    static boolean needsBlock(Node n) {
        return (n instanceof MappingNode || n instanceof SequenceNode) && !isEmptyCollection(n);
    }

    String scalar(ScalarNode s, boolean inFlow) {
        return ScalarTokens.standalone(s, canonical.token(s), inFlow);
    }

    /** A value on one line: a scalar, an empty collection, or a collection in flow style. */
    String flow(Node n) {
        if (n instanceof ScalarNode s) {
            return scalar(s, true);
        }
        StringBuilder sb = new StringBuilder();
        if (n instanceof MappingNode m) {
            sb.append('{');
            for (NodeTuple t : m.getValue()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(flow(t.getKeyNode())).append(": ").append(flow(t.getValueNode()));
            }
            return sb.append('}').toString();
        }
        SequenceNode seq = (SequenceNode) n;
        sb.append('[');
        for (Node item : seq.getValue()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(flow(item));
        }
        return sb.append(']').toString();
    }

    /** What follows "key: " or "- " on the same line for a value that is not a block collection. */
    String inline(Node n) {
        return n instanceof ScalarNode s ? scalar(s, false) : flow(n);
    }

    /** The lines of a non-empty block collection whose entries (or dashes) start at column {@code col}. */
    List<String> blockLines(Node n, int col) {
        List<String> lines = new ArrayList<>();
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                lines.addAll(entryLines(t.getKeyNode(), t.getValueNode(), col));
            }
        } else {
            for (Node item : ((SequenceNode) n).getValue()) {
                lines.addAll(itemLines(item, col));
            }
        }
        return lines;
    }

    /** {@code key: value}, or {@code key:} followed by the value's block lines. */
    List<String> entryLines(Node key, Node value, int col) {
        String head = " ".repeat(col) + scalar((ScalarNode) key, false) + ":";
        List<String> lines = new ArrayList<>();
        if (!needsBlock(value)) {
            lines.add(head + " " + inline(value));
            return lines;
        }
        lines.add(head);
        lines.addAll(blockLines(value, col + childOffset(value)));
        return lines;
    }

    /** {@code - item}; a collection item starts on the dash line, its further lines line up under it. */
    List<String> itemLines(Node item, int dashCol) {
        List<String> lines = new ArrayList<>();
        String dash = " ".repeat(dashCol) + "-" + " ".repeat(Math.max(1, indent.itemOffset() - 1));
        if (!needsBlock(item)) {
            lines.add(dash + inline(item));
            return lines;
        }
        int contentCol = dashCol + Math.max(2, indent.itemOffset());
        List<String> inner = blockLines(item, contentCol);
        lines.add(dash + " ".repeat(contentCol - dash.length()) + inner.get(0).substring(contentCol));
        lines.addAll(inner.subList(1, inner.size()));
        return lines;
    }

    /** Columns from a key to the block value under it. */
    int childOffset(Node value) {
        return value instanceof SequenceNode ? indent.sequenceOffset() : indent.step();
    }
}
