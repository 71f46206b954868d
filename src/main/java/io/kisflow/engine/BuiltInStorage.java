package io.kisflow.engine;

import java.util.Collection;
import java.util.List;

/**
 * The code of a Save or Load function that has none of its own and binds a connector of a built-in
 * type: Save hands its input rows to the connector and passes them on as its level; Load commits
 * what the connector returns. Both go through {@link Connector#call}, so plugin connector code
 * registered for the function still wins.
 */
final class BuiltInStorage {
    private BuiltInStorage() {
    }

    /** The code for this step, or null when the built-in behaviour does not apply. */
    static FunctionCode codeFor(Mode mode, ConnectorInstance conn) {
        if (conn == null || conn.builtInType() == null) {
            return null;
        }
        if (mode == Mode.SAVE) {
            return (flow, input) -> {
                flow.getConnector().call(flow, input);
                flow.commitRowBatch(input);
            };
        }
        if (mode == Mode.LOAD) {
            return (flow, input) -> {
                Object loaded = flow.getConnector().call(flow, input);
                if (loaded instanceof Collection<?> rows) {
                    flow.commitRowBatch(rows);
                } else if (loaded != null) {
                    flow.commitRow(loaded);
                }
            };
        }
        return null;
    }

    /** The card text of such a function: "built-in · RPUSH scores", or null when it has its own code or none applies. */
    static String describe(Mode mode, ConnectorInstance conn, String funcName) {
        if (codeFor(mode, conn) == null) {
            return null;
        }
        if (conn.codeFor(mode, funcName) != null) {
            return "built-in · calls " + conn.getName() + "'s plugin code";
        }
        return "built-in · " + conn.builtInType().describe(conn.getConfig(), mode);
    }

    static List<String> typeNames() {
        return List.copyOf(ConnectorTypes.names());
    }
}
