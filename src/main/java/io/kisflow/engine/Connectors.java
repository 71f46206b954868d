package io.kisflow.engine;

import io.kisflow.config.ConnConfig;
import io.kisflow.config.ConfigSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connector instances of one engine generation, one per connector config, created up front and
 * initialised lazily; with Go semantics also one per function instance ({@link #perFunction}), as
 * a Go server makes them, closed with the others.
 */
final class Connectors {
    private final Map<String, ConnectorInstance> byName = new LinkedHashMap<>();
    private final CodeRegistry code;
    private final List<ConnectorInstance> perFunction = new ArrayList<>();

    Connectors(ConfigSet configs, CodeRegistry code) {
        this.code = code;
        for (ConnConfig c : configs.conns().values()) {
            byName.put(c.cname(), new ConnectorInstance(c, code));
        }
    }

    ConnectorInstance get(String name) {
        return byName.get(name);
    }

    /** Go semantics: a new connector instance of its own for one function instance, with the config as Go holds it. */
    synchronized ConnectorInstance perFunction(ConnConfig goConfig) {
        ConnectorInstance c = new ConnectorInstance(goConfig, code);
        perFunction.add(c);
        return c;
    }

    synchronized List<String> close() {
        List<String> failures = new ArrayList<>();
        for (ConnectorInstance c : byName.values()) {
            failures.addAll(c.close());
        }
        for (ConnectorInstance c : perFunction) {
            failures.addAll(c.close());
        }
        perFunction.clear();
        return failures;
    }
}
