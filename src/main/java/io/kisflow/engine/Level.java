package io.kisflow.engine;

import java.util.List;

/**
 * The rows of one level of a flow, as {@link KisFlowRun#levels()} reports them: the source level
 * ({@code name} {@value KisFlowRun#SOURCE_LEVEL}, {@code position} -1) or the level of the function at
 * {@code position} in the chain. The rows are read-only and never change once the level exists
 * (null rows allowed), so a Level may be kept and read from any thread.
 *
 * <pre>{@code for (Level l : flow.levels()) System.out.println(l.name() + " " + l.rows());}</pre>
 */
public record Level(String name, int position, List<Object> rows) {
    public boolean isSource() {
        return position < 0;
    }
}
