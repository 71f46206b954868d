package io.kisflow.engine;

/**
 * A point of a run where a Go KisFlow server would have done something else (docs/DIFFERENCES.md),
 * said in words: the engine notes it on the call where it happens, tells the listeners
 * ({@link RunListener#goDiffers}) and keeps the run's notes ({@link KisFlowRun#goDifferences()}).
 * In a run with {@link Engine.Builder#goSemantics Go semantics} the same points are noted, saying
 * what the run did the Go way and what the Java engine does instead.
 *
 * <pre>{@code flow.run();
 * flow.goDifferences().forEach(d -> System.out.println(d.function() + ": " + d.words()));}</pre>
 *
 * @param kind     which difference
 * @param flowName the flow
 * @param seq      the call it belongs to (from 1), 0 for the run as a whole (a disabled flow)
 * @param position the function's index in the chain, -1 for the run as a whole
 * @param function the function's name, null for the run as a whole
 * @param words    what Go does there, in a sentence naming the functions and rows involved
 */
public record GoDifference(Kind kind, String flowName, int seq, int position, String function, String words) {

    /** The differences a run can meet; each names the part of docs/DIFFERENCES.md that explains it. */
    public enum Kind {
        /** ForceEntryNext after the function's level got rows: Go empties the level. */
        FORCE_ENTRY_NEXT("ForceEntryNext"),
        /** DataReuse on an empty input: Go keeps the committed rows for the next run. */
        DATA_REUSE_EMPTY_INPUT("DataReuse on an empty input"),
        /** A failed run: Go's next run starts with the failed function's rows and actions. */
        FAILED_RUN_LEFTOVERS("rows left after a failure"),
        /** A typed row that cannot be converted: Go passes no rows and runs on. */
        TYPED_ROW_UNCONVERTIBLE("typed row not convertible"),
        /** Rows already of a typed function's type: Go sends them through JSON all the same. */
        TYPED_ROW_ROUND_TRIP("typed rows through JSON"),
        /** A JumpFunc loop stopped by the call limit: Go never ends it. */
        JUMP_LOOP("JumpFunc loop"),
        /** retry_times / return_duration: Go ignores them. */
        RETRY_SETTINGS("retry settings"),
        /** A connector bound by several function instances: Go has one connector instance (and init) per function instance. */
        CONNECTOR_PER_FUNCTION("connector per function"),
        /** A connector without init code: Go panics when it builds the flow. */
        CONNECTOR_WITHOUT_INIT("connector without init code"),
        /** A Save or Load function run by the built-in connector client: Go has no built-in storage. */
        BUILT_IN_STORAGE("built-in storage"),
        /** Pinned rows, a stand-in or a dry run replaced what the function or its connector does. */
        DESIGNER_STAND_IN("designer stand-in"),
        /** A disabled flow (status 0): Go's loader skips it. */
        DISABLED_FLOW("disabled flow"),
        /** A function changed the map of its params: in Go the change stays for later runs. */
        PARAMS_CHANGED("params changed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A few words for a heading or a tag. */
        public String label() {
            return label;
        }
    }
}
