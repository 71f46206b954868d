package io.kisflow.config;

import java.util.List;

/** The YAML keys of each object, level by level, in the order Go's yaml.v3 writes them. */
final class GoKeys {
    static final String KISTYPE = "kistype";
    static final List<String> FLOW = List.of(KISTYPE, "status", "flow_name", "flows");
    static final List<String> FLOW_STEP = List.of("fname", "params");
    static final List<String> FUNC = List.of(KISTYPE, "fname", "fmode", "source", "option");
    static final List<String> SOURCE = List.of("name", "must");
    static final List<String> OPTION = List.of("cname", "retry_times", "return_duration", "default_params");
    static final List<String> CONN = List.of(KISTYPE, "cname", "addrs", "type", "key", "params", "load", "save");
    static final List<String> GLOBAL = List.of(KISTYPE, "prometheus_enable", "prometheus_listen", "prometheus_serve");

    private GoKeys() {
    }

    /** The top-level keys of a kind of file. */
    static List<String> of(KisType type) {
        return switch (type) {
            case FLOW -> FLOW;
            case FUNC -> FUNC;
            case CONN -> CONN;
            case GLOBAL -> GLOBAL;
        };
    }
}
