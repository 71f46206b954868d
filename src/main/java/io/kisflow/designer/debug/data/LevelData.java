package io.kisflow.designer.debug.data;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows of one level of a run, as the debugger keeps them: the source level (position -1) or the
 * output of the function at {@code position} of the flow's chain. The list is a snapshot owned by
 * the debugger (the engine's own lists are cleared by the next run) and is never modified.
 *
 * <pre>{@code LevelData level = LevelData.source("flowName1", List.of("a", "b"));
 * inspector.show(level);}</pre>
 *
 * @param flowName the flow the level belongs to
 * @param name     the function whose output it is, or {@link #SOURCE_NAME} for the source
 * @param position the function's index in the chain, -1 for the source
 * @param rows     the rows (any values: strings, numbers, maps, records, POJOs, JSON trees)
 * @param pinned   true when the rows are the user's pinned rows for a function with no code
 */
public record LevelData(String flowName, String name, int position, List<Object> rows, boolean pinned) {
    /** Go's key of the source level. */
    public static final String SOURCE_NAME = "FunctionIDFirstVirtual";

    public LevelData {
        Objects.requireNonNull(flowName, "flowName");
        Objects.requireNonNull(name, "name");
        rows = rows == null ? List.of() : rows;
    }

    public static LevelData source(String flowName, List<Object> rows) {
        return new LevelData(flowName, SOURCE_NAME, -1, rows, false);
    }

    public static LevelData of(String flowName, String functionName, int position, List<Object> rows) {
        return new LevelData(flowName, functionName, position, rows, false);
    }

    /** A read-only copy of {@code rows}, taken on the run thread before the engine reuses its lists (nulls kept). */
    public static List<Object> snapshot(List<?> rows) {
        if (rows == null || rows.isEmpty()) {
            return List.of();
        }
        return Collections.unmodifiableList(new java.util.ArrayList<>(rows));
    }

    public boolean isSource() {
        return position < 0;
    }

    public int size() {
        return rows.size();
    }

    /** What the inspector's title shows: "source" or "#2 funcName3". */
    public String label() {
        return isSource() ? "source" : "#" + (position + 1) + " " + name;
    }
}
