package io.kisflow.engine;

import io.kisflow.config.ConnConfig;
import io.kisflow.config.ConfigSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The connector instances of one engine generation, one per connector config, created up front and initialised lazily. */
final class Connectors {
    private final Map<String, ConnectorInstance> byName = new LinkedHashMap<>();

    Connectors(ConfigSet configs, CodeRegistry code) {
        for (ConnConfig c : configs.conns().values()) {
            byName.put(c.cname(), new ConnectorInstance(c, code));
        }
    }

    ConnectorInstance get(String name) {
        return byName.get(name);
    }

    List<String> close() {
        List<String> failures = new ArrayList<>();
        for (ConnectorInstance c : byName.values()) {
            failures.addAll(c.close());
        }
        return failures;
    }
}
