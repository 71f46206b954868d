package io.kisflow.designer.edit;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.project.Point;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Edits of connectors and of which function binds which connector. Binding is refused for
 * functions that are not Save or Load, with the reason: KisFlow routes connector calls only from
 * those two modes.
 *
 * <pre>{@code stack.execute(ConnectorEdits.bind("SaveAvgScore", "ScoreStore"));}</pre>
 */
public final class ConnectorEdits {
    private ConnectorEdits() {
    }

    public static Edit add(ConnConfig conn) {
        return Edit.of("New connector " + conn.cname(), s -> {
            Names.requireUsable("connector", conn.cname(), s.configs().conns(), null);
            return s.withConfigs(s.configs().withConn(conn.withBindings(java.util.List.of(), java.util.List.of())));
        }, Selection.connector(conn.cname()));
    }

    /** Deletes the connector; the functions that bound it keep their cards but lose the binding. */
    public static Edit remove(String cname) {
        return Edit.of("Delete connector " + cname, s -> {
            require(s, cname);
            ConfigSet c = s.configs();
            for (FuncConfig f : c.funcs().values()) {
                if (f.option().cname().equals(cname)) {
                    c = c.withFunc(f.withOption(f.option().withCname("")));
                }
            }
            return new DesignState(c.withoutConn(cname), Layouts.withConnectorPosition(s.layout(), cname, null), s.renamedFrom(), s.code());
        }, Selection.NONE);
    }

    /** Renames the connector; every function bound to it follows. */
    public static Edit rename(String oldName, String newName) {
        return new Edit() {
            public String description() {
                return "Rename connector " + oldName + " to " + newName;
            }

            public DesignState apply(DesignState s) {
                ConnConfig conn = require(s, oldName);
                Names.requireUsable("connector", newName, s.configs().conns(), oldName);
                if (oldName.equals(newName)) {
                    return s;
                }
                ConfigSet c = s.configs();
                Map<String, FuncConfig> funcs = new LinkedHashMap<>();
                c.funcs().forEach((name, f) -> funcs.put(name,
                        f.option().cname().equals(oldName) ? f.withOption(f.option().withCname(newName)) : f));
                ConfigSet renamed = new ConfigSet(c.flows(), funcs, Maps.rename(c.conns(), oldName, newName, conn.withCname(newName)), c.global());
                return new DesignState(renamed, Layouts.renameConnector(s.layout(), oldName, newName), s.renamedFrom(), s.code())
                        .renamed(ObjectRef.conn(oldName), ObjectRef.conn(newName));
            }

            public Selection selectionAfter(DesignState after, Selection before) {
                return before instanceof Selection.OfConnector of && of.cname().equals(oldName) ? Selection.connector(newName) : before;
            }
        };
    }

    /** Changes type, addresses, key or params (use {@link #rename} for the name). */
    public static Edit update(String cname, String description, UnaryOperator<ConnConfig> change) {
        return Edit.of(description, s -> {
            ConnConfig after = change.apply(require(s, cname));
            if (!after.cname().equals(cname)) {
                throw new IllegalArgumentException("use ConnectorEdits.rename to rename a connector");
            }
            return s.withConfigs(s.configs().withConn(after));
        }, null);
    }

    /**
     * Binds connector {@code cname} to function {@code fname} (replacing any other binding). Refused,
     * with the reason, unless the function is a Save or Load function.
     */
    public static Edit bind(String fname, String cname) {
        return Edit.of("Bind " + cname + " to " + fname, s -> {
            FuncConfig f = FunctionEdits.require(s, fname);
            require(s, cname);
            String refusal = bindRefusal(f, cname);
            if (refusal != null) {
                throw new EditRefused(refusal);
            }
            String previous = f.option().cname();
            ConfigSet c = s.configs().withFunc(f.withOption(f.option().withCname(cname)));
            return s.withConfigs(Bindings.resync(c, previous, cname));
        }, null);
    }

    /** Why {@code f} cannot bind a connector, or null when it can (a view shows this while dragging). */
    public static String bindRefusal(FuncConfig f, String cname) {
        if (f.isStorageMode()) {
            return null;
        }
        return "Cannot bind " + cname + " to " + f.fname() + ": only Save and Load functions call a connector, and "
                + f.fname() + " is a " + (f.fmode().isEmpty() ? "function without a mode" : f.fmode() + " function") + ".";
    }

    /** Removes the function's connector binding. */
    public static Edit unbind(String fname) {
        return Edit.of("Unbind connector from " + fname, s -> {
            FuncConfig f = FunctionEdits.require(s, fname);
            String previous = f.option().cname();
            ConfigSet c = s.configs().withFunc(f.withOption(f.option().withCname("")));
            return s.withConfigs(Bindings.resync(c, previous));
        }, null);
    }

    /** Moves a connector badge on the canvas (a layout edit: only the sidecar changes). */
    public static Edit moveBadge(String cname, Point p) {
        return Edit.of("Move connector " + cname, s -> {
            require(s, cname);
            return s.withLayout(Layouts.withConnectorPosition(s.layout(), cname, p));
        }, null);
    }

    static ConnConfig require(DesignState s, String cname) {
        ConnConfig c = s.configs().conn(cname);
        if (c == null) {
            throw new EditRefused("There is no connector named " + cname + ".");
        }
        return c;
    }
}
