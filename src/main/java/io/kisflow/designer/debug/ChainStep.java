package io.kisflow.designer.debug;

import java.util.Map;

/**
 * One function of a run's chain as a trace names it: its position, name, mode, connector ("" for
 * none) and the params it was configured with. Kept with each {@link RunRecord} so a run exported as
 * a trace says what {@code run --trace} says.
 */
public record ChainStep(int position, String name, String mode, String connector, Map<String, String> params) {
    public ChainStep {
        mode = mode == null ? "" : mode;
        connector = connector == null ? "" : connector;
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
