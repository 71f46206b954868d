package io.kisflow.designer.project;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The text of one YAML document together with its SnakeYAML node tree, and the positions the patcher
 * needs: where a node's own text starts and ends (in chars, not the code points SnakeYAML counts),
 * line starts and ends, columns, the file's line break, and how the file indents.
 */
final class YamlDocument {
    private static final LoaderOptions OPTIONS = options();

    final String text;
    final Node root;
    final String eol;
    private final int[] charIndexOfCodePoint; // null when every code point is one char
    private final Map<Node, Boolean> seen = new IdentityHashMap<>();

    private YamlDocument(String text, Node root) {
        this.text = text;
        this.root = root;
        this.eol = text.contains("\r\n") ? "\r\n" : "\n";
        this.charIndexOfCodePoint = text.length() == text.codePointCount(0, text.length()) ? null : codePointTable(text);
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true); // the patcher refuses them itself, per mapping
        o.setProcessComments(false);
        o.setTagInspector(tag -> false);
        o.setMaxAliasesForCollections(50);
        o.setNestingDepthLimit(50);
        return o;
    }

    /** Parses the first document of {@code text}; throws {@link Unpatchable} when it is not YAML or empty. */
    static YamlDocument parse(String text) {
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), OPTIONS), new Resolver(), OPTIONS);
            root = composer.checkNode() ? composer.getNode() : null;
        } catch (RuntimeException e) {
            throw new Unpatchable("it is not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null) {
            throw new Unpatchable("it holds no YAML document");
        }
        YamlDocument doc = new YamlDocument(text, root);
        doc.refuseSharedNodes(root);
        return doc;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Anchors and aliases make one node appear at several places while its marks point at only one
     * of them, so a patch could silently change the wrong place: such files are not patched.
     */
    private void refuseSharedNodes(Node n) {
        if (n.getAnchor() != null || seen.put(n, Boolean.TRUE) != null) {
            throw new Unpatchable("it uses YAML anchors or aliases (& and *)");
        }
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && "<<".equals(k.getValue())) {
                    throw new Unpatchable("it uses YAML merge keys (<<)");
                }
                refuseSharedNodes(t.getKeyNode());
                refuseSharedNodes(t.getValueNode());
            }
        } else if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                refuseSharedNodes(item);
            }
        }
    }

    private static int[] codePointTable(String text) {
        int count = text.codePointCount(0, text.length());
        int[] table = new int[count + 1];
        int ci = 0;
        for (int cp = 0; cp < count; cp++) {
            table[cp] = ci;
            ci += Character.charCount(text.codePointAt(ci));
        }
        table[count] = ci;
        return table;
    }

    private int chars(Mark m) {
        int cp = m.getIndex();
        return charIndexOfCodePoint == null ? cp : charIndexOfCodePoint[Math.min(cp, charIndexOfCodePoint.length - 1)];
    }

    int start(Node n) {
        return chars(n.getStartMark());
    }

    /**
     * Where the node's own content ends. SnakeYAML ends a block collection at the next token (after
     * trailing comments and blank lines) and a block scalar after its line breaks, so those are
     * narrowed down to their last character of content; an empty value ends where it starts.
     */
    int contentEnd(Node n) {
        if (n instanceof ScalarNode s) {
            int end = chars(s.getEndMark());
            if (s.getScalarStyle() == ScalarStyle.LITERAL
                    || s.getScalarStyle() == ScalarStyle.FOLDED) {
                int start = start(s);
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
            }
            return end;
        }
        if (n instanceof CollectionNode<?> c && isFlow(c)) {
            return chars(c.getEndMark());
        }
        if (n instanceof MappingNode m && !m.getValue().isEmpty()) {
            NodeTuple last = m.getValue().get(m.getValue().size() - 1);
            return Math.max(contentEnd(last.getValueNode()), chars(last.getKeyNode().getEndMark()));
        }
        if (n instanceof SequenceNode s && !s.getValue().isEmpty()) {
            return contentEnd(s.getValue().get(s.getValue().size() - 1));
        }
        return chars(n.getEndMark());
    }

    /** The node's text as written (quotes included). */
    String token(Node n) {
        return text.substring(start(n), contentEnd(n));
    }

    static boolean isFlow(Node n) {
        return n instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW;
    }

    int lineStart(int pos) {
        int nl = text.lastIndexOf('\n', pos - 1);
        return nl + 1;
    }

    /** The index just after the line break ending the line that holds {@code pos}, or the text's end. */
    int lineEnd(int pos) {
        if (pos > 0 && text.charAt(pos - 1) == '\n') {
            return pos; // a block scalar may end right after its line break
        }
        int nl = text.indexOf('\n', pos);
        return nl < 0 ? text.length() : nl + 1;
    }

    int column(int pos) {
        return pos - lineStart(pos);
    }

    /** True when only spaces stand between the start of the line and {@code pos}. */
    boolean startsLine(int pos) {
        for (int i = lineStart(pos); i < pos; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The position of the ':' after a block mapping key, or -1 when something else stands there. */
    int colonAfter(Node key) {
        int i = contentEnd(key);
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':' ? i : -1;
    }

    /** The position of the '-' that introduces a block sequence item, or -1. */
    int dashBefore(Node item) {
        int i = start(item) - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '-' ? i : -1;
    }
}
