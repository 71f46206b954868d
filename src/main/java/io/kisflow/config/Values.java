package io.kisflow.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Normalisation shared by the config records: Go's zero values instead of null, immutable copies in order. */
final class Values {
    private Values() {
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** Keeps insertion order (the file's order), unlike Map.copyOf. */
    static <V> Map<String, V> map(Map<String, V> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
