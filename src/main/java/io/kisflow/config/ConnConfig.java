package io.kisflow.config;

import java.util.List;
import java.util.Map;

/**
 * A connector ({@code kistype: conn}): a named handle on a storage engine. {@code load} and
 * {@code save} are kept as read (Go's own exports repeat names); export derives them from the
 * functions that actually bind this connector ({@link ConfigSet#boundFunctions}).
 */
public record ConnConfig(String cname, String addrs, String type, String key, Map<String, String> params,
                         List<String> load, List<String> save, Map<String, Object> extra) {
    /**
     * The storage types Go names (redis, mysql, kafka, tidb, es) and those KisFlow Studio's built-in
     * connectors add (Go keeps any type string); other values are kept but warned about.
     */
    public static final List<String> TYPES = List.of("redis", "mysql", "kafka", "tidb", "es",
            "postgres", "mariadb", "sqlite", "h2", "http", "file");

    public ConnConfig {
        cname = Values.text(cname);
        addrs = Values.text(addrs);
        type = Values.text(type);
        key = Values.text(key);
        params = Values.map(params);
        load = Values.list(load);
        save = Values.list(save);
        extra = Values.map(extra);
    }

    public static ConnConfig of(String cname, String type, String addrs, String key) {
        return new ConnConfig(cname, addrs, type, key, Map.of(), List.of(), List.of(), Map.of());
    }

    public ConnConfig withCname(String v) {
        return new ConnConfig(v, addrs, type, key, params, load, save, extra);
    }

    public ConnConfig withAddrs(String v) {
        return new ConnConfig(cname, v, type, key, params, load, save, extra);
    }

    public ConnConfig withType(String v) {
        return new ConnConfig(cname, addrs, v, key, params, load, save, extra);
    }

    public ConnConfig withKey(String v) {
        return new ConnConfig(cname, addrs, type, v, params, load, save, extra);
    }

    public ConnConfig withParams(Map<String, String> v) {
        return new ConnConfig(cname, addrs, type, key, v, load, save, extra);
    }

    public ConnConfig withBindings(List<String> newLoad, List<String> newSave) {
        return new ConnConfig(cname, addrs, type, key, params, newLoad, newSave, extra);
    }
}
