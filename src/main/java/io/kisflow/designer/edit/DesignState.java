package io.kisflow.designer.edit;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ObjectRef;
import io.kisflow.designer.project.ProjectLayout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the designer edits, as one value: the KisFlow configs and the canvas layout of the sidecar.
 * Every edit produces a new state; undo puts an earlier one back.
 *
 * <pre>{@code DesignState s = new DesignState(configs, ProjectLayout.EMPTY); List<String> lanes = s.lanes();}</pre>
 */
public record DesignState(ConfigSet configs, ProjectLayout layout, Map<ObjectRef, ObjectRef> renamedFrom) {
    public static final DesignState EMPTY = new DesignState(ConfigSet.EMPTY, ProjectLayout.EMPTY);

    /**
     * @param renamedFrom for each object renamed since the project was opened, its current ref to
     *                    its ref when opened; lets Save keep a renamed object in its own file
     */
    public DesignState {
        Objects.requireNonNull(configs, "configs");
        Objects.requireNonNull(layout, "layout");
        renamedFrom = renamedFrom == null || renamedFrom.isEmpty() ? Map.of() : Map.copyOf(renamedFrom);
    }

    /** A state as opened: nothing renamed yet. */
    public DesignState(ConfigSet configs, ProjectLayout layout) {
        this(configs, layout, Map.of());
    }

    public DesignState withConfigs(ConfigSet newConfigs) {
        return new DesignState(newConfigs, layout, renamedFrom);
    }

    public DesignState withLayout(ProjectLayout newLayout) {
        return new DesignState(configs, newLayout, renamedFrom);
    }

    /** The same state remembering that {@code from} is now called {@code to}. */
    DesignState renamed(ObjectRef from, ObjectRef to) {
        Map<ObjectRef, ObjectRef> m = new HashMap<>(renamedFrom);
        ObjectRef original = m.getOrDefault(from, from);
        m.remove(from);
        if (!original.equals(to)) {
            m.put(to, original);
        }
        return new DesignState(configs, layout, m);
    }

    /** The ref an object had when the project was opened. */
    private ObjectRef originalOf(ObjectRef current) {
        return renamedFrom.getOrDefault(current, current);
    }

    /**
     * The renames between {@code saved} and this state, saved ref to current ref: what Save passes
     * to the project files so that a renamed object keeps its file.
     */
    public Map<ObjectRef, ObjectRef> renamesSince(DesignState saved) {
        Map<ObjectRef, ObjectRef> savedByOriginal = new HashMap<>();
        saved.renamedFrom.forEach((current, original) -> savedByOriginal.put(original, current));
        Map<ObjectRef, ObjectRef> out = new HashMap<>();
        for (ObjectRef current : renamedFrom.keySet()) {
            ObjectRef original = originalOf(current);
            ObjectRef savedRef = savedByOriginal.getOrDefault(original, saved.renamedFrom.containsKey(original) ? null : original);
            if (savedRef != null && !savedRef.equals(current)) {
                out.put(savedRef, current);
            }
        }
        for (Map.Entry<ObjectRef, ObjectRef> e : saved.renamedFrom.entrySet()) {
            // renamed before the last save and renamed back to the opened name since
            ObjectRef original = e.getValue();
            if (!renamedFrom.containsKey(original) && !renamedFrom.containsValue(original) && !out.containsKey(e.getKey())) {
                out.put(e.getKey(), original);
            }
        }
        return out;
    }

    /**
     * Flow names top to bottom: those the layout orders first (when they still exist), then the
     * others in load order. Disabled flows are lanes too: they are greyed, never hidden.
     */
    public List<String> lanes() {
        Set<String> order = new LinkedHashSet<>();
        for (String name : layout.laneOrder()) {
            if (configs.flows().containsKey(name)) {
                order.add(name);
            }
        }
        order.addAll(configs.flows().keySet());
        return new ArrayList<>(order);
    }

    /** The same state with this lane order written into the layout. */
    public DesignState withLanes(List<String> order) {
        return withLayout(Layouts.withLaneOrder(layout, order));
    }

    /** The state without view settings (zoom, pan), which change the sidecar but are not edits. */
    public DesignState withoutView() {
        return withLayout(Layouts.withView(layout, 1.0, 0, 0));
    }
}
