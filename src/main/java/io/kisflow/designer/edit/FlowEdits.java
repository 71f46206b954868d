package io.kisflow.designer.edit;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.FlowConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits of whole flows (lanes): add, delete, rename, enable/disable, move a lane, duplicate and
 * paste. A flow's name appears only in its own file and in the sidecar, which follows renames.
 *
 * <pre>{@code stack.execute(FlowEdits.add("Orders", 0));}</pre>
 */
public final class FlowEdits {
    private FlowEdits() {
    }

    /** A new, enabled, empty flow whose lane is placed at {@code laneIndex}. */
    public static Edit add(String name, int laneIndex) {
        return insert(FlowConfig.of(name), laneIndex, "New flow " + name);
    }

    /** Pastes a copy of {@code flow} under a free name, its lane placed at {@code laneIndex}. */
    public static Edit paste(FlowConfig flow, int laneIndex, DesignState current) {
        String name = Names.unique(flow.flowName(), current.configs().flows().keySet());
        return insert(flow.withFlowName(name), laneIndex, "Paste flow " + name);
    }

    /** A copy of the flow (same cards, same params) right below it. */
    public static Edit duplicate(String flowName, DesignState current) {
        FlowConfig f = StepEdits.requireFlow(current, flowName);
        String name = Names.unique(flowName, current.configs().flows().keySet());
        int lane = current.lanes().indexOf(flowName) + 1;
        return insert(f.withFlowName(name), lane, "Duplicate flow " + flowName);
    }

    private static Edit insert(FlowConfig flow, int laneIndex, String description) {
        return Edit.of(description, s -> {
            Names.requireUsable("flow", flow.flowName(), s.configs().flows(), null);
            for (var step : flow.flows()) {
                if (s.configs().func(step.fname()) == null) {
                    throw new EditRefused("Flow " + flow.flowName() + " uses function " + step.fname() + ", which has no config in this project.");
                }
            }
            List<String> lanes = s.lanes();
            lanes.add(Math.max(0, Math.min(laneIndex, lanes.size())), flow.flowName());
            return s.withConfigs(s.configs().withFlow(flow)).withLanes(lanes);
        }, Selection.flow(flow.flowName()));
    }

    /** Deletes the flow; the function configs it used stay. */
    public static Edit remove(String name) {
        return Edit.of("Delete flow " + name, s -> {
            StepEdits.requireFlow(s, name);
            List<String> lanes = s.lanes();
            lanes.remove(name);
            return s.withConfigs(s.configs().withoutFlow(name)).withLanes(lanes);
        }, Selection.NONE);
    }

    /** Renames the flow; its lane, its sidecar entries and a selection inside it follow. */
    public static Edit rename(String oldName, String newName) {
        return new Edit() {
            public String description() {
                return "Rename flow " + oldName + " to " + newName;
            }

            public DesignState apply(DesignState s) {
                FlowConfig f = StepEdits.requireFlow(s, oldName);
                Names.requireUsable("flow", newName, s.configs().flows(), oldName);
                if (oldName.equals(newName)) {
                    return s;
                }
                ConfigSet c = s.configs();
                ConfigSet renamed = new ConfigSet(Maps.rename(c.flows(), oldName, newName, f.withFlowName(newName)),
                        c.funcs(), c.conns(), c.global());
                return new DesignState(renamed, Layouts.renameFlow(s.layout(), oldName, newName), s.renamedFrom(), s.code())
                        .renamed(ObjectRef.flow(oldName), ObjectRef.flow(newName));
            }

            public Selection selectionAfter(DesignState after, Selection before) {
                if (before instanceof Selection.OfStep st && st.flow().equals(oldName)) {
                    return Selection.step(newName, st.index());
                }
                return Selection.flow(newName);
            }
        };
    }

    /** Sets {@code status}: 1 runs the flow, 0 disables it (it stays on the canvas, greyed). */
    public static Edit setStatus(String name, int status) {
        return Edit.of((status == FlowConfig.ENABLED ? "Enable flow " : "Disable flow ") + name, s -> {
            FlowConfig f = StepEdits.requireFlow(s, name);
            return s.withConfigs(s.configs().withFlow(f.withStatus(status)));
        }, null);
    }

    /** Moves the lane of {@code name} to position {@code laneIndex} (top = 0). */
    public static Edit moveLane(String name, int laneIndex) {
        return Edit.of("Move lane " + name, s -> {
            StepEdits.requireFlow(s, name);
            List<String> lanes = new ArrayList<>(s.lanes());
            lanes.remove(name);
            lanes.add(Math.max(0, Math.min(laneIndex, lanes.size())), name);
            return lanes.equals(s.lanes()) ? s : s.withLanes(lanes);
        }, Selection.flow(name));
    }
}
