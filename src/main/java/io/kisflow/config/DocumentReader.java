package io.kisflow.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one YAML document into the config object its {@code kistype} names, reporting every
 * problem of the document (not just the first) with its line. Cross-references between files are
 * checked later, by {@link ConfigValidator}.
 */
final class DocumentReader {
    private static final String KINDS = "flow, func, conn or global";

    private DocumentReader() {
    }

    /** Parses and reads one file's text; never throws for bad content. */
    static ParsedFile read(Path file, String text) {
        FileProblems problems = new FileProblems(file);
        try {
            Node root = YamlParser.parse(text, problems);
            if (root == null) {
                return ParsedFile.failed(file, problems.list());
            }
            return readRoot(file, text, root, problems);
        } catch (ReadContext.Refused e) {
            problems.error(e.line, e.getMessage());
            return ParsedFile.failed(file, problems.list());
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or a case SnakeYAML does not describe: still one clear line, never a stack trace
            problems.error(0, "could not read this file: " + e);
            return ParsedFile.failed(file, problems.list());
        }
    }

    /**
     * Text at most this long, with no alias, cannot pass the size limit once written, so writing it
     * out to check (a cold-start cost on every file, about a fifth of loading the samples) is
     * skipped. Without aliases each character of the source becomes at most a few bytes of output
     * plus, for a one-character value, one line indented at most {@link LoadLimits#MAX_NESTING_DEPTH}
     * levels: under 80 bytes a character, and the fields written with their defaults add a few
     * hundred bytes (DocumentReaderBoundTest writes the worst shapes and checks the margin).
     */
    static final int SURELY_FITS_CHARS = 8 * 1024;

    static boolean surelyFitsOnceWritten(String text) {
        return text.length() <= SURELY_FITS_CHARS && text.indexOf('*') < 0;
    }

    private static ParsedFile readRoot(Path file, String text, Node root, FileProblems problems) {
        if (root instanceof ScalarNode s && YamlParser.isPlain(s) && PlainScalars.kind(s.getValue()) == PlainScalars.Kind.NULL) {
            problems.error(1, "the file is empty; a config file starts with kistype: " + KINDS);
            return ParsedFile.failed(file, problems.list());
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.error(root, "the file has to be a mapping of keys (kistype: ..., and the keys of that kind), but it is "
                    + (root instanceof SequenceNode ? "a list" : "the single value " + MappingReader.describe(root)));
            return ParsedFile.failed(file, problems.list());
        }
        ReadContext ctx = new ReadContext(problems);
        MappingReader top = MappingReader.of(mapping, "", ctx);
        KisType type = kistype(top, problems);
        if (type == null) {
            return ParsedFile.failed(file, problems.list());
        }
        Object config;
        String name;
        switch (type) {
            case FLOW -> {
                FlowConfig f = flow(top, ctx);
                config = f;
                name = f.flowName();
            }
            case FUNC -> {
                FuncConfig f = func(top, ctx);
                config = f;
                name = f.fname();
            }
            case CONN -> {
                ConnConfig c = conn(top, ctx);
                config = c;
                name = c.cname();
            }
            default -> {
                config = global(top);
                name = "";
            }
        }
        if (!surelyFitsOnceWritten(text) && !ConfigExporter.fitsOneFile(config, null)) {
            problems.error(top.line(), tooBigOnceWritten());
            return ParsedFile.failed(file, problems.list());
        }
        return new ParsedFile(file, new ObjectRef(type, name), config, top.line(), ctx.lines, problems.list());
    }

    /**
     * Whatever loads must export (and save) to a file that loads again, so a file whose canonical form
     * passes the size limit is refused here, where the reason can still be told.
     */
    static String tooBigOnceWritten() {
        return "written out in Go's layout (as export and the designer write it: every field present, 4-space indentation, "
                + "aliases and merge keys expanded) this file would be over the limit of " + LoadLimits.MAX_FILE_BYTES
                + " bytes for one config file, so it could never be read back; it was not loaded. Make it smaller: "
                + "shorter or fewer values, less nesting, no aliases of big values";
    }

    private static KisType kistype(MappingReader top, FileProblems problems) {
        Node v = top.value(GoKeys.KISTYPE);
        if (v == null) {
            problems.error(top.line(), "the file has no kistype key; add kistype: " + KINDS + " to say what it describes");
            return null;
        }
        if (!(v instanceof ScalarNode s)) {
            problems.error(v, "kistype has to be one of " + KINDS + ", but it is " + MappingReader.describe(v));
            return null;
        }
        KisType type = KisType.of(s.getValue());
        boolean empty = s.getValue().isEmpty() || YamlParser.isPlain(s) && PlainScalars.kind(s.getValue()) == PlainScalars.Kind.NULL;
        KisType named = KistypeRepair.kindOfFileName(problems.file());
        if (empty && named != null) {
            problems.error(v, "kistype is empty, as Go's export writes it for configs built in code; the file name says this is a "
                    + named.yaml() + ". Repair: java -jar kisflow-studio.jar repair --conf DIR writes kistype: " + named.yaml()
                    + " into such files and changes nothing else (the designer offers the same when it opens the folder), "
                    + "or write it yourself");
            return null;
        }
        if (type == null) {
            KisType other = KisType.of(s.getValue().toLowerCase(Locale.ROOT).trim());
            problems.error(v, "kistype \"" + MappingReader.abbreviate(s.getValue()) + "\" is not a kind of KisFlow file; "
                    + (other != null ? "write it in lower case: kistype: " + other.yaml() : "use " + KINDS));
        }
        return type;
    }

    private static FlowConfig flow(MappingReader top, ReadContext ctx) {
        String name = top.text("flow_name");
        ctx.problems.subject(name); // a missing flow_name is an error of ConfigValidator, which the designer runs live too
        int status = top.integer("status", "a whole number (1 = enabled, 0 = disabled)");
        if (!top.has("status")) {
            ctx.problems.warning(top.line(), "flow \"" + name + "\" has no status, so it is disabled (Go reads a missing status as 0); add status: 1 to run it");
        }
        List<Node> items = top.sequence("flows", "a list of function steps (- fname: NAME)");
        List<FlowStep> steps = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = "flows[" + i + "]";
            ctx.line(path, FileProblems.line(item));
            if (item instanceof MappingNode m) {
                MappingReader r = MappingReader.of(m, path + ".", ctx);
                steps.add(new FlowStep(r.text("fname"), r.textMap("params"), r.extras(GoKeys.FLOW_STEP)));
            } else {
                ctx.problems.error(item, "step " + (i + 1) + " of flows has to be a mapping such as - fname: NAME, but it is "
                        + MappingReader.describe(item));
            }
        }
        return new FlowConfig(status, name, steps, top.extras(GoKeys.FLOW));
    }

    private static FuncConfig func(MappingReader top, ReadContext ctx) {
        String name = top.text("fname");
        ctx.problems.subject(name); // a missing fname: see ConfigValidator
        String fmode = top.text("fmode");
        Source source = Source.EMPTY;
        MappingReader s = top.mapping("source", "a mapping with name and must");
        if (s != null) {
            source = new Source(s.text("name"), s.textList("must", "a list of field names, for example [order_id, user_id]"),
                    s.extras(GoKeys.SOURCE));
        }
        FuncOption option = FuncOption.EMPTY;
        MappingReader o = top.mapping("option", "a mapping with cname, retry_times, return_duration and default_params");
        if (o != null) {
            option = new FuncOption(o.text("cname"), o.integer("retry_times", "a whole number (how often to retry)"),
                    o.integer("return_duration", "a whole number of milliseconds"), o.textMap("default_params"),
                    o.extras(GoKeys.OPTION));
        }
        return new FuncConfig(name, fmode, source, option, top.extras(GoKeys.FUNC));
    }

    private static ConnConfig conn(MappingReader top, ReadContext ctx) {
        String name = top.text("cname");
        ctx.problems.subject(name);
        if (name.isEmpty()) {
            ctx.problems.warning(top.lineOf("cname"), "the connector has no cname; functions name connectors, so add cname: NAME");
        }
        return new ConnConfig(name, top.text("addrs"), top.text("type"), top.text("key"), top.textMap("params"),
                top.textList("load", "a list of function names"), top.textList("save", "a list of function names"),
                top.extras(GoKeys.CONN));
    }

    private static GlobalConfig global(MappingReader top) {
        return new GlobalConfig(top.bool("prometheus_enable"), top.bool("prometheus_listen"), top.text("prometheus_serve"),
                top.extras(GoKeys.GLOBAL));
    }
}
