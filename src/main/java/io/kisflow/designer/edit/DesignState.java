package io.kisflow.designer.edit;

import io.kisflow.config.ConfigSet;
import io.kisflow.designer.project.ProjectLayout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the designer edits, as one value: the KisFlow configs and the canvas layout of the sidecar.
 * Every edit produces a new state; undo puts an earlier one back.
 *
 * <pre>{@code DesignState s = new DesignState(configs, ProjectLayout.EMPTY); List<String> lanes = s.lanes();}</pre>
 */
public record DesignState(ConfigSet configs, ProjectLayout layout) {
    public static final DesignState EMPTY = new DesignState(ConfigSet.EMPTY, ProjectLayout.EMPTY);

    public DesignState {
        Objects.requireNonNull(configs, "configs");
        Objects.requireNonNull(layout, "layout");
    }

    public DesignState withConfigs(ConfigSet newConfigs) {
        return new DesignState(newConfigs, layout);
    }

    public DesignState withLayout(ProjectLayout newLayout) {
        return new DesignState(configs, newLayout);
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
