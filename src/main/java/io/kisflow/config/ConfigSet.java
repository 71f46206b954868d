package io.kisflow.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole KisFlow project as values: flows, functions and connectors by name (in load order), and
 * the global config if the project has one. Loading produces one; editing replaces it.
 *
 * <pre>{@code ConfigSet set = ConfigSet.EMPTY.withFunc(FuncConfig.of("f", "Calculate")).withFlow(FlowConfig.of("x", FlowStep.of("f")));}</pre>
 */
public record ConfigSet(Map<String, FlowConfig> flows, Map<String, FuncConfig> funcs,
                        Map<String, ConnConfig> conns, GlobalConfig global) {
    public static final ConfigSet EMPTY = new ConfigSet(Map.of(), Map.of(), Map.of(), null);

    public ConfigSet {
        flows = Values.map(flows);
        funcs = Values.map(funcs);
        conns = Values.map(conns);
    }

    public FlowConfig flow(String name) {
        return flows.get(name);
    }

    public FuncConfig func(String name) {
        return funcs.get(name);
    }

    public ConnConfig conn(String name) {
        return conns.get(name);
    }

    public boolean hasGlobal() {
        return global != null;
    }

    /** The global config, or Go's default (everything off) when the project has none. */
    public GlobalConfig globalOrDefault() {
        return global == null ? GlobalConfig.DEFAULT : global;
    }

    /**
     * The functions that bind connector {@code cname} with the given mode ("Save" or "Load"), sorted
     * and without repeats: what export writes as the connector's {@code save}/{@code load} list.
     */
    public List<String> boundFunctions(String cname, String fmode) {
        List<String> names = new ArrayList<>();
        for (FuncConfig f : funcs.values()) {
            if (f.option().cname().equals(cname) && f.fmode().equals(fmode)) {
                names.add(f.fname());
            }
        }
        Collections.sort(names);
        return List.copyOf(names);
    }

    /** Replaces (or adds, at the end) the flow with this name. */
    public ConfigSet withFlow(FlowConfig flow) {
        return new ConfigSet(put(flows, flow.flowName(), flow), funcs, conns, global);
    }

    public ConfigSet withFunc(FuncConfig func) {
        return new ConfigSet(flows, put(funcs, func.fname(), func), conns, global);
    }

    public ConfigSet withConn(ConnConfig conn) {
        return new ConfigSet(flows, funcs, put(conns, conn.cname(), conn), global);
    }

    public ConfigSet withGlobal(GlobalConfig newGlobal) {
        return new ConfigSet(flows, funcs, conns, newGlobal);
    }

    public ConfigSet withoutFlow(String name) {
        return new ConfigSet(remove(flows, name), funcs, conns, global);
    }

    public ConfigSet withoutFunc(String name) {
        return new ConfigSet(flows, remove(funcs, name), conns, global);
    }

    public ConfigSet withoutConn(String name) {
        return new ConfigSet(flows, funcs, remove(conns, name), global);
    }

    private static <V> Map<String, V> put(Map<String, V> m, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(m);
        copy.put(key, value);
        return copy;
    }

    private static <V> Map<String, V> remove(Map<String, V> m, String key) {
        Map<String, V> copy = new LinkedHashMap<>(m);
        copy.remove(key);
        return copy;
    }
}
