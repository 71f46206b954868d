package io.kisflow.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads KisFlow YAML: a folder (recursively, every {@code *.yml} / {@code *.yaml}) or one file.
 * Accepts what Go's loader accepts, keeps disabled flows and unknown keys, and reports every problem
 * of every file at once with its file and line, never throwing for bad content or unreadable files.
 * Files are read and parsed in parallel; the result does not depend on thread timing.
 *
 * <pre>{@code LoadResult r = ConfigLoader.load(Path.of("conf")); if (r.hasErrors()) r.errors().forEach(System.err::println);}</pre>
 */
public final class ConfigLoader {
    /** Below this many files, parsing on one thread is faster than splitting the work. */
    private static final int PARALLEL_THRESHOLD = 32;

    private static final Comparator<Problem> BY_PLACE = Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file().toString())
            .thenComparingInt(Problem::line);

    private ConfigLoader() {
    }

    /** Loads a project folder or a single file. */
    public static LoadResult load(Path dirOrFile) {
        ConfigFiles.Found found = ConfigFiles.find(dirOrFile);
        List<Path> files = found.files();
        List<ParsedFile> parsed = files.size() < PARALLEL_THRESHOLD
                ? files.stream().map(ConfigLoader::parseFile).toList()
                : files.parallelStream().map(ConfigLoader::parseFile).toList();
        return assemble(parsed, found.problems(), true);
    }

    /**
     * Reads one YAML document given as text, as if it were the file {@code pretendFile} (may be null).
     * Reports the document's own problems (syntax, types, modes); references to other objects are
     * not checked, since they live elsewhere: validate the combined set with {@link ConfigValidator}.
     */
    public static LoadResult loadString(String yaml, Path pretendFile) {
        FileProblems problems = new FileProblems(pretendFile);
        String text = yaml == null ? "" : yaml;
        ParsedFile parsed = text.isBlank() ? empty(problems) : DocumentReader.read(pretendFile, text);
        return assemble(List.of(parsed), List.of(), false);
    }

    private static ParsedFile parseFile(Path file) {
        FileProblems problems = new FileProblems(file);
        String text = FileText.read(file, problems);
        if (text == null) {
            return ParsedFile.failed(file, problems.list());
        }
        return text.isBlank() ? empty(problems) : DocumentReader.read(file, text);
    }

    private static ParsedFile empty(FileProblems problems) {
        problems.error(1, "the file is empty; a config file starts with kistype: flow, func, conn or global");
        return ParsedFile.failed(problems.file(), problems.list());
    }

    private static LoadResult assemble(List<ParsedFile> parsed, List<Problem> walkProblems, boolean crossReferences) {
        Map<String, FlowConfig> flows = new LinkedHashMap<>();
        Map<String, FuncConfig> funcs = new LinkedHashMap<>();
        Map<String, ConnConfig> conns = new LinkedHashMap<>();
        GlobalConfig global = null;
        Map<ObjectRef, Origin> origins = new LinkedHashMap<>();
        Map<ObjectRef, Map<String, Integer>> lines = new HashMap<>();
        List<Problem> problems = new ArrayList<>(walkProblems);

        for (ParsedFile p : parsed) {
            problems.addAll(p.problems());
            if (p.config() == null) {
                continue;
            }
            ObjectRef ref = p.ref();
            Origin here = new Origin(p.file(), p.line());
            Origin earlier = origins.get(ref);
            if (earlier != null && ref.type() != KisType.GLOBAL) {
                int line = p.lines().getOrDefault(nameKey(ref.type()), p.line());
                problems.add(Problem.error(p.file(), line, ref.name(), ref + " is defined twice: here and in " + place(earlier)
                        + "; " + ref.kindWord() + " names must be unique, so rename or delete one"));
                continue;
            }
            if (earlier != null) {
                problems.add(Problem.warning(p.file(), p.line(), null, "a second global config (the first is in " + place(earlier)
                        + "); this one, read later, is used"));
            }
            origins.put(ref, here);
            lines.put(ref, p.lines());
            switch (ref.type()) {
                case FLOW -> flows.put(ref.name(), (FlowConfig) p.config());
                case FUNC -> funcs.put(ref.name(), (FuncConfig) p.config());
                case CONN -> conns.put(ref.name(), (ConnConfig) p.config());
                case GLOBAL -> global = (GlobalConfig) p.config();
            }
        }
        ConfigSet set = new ConfigSet(flows, funcs, conns, global);
        if (crossReferences) {
            conns = withExportableConnectors(set, origins, problems);
            set = new ConfigSet(flows, funcs, conns, global);
        }
        problems.addAll(ConfigValidator.validate(set, Locator.of(origins, lines), crossReferences));
        problems.sort(BY_PLACE);
        return new LoadResult(set, problems, origins);
    }

    /**
     * A connector's exported file lists every function that binds it: with tens of thousands of them
     * that file passes the size limit although each file read was small. Such a connector is refused
     * (with the count), so that everything that loads also exports to files that load.
     */
    private static Map<String, ConnConfig> withExportableConnectors(ConfigSet set, Map<ObjectRef, Origin> origins, List<Problem> problems) {
        Map<String, ConnConfig> kept = new LinkedHashMap<>(set.conns());
        for (ConnConfig c : set.conns().values()) {
            if (!ConfigExporter.fitsOneFile(c, set)) {
                ObjectRef ref = ObjectRef.conn(c.cname());
                Origin at = origins.remove(ref);
                int bound = set.boundFunctions(c.cname(), "Load").size() + set.boundFunctions(c.cname(), "Save").size();
                problems.add(Problem.error(at.file(), at.line(), c.cname(), ref + " is bound by " + bound
                        + " Save and Load functions; its exported file lists them all and would be over the limit of "
                        + LoadLimits.MAX_FILE_BYTES + " bytes for one config file, so it was not loaded; split the functions over"
                        + " several connectors"));
                kept.remove(c.cname());
            }
        }
        return kept;
    }

    private static String nameKey(KisType type) {
        return switch (type) {
            case FLOW -> "flow_name";
            case FUNC -> "fname";
            case CONN -> "cname";
            case GLOBAL -> GoKeys.KISTYPE;
        };
    }

    private static String place(Origin o) {
        return (o.file() == null ? "<memory>" : o.file().toString()) + ":" + o.line();
    }
}
