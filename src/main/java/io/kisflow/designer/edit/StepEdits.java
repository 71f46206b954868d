package io.kisflow.designer.edit;

import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Edits of the cards of a lane: insert a function at a position, move a card within its lane or
 * into another, remove it, and change the params this flow gives it.
 *
 * <pre>{@code stack.execute(StepEdits.move("StuScore", 2, "StuScore", 0));}</pre>
 */
public final class StepEdits {
    private StepEdits() {
    }

    /** Inserts a card for function {@code fname} at {@code index} (0 = first, size = last). */
    public static Edit insert(String flow, int index, String fname) {
        return insert(flow, index, FlowStep.of(fname));
    }

    public static Edit insert(String flow, int index, FlowStep step) {
        return new Edit() {
            int finalIndex;

            public String description() {
                return "Insert " + step.fname() + " into " + flow;
            }

            public DesignState apply(DesignState s) {
                FlowConfig f = requireFlow(s, flow);
                if (s.configs().func(step.fname()) == null) {
                    throw new EditRefused("There is no function config named " + step.fname() + ": create it first.");
                }
                List<FlowStep> steps = new ArrayList<>(f.flows());
                finalIndex = clamp(index, steps.size());
                steps.add(finalIndex, step);
                return s.withConfigs(s.configs().withFlow(f.withFlows(steps)));
            }

            public Selection selectionAfter(DesignState after, Selection before) {
                return Selection.step(flow, finalIndex);
            }
        };
    }

    /**
     * Moves card {@code fromIndex} of {@code fromFlow} to the gap {@code toIndex} of {@code toFlow},
     * where the gap is counted as the lane looks before the move (0 = before the first card).
     */
    public static Edit move(String fromFlow, int fromIndex, String toFlow, int toIndex) {
        return new Edit() {
            int finalIndex;

            public String description() {
                return fromFlow.equals(toFlow) ? "Move card within " + fromFlow : "Move card from " + fromFlow + " to " + toFlow;
            }

            public DesignState apply(DesignState s) {
                FlowConfig from = requireFlow(s, fromFlow);
                FlowConfig to = requireFlow(s, toFlow);
                if (fromIndex < 0 || fromIndex >= from.flows().size()) {
                    throw new EditRefused("Flow " + fromFlow + " has no card " + (fromIndex + 1) + ".");
                }
                List<FlowStep> source = new ArrayList<>(from.flows());
                FlowStep moved = source.remove(fromIndex);
                if (fromFlow.equals(toFlow)) {
                    int gap = clamp(toIndex, from.flows().size());
                    finalIndex = gap > fromIndex ? gap - 1 : gap;
                    source.add(finalIndex, moved);
                    return s.withConfigs(s.configs().withFlow(from.withFlows(source)));
                }
                List<FlowStep> target = new ArrayList<>(to.flows());
                finalIndex = clamp(toIndex, target.size());
                target.add(finalIndex, moved);
                return s.withConfigs(s.configs().withFlow(from.withFlows(source)).withFlow(to.withFlows(target)));
            }

            public Selection selectionAfter(DesignState after, Selection before) {
                return Selection.step(toFlow, finalIndex);
            }
        };
    }

    /** Removes card {@code index} of {@code flow}; the function config stays in the palette. */
    public static Edit remove(String flow, int index) {
        return new Edit() {
            String fname = "card";

            public String description() {
                return "Remove " + fname + " from " + flow;
            }

            public DesignState apply(DesignState s) {
                FlowConfig f = requireFlow(s, flow);
                if (index < 0 || index >= f.flows().size()) {
                    throw new EditRefused("Flow " + flow + " has no card " + (index + 1) + ".");
                }
                List<FlowStep> steps = new ArrayList<>(f.flows());
                fname = steps.remove(index).fname();
                return s.withConfigs(s.configs().withFlow(f.withFlows(steps)));
            }

            public Selection selectionAfter(DesignState after, Selection before) {
                int left = after.configs().flow(flow).flows().size();
                if (left == 0) {
                    return Selection.flow(flow);
                }
                return Selection.step(flow, Math.min(index, left - 1));
            }
        };
    }

    /** Sets the params this flow gives the function of card {@code index} (they override its default_params). */
    public static Edit setParams(String flow, int index, Map<String, String> params) {
        return Edit.of("Change params of card " + (index + 1) + " in " + flow, s -> {
            FlowConfig f = requireFlow(s, flow);
            if (index < 0 || index >= f.flows().size()) {
                throw new EditRefused("Flow " + flow + " has no card " + (index + 1) + ".");
            }
            List<FlowStep> steps = new ArrayList<>(f.flows());
            steps.set(index, steps.get(index).withParams(params));
            return s.withConfigs(s.configs().withFlow(f.withFlows(steps)));
        }, null);
    }

    static FlowConfig requireFlow(DesignState s, String flow) {
        FlowConfig f = s.configs().flow(flow);
        if (f == null) {
            throw new EditRefused("There is no flow named " + flow + ".");
        }
        return f;
    }

    private static int clamp(int index, int size) {
        return Math.max(0, Math.min(index, size));
    }
}
