package io.kisflow.config;

import java.util.List;
import java.util.Map;

/** A function's {@code source}: a description of where its rows come from and their required fields. */
public record Source(String name, List<String> must, Map<String, Object> extra) {
    public static final Source EMPTY = new Source("", List.of(), Map.of());

    public Source {
        name = Values.text(name);
        must = Values.list(must);
        extra = Values.map(extra);
    }

    public Source(String name, List<String> must) {
        this(name, must, Map.of());
    }

    public Source withName(String v) {
        return new Source(v, must, extra);
    }

    public Source withMust(List<String> v) {
        return new Source(name, v, extra);
    }
}
