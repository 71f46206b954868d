package io.kisflow.config;

import java.util.List;
import java.util.Map;

/**
 * A flow ({@code kistype: flow}): an ordered chain of function names, each with optional params.
 * Values, never mutated: editing produces a new record. Keys a file carries that this model does
 * not know are kept in {@code extra} and written back.
 *
 * <pre>{@code new FlowConfig(1, "CalStuAvgScore", List.of(new FlowStep("AvgStuScore", Map.of())), Map.of())}</pre>
 */
public record FlowConfig(int status, String flowName, List<FlowStep> flows, Map<String, Object> extra) {
    public static final int ENABLED = 1;
    public static final int DISABLED = 0;

    public FlowConfig {
        flowName = Values.text(flowName);
        flows = Values.list(flows);
        extra = Values.map(extra);
    }

    public static FlowConfig of(String name, FlowStep... steps) {
        return new FlowConfig(ENABLED, name, List.of(steps), Map.of());
    }

    /** Go runs only flows whose status is 1; anything else is treated as disabled. */
    public boolean enabled() {
        return status == ENABLED;
    }

    public FlowConfig withStatus(int newStatus) {
        return new FlowConfig(newStatus, flowName, flows, extra);
    }

    public FlowConfig withFlowName(String newName) {
        return new FlowConfig(status, newName, flows, extra);
    }

    public FlowConfig withFlows(List<FlowStep> newFlows) {
        return new FlowConfig(status, flowName, newFlows, extra);
    }
}
