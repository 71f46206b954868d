package io.kisflow.engine;

import io.kisflow.config.ConnConfig;

import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The built-in connector types on the class path, found once per process with ServiceLoader (the
 * providers are small classes; their client libraries load only when a connector is opened).
 */
final class ConnectorTypes {
    private static volatile Map<String, ConnectorType> byName;

    private ConnectorTypes() {
    }

    /** The type of this connector, or null when no built-in type handles it. */
    static ConnectorType of(ConnConfig config) {
        return config == null ? null : all().get(config.type().strip().toLowerCase(Locale.ROOT));
    }

    /** The type names handled, sorted. */
    static Set<String> names() {
        return new TreeSet<>(all().keySet());
    }

    private static Map<String, ConnectorType> all() {
        Map<String, ConnectorType> m = byName;
        if (m == null) {
            synchronized (ConnectorTypes.class) {
                m = byName;
                if (m == null) {
                    m = new TreeMap<>();
                    for (ConnectorType t : ServiceLoader.load(ConnectorType.class, ConnectorTypes.class.getClassLoader())) {
                        for (String n : t.names()) {
                            m.putIfAbsent(n.toLowerCase(Locale.ROOT), t);
                        }
                    }
                    m = Map.copyOf(m);
                    byName = m;
                }
            }
        }
        return m;
    }
}
