package io.kisflow.engine;

/**
 * The one boundary between a run and storage, set per run ({@link KisFlowRun#setConnectorGate}):
 * every call a function makes to its connector ({@link Connector#call}) passes through
 * {@link #call}, and the engine asks {@link #opensConnectors()} before it runs a connector's init
 * code (which opens clients). {@link #PERFORM}, the default, performs every call; a {@link DryRun}
 * records them instead and opens nothing. Code that reaches storage in another way than
 * {@code connector.call(...)} (built-in connector types included) passes its call here too, with
 * {@code ConnectorGate.of(flow).call(new ConnectorCall(...))}, so that a dry run covers it.
 *
 * <pre>{@code KisFlowRun flow = engine.flow("SaveScores");
 * DryRun dry = new DryRun();
 * flow.setConnectorGate(dry);
 * flow.run();
 * dry.calls().forEach(c -> System.out.println(c.connector() + " " + c.args()));}</pre>
 */
public interface ConnectorGate {
    /** Opens connectors before the functions that bind them and performs every call: real runs. */
    ConnectorGate PERFORM = new ConnectorGate() {
        @Override
        public boolean opensConnectors() {
            return true;
        }

        @Override
        public Object call(ConnectorCall call) throws Exception {
            return call.perform();
        }

        @Override
        public String toString() {
            return "ConnectorGate.PERFORM";
        }
    };

    /**
     * True: a connector's init code runs (once per engine) before the first function that binds it.
     * False: it does not, so no connection is opened by this run.
     */
    boolean opensConnectors();

    /**
     * Asked before the code of a function that binds a connector runs (never for code that replaces
     * it, such as the designer's pinned rows): null lets it run; a sentence refuses it, and the call
     * fails with that sentence (not retried). A dry run refuses Load functions: their rows would come
     * from storage.
     */
    default String refusal(Function function, Connector connector) {
        return null;
    }

    /** A call to a connector: perform it ({@link ConnectorCall#perform()}) or not; the function gets what this returns. */
    Object call(ConnectorCall call) throws Exception;

    /** The gate of the run {@code flow} belongs to; {@link #PERFORM} for a flow that is not the engine's. */
    static ConnectorGate of(Flow flow) {
        return flow instanceof KisFlowRun run ? run.getConnectorGate() : PERFORM;
    }
}
