package io.kisflow.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The code plugins registered with one engine (its {@link Pool}). Filled once, single-threaded,
 * while the engine is built or its plugins reloaded; read-only afterwards, published through a
 * volatile field. The JSON mapper for typed rows lives here too, so that a reload drops its caches
 * of the old plugin classes.
 */
final class CodeRegistry implements Pool {
    /** Go's json.Unmarshal ignores fields the row type does not have; so does the engine. */
    final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, FunctionCode> functions = new HashMap<>();
    private final Map<String, ConnInit> inits = new HashMap<>();
    private final Map<String, Map<Mode, Map<String, CaaS>>> calls = new HashMap<>();

    @Override
    public void faas(String funcName, FaaS f) {
        Objects.requireNonNull(f, "FaaS for " + funcName);
        functions.put(name(funcName, "function"), FunctionCode.plain(f));
    }

    @Override
    public <T> void faas(String funcName, Class<T> rowType, TypedFaaS<T> f) {
        Objects.requireNonNull(rowType, "row type for " + funcName);
        Objects.requireNonNull(f, "TypedFaaS for " + funcName);
        RowConverter<T> converter = new RowConverter<>(rowType, json);
        functions.put(name(funcName, "function"), (flow, input) -> f.call(flow, converter.convertNoting(flow, input)));
    }

    @Override
    public void caasInit(String connName, ConnInit i) {
        Objects.requireNonNull(i, "ConnInit for " + connName);
        inits.put(name(connName, "connector"), i);
    }

    @Override
    public void caas(String connName, String funcName, Mode mode, CaaS c) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(c, "CaaS for " + connName + "/" + funcName);
        calls.computeIfAbsent(name(connName, "connector"), k -> new EnumMap<>(Mode.class))
                .computeIfAbsent(mode, k -> new HashMap<>())
                .put(name(funcName, "function"), c);
    }

    FunctionCode function(String funcName) {
        return functions.get(funcName);
    }

    ConnInit connInit(String connName) {
        return inits.get(connName);
    }

    CaaS connCall(String connName, Mode mode, String funcName) {
        Map<Mode, Map<String, CaaS>> byMode = calls.get(connName);
        Map<String, CaaS> byName = byMode == null ? null : byMode.get(mode);
        return byName == null ? null : byName.get(funcName);
    }

    Set<String> functionNames() {
        return new TreeSet<>(functions.keySet());
    }

    Set<String> connectorNames() {
        Set<String> names = new TreeSet<>(inits.keySet());
        names.addAll(calls.keySet());
        return names;
    }

    private static String name(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a plugin registered code for a " + what + " without a name");
        }
        return name;
    }
}
