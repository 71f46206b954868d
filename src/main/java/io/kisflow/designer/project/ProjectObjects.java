package io.kisflow.designer.project;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.GlobalConfig;
import io.kisflow.config.KisType;
import io.kisflow.config.ObjectRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The objects of a {@link ConfigSet} addressed by {@link ObjectRef}, whatever their kind: listing,
 * lookup, renaming and rendering in the exporter's canonical form. Keeps the save logic free of
 * four-way switches.
 */
final class ProjectObjects {
    private ProjectObjects() {
    }

    /** Every object of the set in load order: flows, functions, connectors, then the global config. */
    static Map<ObjectRef, Object> all(ConfigSet set) {
        Map<ObjectRef, Object> all = new LinkedHashMap<>();
        set.flows().forEach((n, f) -> all.put(ObjectRef.flow(n), f));
        set.funcs().forEach((n, f) -> all.put(ObjectRef.func(n), f));
        set.conns().forEach((n, c) -> all.put(ObjectRef.conn(n), c));
        if (set.global() != null) {
            all.put(ObjectRef.GLOBAL, set.global());
        }
        return all;
    }

    static Object get(ConfigSet set, ObjectRef ref) {
        return switch (ref.type()) {
            case FLOW -> set.flow(ref.name());
            case FUNC -> set.func(ref.name());
            case CONN -> set.conn(ref.name());
            case GLOBAL -> set.global();
        };
    }

    static ObjectRef refOf(Object config) {
        if (config instanceof FlowConfig f) {
            return ObjectRef.flow(f.flowName());
        }
        if (config instanceof FuncConfig f) {
            return ObjectRef.func(f.fname());
        }
        if (config instanceof ConnConfig c) {
            return ObjectRef.conn(c.cname());
        }
        return ObjectRef.GLOBAL;
    }

    /** The object under another name (the global config has none). */
    static Object renamed(Object config, String name) {
        if (config instanceof FlowConfig f) {
            return f.withFlowName(name);
        }
        if (config instanceof FuncConfig f) {
            return f.withFname(name);
        }
        if (config instanceof ConnConfig c) {
            return c.withCname(name);
        }
        return config;
    }

    /** The exporter's text for the object; a connector's load/save lists come from {@code owner}'s bindings. */
    static String render(Object config, ConfigSet owner) {
        return render(config, owner, io.kisflow.config.YamlStyle.GO);
    }

    /** As above, in the given layout (the project's own, for a new file). */
    static String render(Object config, ConfigSet owner, io.kisflow.config.YamlStyle style) {
        if (config instanceof FlowConfig f) {
            return ConfigExporter.renderFlow(f, style);
        }
        if (config instanceof FuncConfig f) {
            return ConfigExporter.renderFunc(f, style);
        }
        if (config instanceof ConnConfig c) {
            return ConfigExporter.renderConn(c, owner, style);
        }
        return ConfigExporter.renderGlobal((GlobalConfig) config, style);
    }

    /**
     * True when the object's file would have to change: the record differs, or (for a connector)
     * the functions that bind it differ, since the file lists them.
     */
    static boolean changed(ObjectRef ref, Object before, ConfigSet beforeSet, Object after, ConfigSet afterSet) {
        if (!before.equals(after)) {
            return true;
        }
        if (ref.type() != KisType.CONN) {
            return false;
        }
        String name = ((ConnConfig) after).cname();
        String oldName = ((ConnConfig) before).cname();
        return !beforeSet.boundFunctions(oldName, "Load").equals(afterSet.boundFunctions(name, "Load"))
                || !beforeSet.boundFunctions(oldName, "Save").equals(afterSet.boundFunctions(name, "Save"));
    }
}
