package io.kisflow.designer.edit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered-map copies for renames: the renamed entry keeps its place (load order stays stable). */
final class Maps {
    private Maps() {
    }

    static <V> Map<String, V> rename(Map<String, V> m, String oldKey, String newKey, V newValue) {
        Map<String, V> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.equals(oldKey)) {
                copy.put(newKey, newValue);
            } else {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /** A copy with {@code key -> value} placed right after {@code after} (at the end when after is null or absent). */
    static <V> Map<String, V> insertAfter(Map<String, V> m, String after, String key, V value) {
        if (after == null || !m.containsKey(after)) {
            Map<String, V> copy = new LinkedHashMap<>(m);
            copy.put(key, value);
            return copy;
        }
        Map<String, V> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            copy.put(k, v);
            if (k.equals(after)) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
