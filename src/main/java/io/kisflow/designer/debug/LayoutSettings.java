package io.kisflow.designer.debug;

import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.project.ProjectLayout;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes the debugger's run settings in the project's sidecar layout. Input rows, pinned
 * rows and plugin paths have their own fields; the input mode of each flow (text lines or JSON
 * values) is kept under the sidecar key {@value #INPUT_MODES} as {@code {"flow": "json"}} (flows in
 * text mode are not listed), the dry-run switch under {@value #DRY_RUN}.
 *
 * <pre>{@code DebugSession s = new DebugSession(dir, configs, LayoutSettings.read(files.layout()), options, ui, pool);
 * ProjectLayout toSave = LayoutSettings.write(s.settings(), currentLayout);}</pre>
 */
public final class LayoutSettings {
    /** The sidecar key of the input modes (edit.Layouts renames flows in it too). */
    public static final String INPUT_MODES = "debuggerInputModes";
    /**
     * The sidecar key of the flows whose rows come from a file: {@code {"flow": "data/rows.jsonl"}}, the
     * path relative to the project directory when inside it. Only the path is kept, so a big input
     * costs the sidecar, the undo history and the recovery copy a line (edit.Layouts renames flows in it).
     */
    public static final String INPUT_FILES = "debuggerInputFiles";
    /**
     * The sidecar key of the dry-run switch: {@code "debuggerDryRun": true} while designer runs record
     * connector calls instead of performing them (absent when off).
     */
    public static final String DRY_RUN = "debuggerDryRun";
    /**
     * The sidecar key naming the plugins built into the designer that a project uses:
     * {@code "builtInPlugins": ["samples"]} in the sidecar of {@code conf-samples/}. Only the projects
     * that name the samples plugin get its functions; every other project sees its own plugins only.
     */
    public static final String BUILT_IN_PLUGINS = "builtInPlugins";
    /**
     * The sidecar key of the project's call limit ({@code "debuggerCallLimit": 50000}); absent for the
     * default. A value that is not a usable limit is read as the default.
     */
    public static final String CALL_LIMIT = "debuggerCallLimit";
    /** The sidecar key of the Go-semantics switch: {@code "debuggerGoSemantics": true} while designer runs do as a Go server would. */
    public static final String GO_SEMANTICS = "debuggerGoSemantics";
    /** The built-in samples plugin's name under {@link #BUILT_IN_PLUGINS}. */
    public static final String SAMPLES = "samples";

    private LayoutSettings() {
    }

    public static DebugSettings read(ProjectLayout layout) {
        Map<String, InputMode> modes = new LinkedHashMap<>();
        if (layout.extra().get(INPUT_MODES) instanceof Map<?, ?> m) {
            m.forEach((flow, mode) -> {
                if ("json".equals(String.valueOf(mode).toLowerCase(Locale.ROOT))) {
                    modes.put(String.valueOf(flow), InputMode.JSON);
                }
            });
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (layout.extra().get(INPUT_FILES) instanceof Map<?, ?> m) {
            m.forEach((flow, file) -> {
                if (file instanceof String f && !f.isBlank()) {
                    files.put(String.valueOf(flow), f);
                }
            });
        }
        boolean dryRun = Boolean.TRUE.equals(layout.extra().get(DRY_RUN));
        Integer limit = null;
        if (layout.extra().get(CALL_LIMIT) instanceof Number n && n.longValue() == n.doubleValue()
                && n.longValue() >= 1 && n.longValue() <= CallLimit.MAX) {
            limit = n.intValue();
        }
        boolean goSemantics = Boolean.TRUE.equals(layout.extra().get(GO_SEMANTICS));
        return new DebugSettings(layout.inputRows(), modes, layout.pinnedRows(), layout.pluginPaths(), files, dryRun, limit, goSemantics);
    }

    /** Whether the project's sidecar names the built-in samples plugin (the samples projects do). */
    public static boolean usesSamples(ProjectLayout layout) {
        return layout.extra().get(BUILT_IN_PLUGINS) instanceof java.util.List<?> names && names.contains(SAMPLES);
    }

    /**
     * As above, or a folder above {@code dir} declares it: {@code conf-samples/student-score} opened on
     * its own is still one of the samples (the README sends users there), though its sidecar is the
     * parent's.
     */
    public static boolean usesSamples(ProjectLayout layout, java.nio.file.Path dir) {
        if (usesSamples(layout)) {
            return true;
        }
        if (dir == null || java.nio.file.Files.isRegularFile(dir.resolve(".kisflow-studio.json"))) {
            return false; // a folder with a sidecar of its own is a project of its own
        }
        for (java.nio.file.Path p = dir.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            java.nio.file.Path sidecar = p.resolve(".kisflow-studio.json");
            if (java.nio.file.Files.isRegularFile(sidecar)) {
                try {
                    com.fasterxml.jackson.databind.JsonNode names = new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(sidecar.toFile()).path(BUILT_IN_PLUGINS);
                    for (com.fasterxml.jackson.databind.JsonNode n : names) {
                        if (SAMPLES.equals(n.asText())) {
                            return true;
                        }
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // an unreadable sidecar of another folder declares nothing
                    System.getLogger(LayoutSettings.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not read " + sidecar + "; it declares no built-in plugin", e);
                }
                return false; // the nearest project above decides
            }
        }
        return false;
    }

    /** {@code base} with the settings' input rows, modes, pins, plugin paths and call limit; everything else kept. */
    public static ProjectLayout write(DebugSettings settings, ProjectLayout base) {
        Map<String, Object> modes = new LinkedHashMap<>();
        settings.inputModes().forEach((flow, mode) -> {
            if (mode == InputMode.JSON) {
                modes.put(flow, "json");
            }
        });
        Map<String, Object> extra = new LinkedHashMap<>(base.extra());
        if (modes.isEmpty()) {
            extra.remove(INPUT_MODES);
        } else {
            extra.put(INPUT_MODES, modes);
        }
        if (settings.inputFiles().isEmpty()) {
            extra.remove(INPUT_FILES);
        } else {
            extra.put(INPUT_FILES, new LinkedHashMap<String, Object>(settings.inputFiles()));
        }
        if (settings.dryRun()) {
            extra.put(DRY_RUN, true);
        } else {
            extra.remove(DRY_RUN);
        }
        if (settings.goSemantics()) {
            extra.put(GO_SEMANTICS, true);
        } else {
            extra.remove(GO_SEMANTICS);
        }
        if (settings.callLimit() == null) {
            extra.remove(CALL_LIMIT);
        } else {
            extra.put(CALL_LIMIT, settings.callLimit());
        }
        return base.withInputRows(settings.inputRows()).withPinnedRows(settings.pinnedRows())
                .withPluginPaths(settings.pluginPaths()).withExtra(extra);
    }
}
