package io.kisflow.designer.edit;

/**
 * What the user has selected: nothing, a flow (its lane), one card (a step of a flow), a function
 * or connector config, or the global config. Selecting is never an edit: it is not undone.
 *
 * <pre>{@code Selection s = Selection.step("StuScore", 1);}</pre>
 */
public sealed interface Selection {
    Selection NONE = new Nothing();
    Selection GLOBAL = new Global();

    static Selection flow(String name) {
        return new OfFlow(name);
    }

    static Selection step(String flow, int index) {
        return new OfStep(flow, index);
    }

    static Selection function(String fname) {
        return new OfFunction(fname);
    }

    static Selection connector(String cname) {
        return new OfConnector(cname);
    }

    /** Whether the selected object still exists in this state (after an undo it may not). */
    boolean existsIn(DesignState state);

    record Nothing() implements Selection {
        public boolean existsIn(DesignState state) {
            return true;
        }
    }

    record Global() implements Selection {
        public boolean existsIn(DesignState state) {
            return true;
        }
    }

    record OfFlow(String flow) implements Selection {
        public boolean existsIn(DesignState state) {
            return state.configs().flows().containsKey(flow);
        }
    }

    /** A card: step {@code index} of {@code flow}; the function it runs is the step's fname. */
    record OfStep(String flow, int index) implements Selection {
        public boolean existsIn(DesignState state) {
            var f = state.configs().flow(flow);
            return f != null && index >= 0 && index < f.flows().size();
        }

        /** The function name on this card, or null when the card no longer exists. */
        public String fname(DesignState state) {
            return existsIn(state) ? state.configs().flow(flow).flows().get(index).fname() : null;
        }
    }

    record OfFunction(String fname) implements Selection {
        public boolean existsIn(DesignState state) {
            return state.configs().funcs().containsKey(fname);
        }
    }

    record OfConnector(String cname) implements Selection {
        public boolean existsIn(DesignState state) {
            return state.configs().conns().containsKey(cname);
        }
    }
}
