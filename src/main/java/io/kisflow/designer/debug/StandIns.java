package io.kisflow.designer.debug;

import io.kisflow.config.FuncConfig;
import io.kisflow.engine.FaaS;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's fallback for functions no plugin implements, in designer runs only: commit the
 * user's pinned rows when the function is pinned, or else pass the input on unchanged. The pins are
 * read when the function is called, from the set given at the start of the run.
 */
final class StandIns implements Function<FuncConfig, FaaS> {
    private volatile Map<String, List<Object>> pinned = Map.of();

    /** The pinned rows per function for the run about to start. */
    void usePins(Map<String, List<Object>> pins) {
        this.pinned = Map.copyOf(pins);
    }

    @Override
    public FaaS apply(FuncConfig config) {
        String name = config.fname();
        return flow -> {
            List<Object> rows = pinned.get(name);
            flow.commitRowBatch(rows != null ? rows : flow.input());
        };
    }
}
