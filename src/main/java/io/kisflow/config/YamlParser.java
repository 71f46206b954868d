package io.kisflow.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns YAML text into a tree of SnakeYAML nodes, and SnakeYAML's failures into problems with a line.
 * SnakeYAML's parser produces the events; this class builds the nodes itself instead of using its
 * Composer, for three reasons: no constructor or resolver ever runs, so no tag can build a Java
 * object (global type tags are refused outright); the alias and nesting limits are enforced here with
 * the position of the offending alias or list; and it is faster (this runs for every file).
 *
 * <p>Scalars are not typed here: an unquoted scalar without a tag gets {@link #PLAIN}, and
 * {@link PlainScalars} later types it the way Go's yaml.v3 does. An anchor becomes usable once its
 * node is complete, so a list or map can never contain itself.
 */
final class YamlParser {
    /** Tag of an unquoted scalar without an explicit tag; its type is decided by {@link PlainScalars}. */
    static final Tag PLAIN = new Tag("tag:kisflow.io,2024:plain");

    private static final LoaderOptions OPTIONS = options();
    private static final Set<Tag> STANDARD = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP,
            Tag.MERGE, Tag.TIMESTAMP, Tag.BINARY);

    private final Parser parser;
    private final Map<String, Node> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private int collectionAliases;

    private YamlParser(String text) {
        this.parser = new ParserImpl(new WholeTextReader(text), OPTIONS);
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(LoadLimits.MAX_FILE_BYTES + 16);
        o.setProcessComments(false);
        return o;
    }

    /**
     * The first document of the text, or null when there is none (problems say why). A second
     * document is only warned about: Go's loader reads the first one and ignores the rest.
     */
    static Node parse(String text, FileProblems problems) {
        YamlParser p = new YamlParser(text);
        Node root;
        try {
            root = p.firstDocument();
        } catch (ReadContext.Refused e) {
            problems.error(e.line, e.getMessage());
            return null;
        } catch (MarkedYAMLException e) {
            problems.error(lineOf(e), syntaxMessage(e));
            return null;
        } catch (ReaderException e) {
            problems.error(lineAt(text, e.getPosition()), String.format(
                    "the file contains the control character U+%04X, which YAML does not allow; remove it", e.getCodePoint()));
            return null;
        } catch (YAMLException e) {
            problems.error(0, "could not read this file as YAML: " + e.getMessage());
            return null;
        }
        if (root == null) {
            problems.error(1, "the file has no content (only comments or blank lines); a config file starts with kistype: flow, func, conn or global");
            return null;
        }
        try {
            Event next = p.parser.peekEvent();
            if (next instanceof DocumentStartEvent) {
                problems.warning(next.getStartMark().getLine() + 1,
                        "the file holds a second YAML document (after ---); KisFlow reads only the first one, the rest is ignored");
            }
        } catch (RuntimeException e) {
            problems.warning(lineOf(e), "the file holds a second YAML document (after ---), which KisFlow ignores (and which is not valid YAML either)");
        }
        return root;
    }

    private Node firstDocument() {
        parser.getEvent(); // stream start
        if (parser.peekEvent() instanceof StreamEndEvent) {
            return null;
        }
        parser.getEvent(); // document start
        Node root = node(0);
        parser.getEvent(); // document end
        return root;
    }

    private Node node(int depth) {
        Event ev = parser.getEvent();
        if (ev instanceof AliasEvent alias) {
            return resolve(alias);
        }
        NodeEvent start = (NodeEvent) ev;
        String anchor = start.getAnchor();
        if (anchor != null) {
            openAnchors.add(anchor);
        }
        Node node;
        if (ev instanceof ScalarEvent s) {
            node = new ScalarNode(scalarTag(s), s.getValue(), s.getStartMark(), s.getEndMark(), s.getScalarStyle());
        } else {
            CollectionStartEvent c = (CollectionStartEvent) ev;
            if (depth >= LoadLimits.MAX_NESTING_DEPTH) {
                throw new ReadContext.Refused(line(ev), "lists and maps are nested more than " + LoadLimits.MAX_NESTING_DEPTH
                        + " levels deep, which is refused (KisFlow files need four)");
            }
            node = c instanceof MappingStartEvent ? mapping(c, depth) : sequence(c, depth);
        }
        if (anchor != null) {
            openAnchors.remove(anchor);
            anchors.put(anchor, node);
        }
        return node;
    }

    private Node resolve(AliasEvent alias) {
        String name = alias.getAnchor();
        Node target = anchors.get(name);
        if (target == null) {
            throw new ReadContext.Refused(line(alias), openAnchors.contains(name)
                    ? "the alias *" + name + " is used inside the list or map it names; a value cannot contain itself"
                    : "the alias *" + name + " names no anchor; define &" + name + " before using it");
        }
        if (!(target instanceof ScalarNode) && ++collectionAliases > LoadLimits.MAX_COLLECTION_ALIASES) {
            throw new ReadContext.Refused(line(alias), "too many aliases: the file refers to anchored lists or maps more than "
                    + LoadLimits.MAX_COLLECTION_ALIASES + " times, which is refused as a possible alias bomb");
        }
        return target;
    }

    private MappingNode mapping(CollectionStartEvent start, int depth) {
        Tag tag = collectionTag(start, Tag.MAP); // before the children: the outermost bad tag is the one to report
        List<NodeTuple> entries = new ArrayList<>();
        while (!(parser.peekEvent() instanceof MappingEndEvent)) {
            Node key = node(depth + 1);
            entries.add(new NodeTuple(key, node(depth + 1)));
        }
        Mark end = parser.getEvent().getEndMark();
        return new MappingNode(tag, true, entries, start.getStartMark(), end, start.getFlowStyle());
    }

    private SequenceNode sequence(CollectionStartEvent start, int depth) {
        Tag tag = collectionTag(start, Tag.SEQ);
        List<Node> items = new ArrayList<>();
        while (!(parser.peekEvent() instanceof SequenceEndEvent)) {
            items.add(node(depth + 1));
        }
        Mark end = parser.getEvent().getEndMark();
        return new SequenceNode(tag, true, items, start.getStartMark(), end, start.getFlowStyle());
    }

    /** PLAIN, str for quoted or "!"-tagged text, or the explicit tag (local tags are reported by the readers). */
    private static Tag scalarTag(ScalarEvent s) {
        String tag = s.getTag();
        if (tag == null) {
            return s.getImplicit().canOmitTagInPlainScalar() ? PLAIN : Tag.STR;
        }
        if (tag.equals("!")) {
            return Tag.STR;
        }
        return checked(new Tag(tag), s);
    }

    private static Tag collectionTag(CollectionStartEvent c, Tag implicit) {
        String tag = c.getTag();
        if (tag == null || tag.equals("!")) {
            return implicit;
        }
        Tag t = checked(new Tag(tag), c);
        if (!t.equals(implicit)) {
            throw new ReadContext.Refused(line(c), "the tag " + shortTag(tag) + " is not read here; KisFlow files hold plain lists and maps");
        }
        return t;
    }

    /** Global type tags (!!java..., tag:yaml.org,2002:python/...) are what deserialisation attacks use: refuse them. */
    private static Tag checked(Tag t, Event at) {
        if (!STANDARD.contains(t) && !t.getValue().startsWith("!")) {
            throw new ReadContext.Refused(line(at), "the type tag " + shortTag(t.getValue())
                    + " is not allowed: KisFlow files hold plain values only (text, numbers, lists, maps)");
        }
        return t;
    }

    private static int line(Event e) {
        return e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
    }

    /** 1-based line of a character index of the text. */
    static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0, end = Math.min(index, text.length()); i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOf(RuntimeException e) {
        if (e instanceof MarkedYAMLException m) {
            Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            return mark == null ? 0 : mark.getLine() + 1;
        }
        return 0;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = plainWords(e.getProblem() == null ? "" : e.getProblem());
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
            return "YAML syntax error: a tab character is used for indentation; YAML needs spaces (column " + column(e) + ")";
        }
        StringBuilder sb = new StringBuilder("YAML syntax error: ").append(problem.isEmpty() ? "invalid YAML" : problem);
        Mark problemMark = e.getProblemMark();
        if (problemMark != null) {
            sb.append(" (column ").append(problemMark.getColumn() + 1).append(')');
        }
        if (e.getContext() != null) {
            sb.append(", ").append(e.getContext());
            Mark ctx = e.getContextMark();
            if (ctx != null && (problemMark == null || ctx.getLine() != problemMark.getLine())) {
                sb.append(" that starts on line ").append(ctx.getLine() + 1);
            }
        }
        return sb.toString();
    }

    /** SnakeYAML speaks of streams and block ends; users see files and indentation. */
    private static String plainWords(String problem) {
        if (problem.startsWith("expected <block end>")) {
            return "this line does not fit the indentation of the lines before it (check its indentation)";
        }
        return problem.replace("'<stream end>'", "the end of the file").replace("end of stream", "end of the file");
    }

    private static int column(MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return m == null ? 0 : m.getColumn() + 1;
    }

    private static String shortTag(String tag) {
        return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }

    /** True when the scalar was written without quotes and without a tag. */
    static boolean isPlain(ScalarNode node) {
        return node.getTag() == PLAIN;
    }
}
