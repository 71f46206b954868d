package io.kisflow.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What loading a project produced: the configs that could be read (also when other files had
 * errors), every problem found (errors and warnings, sorted by file and line), and where each object
 * was read from. Callers decide what to do with errors; run nothing while {@link #hasErrors()}.
 *
 * <pre>{@code LoadResult r = ConfigLoader.load(dir); r.problems().forEach(System.err::println);}</pre>
 */
public record LoadResult(ConfigSet configs, List<Problem> problems, Map<ObjectRef, Origin> origins) {
    public LoadResult {
        configs = configs == null ? ConfigSet.EMPTY : configs;
        problems = Values.list(problems);
        origins = origins == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    public boolean hasErrors() {
        for (Problem p : problems) {
            if (p.isError()) {
                return true;
            }
        }
        return false;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** Where an object was read from, or null for objects not read from a file. */
    public Origin origin(ObjectRef ref) {
        return origins.get(ref);
    }
}
