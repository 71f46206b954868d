package io.kisflow.config;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns YAML text into a SnakeYAML node tree, and SnakeYAML's failures into problems with a line.
 * Only composes nodes: no constructor ever runs, so no tag can build a Java object (global tags are
 * refused outright by the tag inspector as a second fence). Scalars are not typed here: the resolver
 * marks unquoted scalars {@link #PLAIN} and {@link PlainScalars} types them the way Go's yaml.v3 does,
 * which also spares SnakeYAML's per-scalar regular expressions.
 */
final class YamlParser {
    /** Tag of an unquoted scalar without an explicit tag; its type is decided by {@link PlainScalars}. */
    static final Tag PLAIN = new Tag("tag:kisflow.io,2024:plain");

    private static final LoaderOptions OPTIONS = options();
    private static final Resolver RESOLVER = new PlainResolver();

    private YamlParser() {
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true); // the readers report duplicates themselves, with both lines
        o.setMaxAliasesForCollections(LoadLimits.MAX_COLLECTION_ALIASES);
        o.setNestingDepthLimit(LoadLimits.MAX_NESTING_DEPTH);
        o.setCodePointLimit(LoadLimits.MAX_FILE_BYTES + 16);
        o.setAllowRecursiveKeys(false);
        o.setProcessComments(false);
        o.setTagInspector(tag -> false);
        o.setWrappedToRootException(false);
        return o;
    }

    /**
     * The first document of the text, or null when there is none (problems say why). A second
     * document is only warned about: Go's loader reads the first one and ignores the rest.
     */
    static Node parse(String text, FileProblems problems) {
        Composer composer = new Composer(new ParserImpl(new StreamReader(text), OPTIONS), RESOLVER, OPTIONS);
        Node root;
        try {
            root = composer.checkNode() ? composer.getNode() : null;
        } catch (MarkedYAMLException e) {
            problems.error(lineOf(e), syntaxMessage(e));
            return null;
        } catch (ReaderException e) {
            problems.error(lineAt(text, e.getPosition()), String.format(
                    "the file contains the control character U+%04X, which YAML does not allow; remove it", e.getCodePoint()));
            return null;
        } catch (YAMLException e) {
            reportUnmarked(text, e, problems);
            return null;
        } catch (RuntimeException e) {
            problems.error(0, "could not read this file as YAML: " + e.getMessage());
            return null;
        }
        if (root == null) {
            problems.error(1, "the file has no content (only comments or blank lines); a config file starts with kistype: flow, func, conn or global");
            return null;
        }
        try {
            if (composer.checkNode()) {
                Node second = composer.getNode();
                problems.warning(second, "the file holds a second YAML document (after ---); KisFlow reads only the first one, the rest is ignored");
            }
        } catch (RuntimeException e) {
            problems.warning(lineOf(e), "the file holds a second YAML document (after ---), which KisFlow ignores (and which is not valid YAML either)");
        }
        return root;
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
        if (problem.startsWith("Global tag is not allowed: ")) {
            String tag = problem.substring("Global tag is not allowed: ".length());
            return "the type tag " + shortTag(tag) + " is not allowed: KisFlow files hold plain values only (text, numbers, lists, maps)";
        }
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
            return "YAML syntax error: a tab character is used for indentation; YAML needs spaces (column "
                    + column(e) + ")";
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

    /** SnakeYAML's alias and depth limits throw without a position: find it with a cheap event pass. */
    private static void reportUnmarked(String text, YAMLException e, FileProblems problems) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.startsWith("Number of aliases")) {
            problems.error(lineOfAliasOverflow(text), "too many aliases: the file refers to anchored lists or maps more than "
                    + LoadLimits.MAX_COLLECTION_ALIASES + " times, which is refused as a possible alias bomb");
        } else if (msg.startsWith("Nesting Depth")) {
            problems.error(lineOfDepthOverflow(text), "lists and maps are nested more than "
                    + LoadLimits.MAX_NESTING_DEPTH + " levels deep, which is refused (KisFlow files need four)");
        } else {
            problems.error(0, "could not read this file as YAML: " + msg);
        }
    }

    private static int lineOfAliasOverflow(String text) {
        Map<String, Boolean> anchorIsCollection = new HashMap<>();
        int aliases = 0;
        try {
            Parser parser = new ParserImpl(new StreamReader(text), OPTIONS);
            while (parser.peekEvent() != null) {
                Event ev = parser.getEvent();
                if (ev instanceof AliasEvent alias) {
                    if (Boolean.TRUE.equals(anchorIsCollection.get(alias.getAnchor()))
                            && ++aliases > LoadLimits.MAX_COLLECTION_ALIASES) {
                        return ev.getStartMark().getLine() + 1;
                    }
                } else if (ev instanceof NodeEvent node && node.getAnchor() != null) {
                    anchorIsCollection.put(node.getAnchor(), ev instanceof CollectionStartEvent);
                }
                if (ev.is(Event.ID.StreamEnd)) {
                    break;
                }
            }
        } catch (RuntimeException ignored) {
            // the position is a courtesy; the problem is reported either way
        }
        return 0;
    }

    private static int lineOfDepthOverflow(String text) {
        int depth = 0;
        try {
            Parser parser = new ParserImpl(new StreamReader(text), OPTIONS);
            while (parser.peekEvent() != null) {
                Event ev = parser.getEvent();
                if (ev instanceof CollectionStartEvent && ++depth > LoadLimits.MAX_NESTING_DEPTH) {
                    return ev.getStartMark().getLine() + 1;
                } else if (ev instanceof CollectionEndEvent) {
                    depth--;
                }
                if (ev.is(Event.ID.StreamEnd)) {
                    break;
                }
            }
        } catch (RuntimeException ignored) {
            // as above
        }
        return 0;
    }

    /** True when the scalar was written without quotes and without a tag. */
    static boolean isPlain(ScalarNode node) {
        return node.getTag() == PLAIN;
    }

    /** Types nothing: unquoted scalars get {@link #PLAIN}, quoted ones str, collections seq/map. */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // deliberately none: see the class comment
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return switch (kind) {
                case scalar -> implicit ? PLAIN : Tag.STR;
                case sequence -> Tag.SEQ;
                default -> Tag.MAP;
            };
        }
    }
}
