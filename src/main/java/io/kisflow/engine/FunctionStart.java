package io.kisflow.engine;

import java.util.List;
import java.util.Map;

/**
 * A function is about to be called. {@code seq} counts the calls of this run from 1; {@code position}
 * is the function's index in the chain; {@code inputLevel} names the level it reads (a function name
 * or {@value KisFlowRun#SOURCE_LEVEL}); {@code inputRows} is a snapshot of that level.
 */
public record FunctionStart(String flowName, int seq, int position, String function, Mode mode,
                            String inputLevel, List<Object> inputRows, Map<String, String> params) {
}
