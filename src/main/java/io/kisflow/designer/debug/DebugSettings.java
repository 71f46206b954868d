package io.kisflow.designer.debug;

import io.kisflow.designer.debug.input.InputMode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The designer-only run settings a project keeps in its sidecar file (never in KisFlow YAML): source
 * rows per flow (one string per row) or the file they come from (relative to the project directory
 * when inside it; big inputs are referred to, never copied), and their mode, pinned output rows per
 * function (JSON text per row), plugin jars or class folders (relative to the project directory
 * when inside it), whether runs are dry runs (connector calls recorded, nothing written), the
 * project's call limit (null: the default, {@link CallLimit#DEFAULT}), and whether runs have a Go
 * server's semantics, quirks included (Engine.Builder.goSemantics).
 *
 * <pre>{@code DebugSettings s = DebugSettings.EMPTY.withInput("StuAvg", List.of("{\"stu_id\":1}"), InputMode.JSON);}</pre>
 */
public record DebugSettings(Map<String, List<String>> inputRows, Map<String, InputMode> inputModes,
                            Map<String, List<String>> pinnedRows, List<String> pluginPaths, Map<String, String> inputFiles,
                            boolean dryRun, Integer callLimit, boolean goSemantics) {
    public static final DebugSettings EMPTY = new DebugSettings(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), false, null);

    /** Settings with the Java engine's semantics. */
    public DebugSettings(Map<String, List<String>> inputRows, Map<String, InputMode> inputModes,
                         Map<String, List<String>> pinnedRows, List<String> pluginPaths, Map<String, String> inputFiles,
                         boolean dryRun, Integer callLimit) {
        this(inputRows, inputModes, pinnedRows, pluginPaths, inputFiles, dryRun, callLimit, false);
    }

    /** Settings with the default call limit. */
    public DebugSettings(Map<String, List<String>> inputRows, Map<String, InputMode> inputModes,
                         Map<String, List<String>> pinnedRows, List<String> pluginPaths, Map<String, String> inputFiles,
                         boolean dryRun) {
        this(inputRows, inputModes, pinnedRows, pluginPaths, inputFiles, dryRun, null);
    }

    /** Settings for real runs (not dry runs). */
    public DebugSettings(Map<String, List<String>> inputRows, Map<String, InputMode> inputModes,
                         Map<String, List<String>> pinnedRows, List<String> pluginPaths, Map<String, String> inputFiles) {
        this(inputRows, inputModes, pinnedRows, pluginPaths, inputFiles, false);
    }

    /** Settings whose input rows are all typed (no input file). */
    public DebugSettings(Map<String, List<String>> inputRows, Map<String, InputMode> inputModes,
                         Map<String, List<String>> pinnedRows, List<String> pluginPaths) {
        this(inputRows, inputModes, pinnedRows, pluginPaths, Map.of(), false);
    }

    public DebugSettings {
        inputFiles = inputFiles == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputFiles));
        inputRows = copy(inputRows);
        inputModes = inputModes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputModes));
        pinnedRows = copy(pinnedRows);
        pluginPaths = pluginPaths == null ? List.of() : List.copyOf(pluginPaths);
        if (callLimit != null && (callLimit < 1 || callLimit > CallLimit.MAX)) {
            throw new IllegalArgumentException("callLimit must be from 1 to " + CallLimit.MAX + ", not " + callLimit);
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    public DebugSettings withInput(String flowName, List<String> rows, InputMode mode) {
        Map<String, List<String>> in = new LinkedHashMap<>(inputRows);
        Map<String, InputMode> modes = new LinkedHashMap<>(inputModes);
        in.put(flowName, rows);
        modes.put(flowName, mode);
        return new DebugSettings(in, modes, pinnedRows, pluginPaths, inputFiles, dryRun, callLimit, goSemantics);
    }

    public DebugSettings withPinned(String functionName, List<String> rows) {
        Map<String, List<String>> pins = new LinkedHashMap<>(pinnedRows);
        pins.put(functionName, rows);
        return new DebugSettings(inputRows, inputModes, pins, pluginPaths, inputFiles, dryRun, callLimit, goSemantics);
    }

    public DebugSettings withPluginPaths(List<String> paths) {
        return new DebugSettings(inputRows, inputModes, pinnedRows, paths, inputFiles, dryRun, callLimit, goSemantics);
    }

    /** The flow's rows come from this file (as stored: relative to the project when inside it). */
    public DebugSettings withInputFile(String flowName, String file, InputMode mode) {
        Map<String, String> files = new LinkedHashMap<>(inputFiles);
        Map<String, List<String>> in = new LinkedHashMap<>(inputRows);
        Map<String, InputMode> modes = new LinkedHashMap<>(inputModes);
        files.put(flowName, file);
        in.remove(flowName);
        modes.put(flowName, mode);
        return new DebugSettings(in, modes, pinnedRows, pluginPaths, files, dryRun, callLimit, goSemantics);
    }

    /** On: connector calls are recorded instead of performed, and no connector is opened. */
    public DebugSettings withDryRun(boolean on) {
        return new DebugSettings(inputRows, inputModes, pinnedRows, pluginPaths, inputFiles, on, callLimit, goSemantics);
    }

    /** On: runs do as a Go server would, quirks included; off: the Java engine's semantics. */
    public DebugSettings withGoSemantics(boolean on) {
        return new DebugSettings(inputRows, inputModes, pinnedRows, pluginPaths, inputFiles, dryRun, callLimit, on);
    }

    /** The project's call limit; null for the default. */
    public DebugSettings withCallLimit(Integer limit) {
        return new DebugSettings(inputRows, inputModes, pinnedRows, pluginPaths, inputFiles, dryRun, limit, goSemantics);
    }
}
