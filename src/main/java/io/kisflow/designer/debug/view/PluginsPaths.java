package io.kisflow.designer.debug.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the Plugins tab edits the project's plugin list: a chosen path inside the project directory is
 * kept relative to it (so the project can move), one outside stays absolute; a path already listed is
 * not added twice.
 *
 * <pre>{@code List<String> next = PluginsPaths.add(current, projectDir, chosenJar);}</pre>
 */
final class PluginsPaths {
    private PluginsPaths() {
    }

    /** How {@code chosen} is written in the plugin list of a project in {@code projectDir} (may be null). */
    static String written(Path projectDir, Path chosen) {
        Path abs = chosen.toAbsolutePath().normalize();
        if (projectDir != null) {
            Path dir = projectDir.toAbsolutePath().normalize();
            if (abs.startsWith(dir) && !abs.equals(dir)) {
                return dir.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }

    /** The list with {@code chosen} at the end, unless it is already there. */
    static List<String> add(List<String> current, Path projectDir, Path chosen) {
        String w = written(projectDir, chosen);
        List<String> out = new ArrayList<>(current);
        if (!out.contains(w)) {
            out.add(w);
        }
        return out;
    }

    static List<String> remove(List<String> current, String path) {
        List<String> out = new ArrayList<>(current);
        out.remove(path);
        return out;
    }
}
