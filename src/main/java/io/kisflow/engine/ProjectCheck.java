package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConfigValidator;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.LoadResult;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import io.kisflow.config.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with a project: the one source of the findings that {@code validate} prints and
 * the designer's Problems panel lists, so both always agree. Three parts: what reading the files
 * reported (broken files, unknown keys: these stay until the files change), the validator's verdict
 * on the configs as they are now (the files', or the designer's edited ones), and what no loaded
 * plugin implements (functions of flows, connectors bound by Save/Load functions), judged by the
 * code the caller loaded for the project.
 *
 * <pre>{@code
 * ProjectCheck check = new ProjectCheck(ConfigLoader.load(dir));
 * List<Problem> all = check.findings(check.loaded().configs(), ProjectCheck.Code.of(engine));
 * }</pre>
 */
public final class ProjectCheck {
    private static final Comparator<Problem> BY_PLACE = Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file().toString())
            .thenComparingInt(Problem::line);

    /**
     * The names plugins registered code for (see {@link Engine#implementedFunctions()}), and how the
     * reader adds code where they are: the same finding, advice in the words of where it is read
     * ({@code --plugin} on the command line, the Plugins tab in the designer). {@code sourceProblems}
     * are the compiler's findings on the project's {@code functions/*.java} (each listed once, at
     * its file, line and column); {@code uncompiled} maps each function whose code is in a source
     * file that does not compile to that file, so that the function itself carries an error (its
     * card is marked) instead of a "no code" warning.
     */
    public record Code(Set<String> functions, Set<String> connectors, String howToAdd,
                       List<Problem> sourceProblems, Map<String, String> uncompiled) {
        /** The command line's advice. */
        public static final String ON_THE_COMMAND_LINE = "add one with --plugin, or write it in functions/NAME.java";

        public Code {
            functions = Set.copyOf(functions);
            connectors = Set.copyOf(connectors);
            howToAdd = howToAdd == null || howToAdd.isBlank() ? ON_THE_COMMAND_LINE : howToAdd;
            sourceProblems = sourceProblems == null ? List.of() : List.copyOf(sourceProblems);
            uncompiled = uncompiled == null ? Map.of() : Map.copyOf(uncompiled);
        }

        public Code(Set<String> functions, Set<String> connectors, String howToAdd) {
            this(functions, connectors, howToAdd, List.of(), Map.of());
        }

        public Code(Set<String> functions, Set<String> connectors) {
            this(functions, connectors, ON_THE_COMMAND_LINE);
        }

        /** The same code judged with the findings of the project's function sources. */
        public Code withSources(List<Problem> problems, Map<String, String> uncompiledFunctions) {
            return new Code(functions, connectors, howToAdd, problems, uncompiledFunctions);
        }

        public static Code of(Engine engine) {
            return new Code(engine.implementedFunctions(), engine.implementedConnectors());
        }
    }

    private final LoadResult loaded;
    private final List<Problem> fileProblems;
    /** The loader's copy of each validator finding: it knows the line of the key, not only of the object. */
    private final Map<String, Problem> placedByLoader;

    public ProjectCheck(LoadResult loaded) {
        this.loaded = loaded;
        Set<String> validatorSays = new HashSet<>();
        for (Problem p : ConfigValidator.validate(loaded.configs(), loaded.origins())) {
            validatorSays.add(key(p));
        }
        List<Problem> files = new ArrayList<>();
        Map<String, Problem> placed = new HashMap<>();
        for (Problem p : loaded.problems()) {
            if (validatorSays.contains(key(p))) {
                placed.putIfAbsent(key(p), p);
            } else {
                files.add(p);
            }
        }
        this.fileProblems = List.copyOf(files);
        this.placedByLoader = placed;
    }

    public LoadResult loaded() {
        return loaded;
    }

    /** What reading the files reported that no check of the configs finds again (each problem shows once). */
    public List<Problem> fileProblems() {
        return fileProblems;
    }

    /**
     * The validator's findings on {@code current} plus, when {@code code} is known (not null), the
     * functions and connectors without code.
     */
    public List<Problem> configProblems(ConfigSet current, Code code) {
        return configProblems(current, loaded.origins(), code);
    }

    /** As above, with where each object of {@code current} lives (an object renamed since loading keeps its file). */
    public List<Problem> configProblems(ConfigSet current, Map<ObjectRef, Origin> origins, Code code) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : ConfigValidator.validate(current, origins)) {
            out.add(placedByLoader.getOrDefault(key(p), p));
        }
        if (code != null) {
            out.addAll(code.sourceProblems());
            out.addAll(withoutCode(current, origins, code));
        }
        return out;
    }

    /** Everything, sorted by file and line: what {@code validate} prints. */
    public List<Problem> findings(ConfigSet current, Code code) {
        List<Problem> out = new ArrayList<>(fileProblems);
        out.addAll(configProblems(current, code));
        out.sort(BY_PLACE);
        return out;
    }

    /** One warning per function used by a flow, or connector bound by a storage function, with no code, at its file. */
    public static List<Problem> withoutCode(ConfigSet set, Map<ObjectRef, Origin> origins, Code code) {
        Map<String, List<String>> usersByFunction = new LinkedHashMap<>();
        for (FlowConfig flow : set.flows().values()) {
            for (FlowStep step : flow.flows()) {
                List<String> users = usersByFunction.computeIfAbsent(step.fname(), k -> new ArrayList<>());
                if (!users.contains(flow.flowName())) {
                    users.add(flow.flowName());
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : usersByFunction.entrySet()) {
            FuncConfig func = set.func(e.getKey());
            if (func == null) {
                continue; // the validator's error already
            }
            Origin at = origins.get(ObjectRef.func(func.fname()));
            String source = code.uncompiled().get(func.fname());
            if (source != null) {
                Origin where = at;
                problems.add(Problem.error(where == null ? null : where.file(), where == null ? 0 : where.line(), func.fname(),
                        "function " + func.fname() + " has code in " + source + ", which does not compile: fix the errors listed at "
                                + source));
            } else if (!code.functions().contains(func.fname())) {
                problems.add(warning(at, func.fname(), "function " + func.fname() + " (used by flow "
                        + String.join(", ", e.getValue()) + ") has no code: no plugin registers it; " + code.howToAdd()));
            }
            String cname = func.option().cname();
            if (func.isStorageMode() && func.hasConnector() && set.conn(cname) != null
                    && !code.connectors().contains(cname)) {
                problems.add(warning(at, func.fname(), "connector " + cname + " (bound by " + func.fname()
                        + ") has no code: " + noBuiltInType(set.conn(cname)) + "no plugin registers it; set its type to a built-in one ("
                        + String.join(", ", ConnectorTypes.names()) + ") or " + code.howToAdd()));
            }
        }
        return problems;
    }

    /** Why the connector's type brings no code, or nothing when the type is built in (the caller's code set said otherwise). */
    private static String noBuiltInType(io.kisflow.config.ConnConfig conn) {
        if (ConnectorTypes.of(conn) != null) {
            return "";
        }
        return conn.type().isEmpty() ? "it has no type, " : "its type '" + conn.type() + "' has no built-in client, ";
    }

    private static Problem warning(Origin at, String subject, String message) {
        return Problem.warning(at == null ? null : at.file(), at == null ? 0 : at.line(), subject, message);
    }

    private static String key(Problem p) {
        return p.severity() + "|" + p.subject() + "|" + p.message();
    }
}
