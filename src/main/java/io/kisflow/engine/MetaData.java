package io.kisflow.engine;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metadata a flow and each of its functions carry (Go's GetMetaData/SetMetaData): any value
 * under a string key, safe to use from several threads; setting null removes the key, as a
 * ConcurrentHashMap cannot hold null.
 *
 * <pre>{@code meta.set("jumped", Boolean.TRUE); Object v = meta.get("jumped");}</pre>
 */
final class MetaData {
    private final ConcurrentHashMap<String, Object> values = new ConcurrentHashMap<>();

    Object get(String key) {
        return values.get(key);
    }

    void set(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }
}
