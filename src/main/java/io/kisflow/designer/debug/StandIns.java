package io.kisflow.designer.debug;

import io.kisflow.config.FuncConfig;
import io.kisflow.engine.FaaS;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The designer's stand-ins, in designer runs only. As the engine's fallback (functions no plugin
 * implements) they pass the input on unchanged; as its mocks ({@link #mock}) they commit the user's
 * pinned rows instead of any function's own code, plugin code or connector call alike. The pins are
 * the set given at the start of the run, read when the engine makes the run's flow instance.
 */
final class StandIns implements Function<FuncConfig, FaaS> {
    private volatile Map<String, List<Object>> pinned = Map.of();

    /** The pinned rows per function for the run about to start (before its flow instance is made). */
    void usePins(Map<String, List<Object>> pins) {
        this.pinned = Map.copyOf(pins);
    }

    /** Pass-through, for a function without code. */
    @Override
    public FaaS apply(FuncConfig config) {
        return flow -> flow.commitRowBatch(flow.input());
    }

    /** The pinned rows of a pinned function (whatever code it has), or null: its own code runs. */
    FaaS mock(FuncConfig config) {
        List<Object> rows = pinned.get(config.fname());
        return rows == null ? null : flow -> flow.commitRowBatch(rows);
    }
}
