package io.kisflow.designer.edit;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Edits of function configs: add, delete (with every card that uses it), rename (every flow and
 * connector list follows), change fields, duplicate and paste.
 *
 * <pre>{@code stack.execute(FunctionEdits.rename("AvgStuScore", "AverageScore"));}</pre>
 */
public final class FunctionEdits {
    private FunctionEdits() {
    }

    public static Edit add(FuncConfig func) {
        return Edit.of("New function " + func.fname(), s -> {
            Names.requireUsable("function", func.fname(), s.configs().funcs(), null);
            requireModeFitsConnector(func);
            if (func.hasConnector() && s.configs().conn(func.option().cname()) == null) {
                throw new EditRefused("There is no connector named " + func.option().cname() + ".");
            }
            return s.withConfigs(Bindings.resync(s.configs().withFunc(func), func.option().cname()));
        }, Selection.function(func.fname()));
    }

    /** Adds a function config and its card at {@code index} of {@code flow}, as one undo step. */
    public static Edit addAndInsert(FuncConfig func, String flow, int index) {
        Edit insert = StepEdits.insert(flow, index, func.fname());
        return Edit.batch("Insert new function " + func.fname() + " into " + flow, List.of(add(func), insert));
    }

    /** Deletes the function config and every card that runs it, in every flow. */
    public static Edit remove(String fname) {
        return Edit.of("Delete function " + fname, s -> {
            FuncConfig f = require(s, fname);
            ConfigSet c = s.configs();
            for (FlowConfig flow : c.flows().values()) {
                List<FlowStep> kept = flow.flows().stream().filter(step -> !step.fname().equals(fname)).toList();
                if (kept.size() != flow.flows().size()) {
                    c = c.withFlow(flow.withFlows(kept));
                }
            }
            c = Bindings.resync(c.withoutFunc(fname), f.option().cname());
            return s.withConfigs(c);
        }, Selection.NONE);
    }

    /** Renames the function; the cards of every flow and the connector lists that name it follow. */
    public static Edit rename(String oldName, String newName) {
        return new Edit() {
            public String description() {
                return "Rename function " + oldName + " to " + newName;
            }

            public DesignState apply(DesignState s) {
                FuncConfig f = require(s, oldName);
                Names.requireUsable("function", newName, s.configs().funcs(), oldName);
                if (oldName.equals(newName)) {
                    return s;
                }
                ConfigSet c = s.configs();
                Map<String, FlowConfig> flows = new LinkedHashMap<>();
                c.flows().forEach((name, flow) -> flows.put(name, renameSteps(flow, oldName, newName)));
                Map<String, ConnConfig> conns = new LinkedHashMap<>();
                c.conns().forEach((name, conn) -> conns.put(name, renameInLists(conn, oldName, newName)));
                ConfigSet renamed = new ConfigSet(flows, Maps.rename(c.funcs(), oldName, newName, f.withFname(newName)), conns, c.global());
                return new DesignState(renamed, Layouts.renameFunction(s.layout(), oldName, newName), s.renamedFrom(), s.code())
                        .renamed(ObjectRef.func(oldName), ObjectRef.func(newName));
            }

            public Selection selectionAfter(DesignState after, Selection before) {
                return before instanceof Selection.OfFunction of && of.fname().equals(oldName) ? Selection.function(newName) : before;
            }
        };
    }

    /** Changes fields other than the name (use {@link #rename}) and the connector (use {@link ConnectorEdits#bind}). */
    public static Edit update(String fname, String description, UnaryOperator<FuncConfig> change) {
        return Edit.of(description, s -> {
            FuncConfig before = require(s, fname);
            FuncConfig after = change.apply(before);
            if (!after.fname().equals(fname)) {
                throw new IllegalArgumentException("use FunctionEdits.rename to rename a function");
            }
            if (!after.option().cname().equals(before.option().cname())) {
                throw new IllegalArgumentException("use ConnectorEdits.bind to change a function's connector");
            }
            requireModeFitsConnector(after);
            ConfigSet c = s.configs().withFunc(after);
            if (!after.fmode().equals(before.fmode())) {
                c = Bindings.resync(c, after.option().cname());
            }
            return s.withConfigs(c);
        }, null);
    }

    public static Edit setMode(String fname, String mode) {
        return update(fname, "Set mode of " + fname + " to " + mode, f -> f.withFmode(mode));
    }

    /** A copy of the function under a free name; with a flow, its card goes right after card {@code index}. */
    public static Edit duplicate(String fname, String flow, int index, DesignState current) {
        FuncConfig f = require(current, fname);
        String name = Names.unique(fname, current.configs().funcs().keySet());
        FuncConfig copy = f.withFname(name);
        if (flow == null) {
            return Edit.of("Duplicate function " + fname, add(copy)::apply, Selection.function(name));
        }
        Map<String, String> params = current.configs().flow(flow).flows().get(index).params();
        return Edit.batch("Duplicate " + fname + " in " + flow,
                List.of(add(copy), StepEdits.insert(flow, index + 1, new FlowStep(name, params))));
    }

    /**
     * Pastes a copied function as a new config with a free name; with a flow, its card is inserted at
     * {@code index} with the copied params. A copied connector binding is kept when that connector exists.
     */
    public static Edit paste(FuncConfig copied, Map<String, String> params, String flow, int index, DesignState current) {
        String name = Names.unique(copied.fname(), current.configs().funcs().keySet());
        boolean keepConnector = current.configs().conn(copied.option().cname()) != null;
        FuncConfig copy = keepConnector ? copied.withFname(name) : copied.withFname(name).withOption(copied.option().withCname(""));
        if (flow == null) {
            return Edit.of("Paste function " + name, add(copy)::apply, Selection.function(name));
        }
        return Edit.batch("Paste " + name + " into " + flow, List.of(add(copy), StepEdits.insert(flow, index, new FlowStep(name, params))));
    }

    static FuncConfig require(DesignState s, String fname) {
        FuncConfig f = s.configs().func(fname);
        if (f == null) {
            throw new EditRefused("There is no function named " + fname + ".");
        }
        return f;
    }

    static void requireModeFitsConnector(FuncConfig f) {
        if (f.hasConnector() && !f.isStorageMode()) {
            throw new EditRefused("Only Save and Load functions call a connector: unbind " + f.option().cname()
                    + " from " + f.fname() + " before making it " + f.fmode() + ".");
        }
    }

    private static FlowConfig renameSteps(FlowConfig flow, String oldName, String newName) {
        boolean uses = flow.flows().stream().anyMatch(step -> step.fname().equals(oldName));
        if (!uses) {
            return flow;
        }
        List<FlowStep> steps = new ArrayList<>();
        for (FlowStep step : flow.flows()) {
            steps.add(step.fname().equals(oldName) ? step.withFname(newName) : step);
        }
        return flow.withFlows(steps);
    }

    private static ConnConfig renameInLists(ConnConfig conn, String oldName, String newName) {
        if (!conn.load().contains(oldName) && !conn.save().contains(oldName)) {
            return conn;
        }
        UnaryOperator<String> r = n -> n.equals(oldName) ? newName : n;
        return conn.withBindings(conn.load().stream().map(r).toList(), conn.save().stream().map(r).toList());
    }
}
