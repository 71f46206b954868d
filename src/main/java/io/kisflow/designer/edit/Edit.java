package io.kisflow.designer.edit;

/**
 * One change the user makes to the project, described for the Undo menu. Applying it to a state
 * returns the new state, or throws {@link EditRefused} with the reason; it never mutates anything,
 * so undo is simply putting the earlier state back (see {@link CommandStack}).
 *
 * <pre>{@code stack.execute(StepEdits.insert("StuScore", 1, "AvgStuScore"));}</pre>
 */
public interface Edit {
    String description();

    DesignState apply(DesignState state);

    /** What to select after the edit; by default the selection stays. */
    default Selection selectionAfter(DesignState after, Selection before) {
        return before;
    }

    /** An edit from a description, a state change and the selection to show afterwards (null keeps it). */
    static Edit of(String description, java.util.function.UnaryOperator<DesignState> change, Selection select) {
        return new Edit() {
            public String description() {
                return description;
            }

            public DesignState apply(DesignState state) {
                return change.apply(state);
            }

            public Selection selectionAfter(DesignState after, Selection before) {
                return select == null ? before : select;
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** Several edits applied in order as one undo step; refused as a whole if any part is refused. */
    static Edit batch(String description, java.util.List<Edit> parts) {
        return new Edit() {
            public String description() {
                return description;
            }

            public DesignState apply(DesignState state) {
                DesignState s = state;
                for (Edit e : parts) {
                    s = e.apply(s);
                }
                return s;
            }

            public Selection selectionAfter(DesignState after, Selection before) {
                Selection sel = before;
                for (Edit e : parts) {
                    sel = e.selectionAfter(after, sel);
                }
                return sel;
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
