package io.kisflow.designer.palette;

import io.kisflow.config.ConfigSet;
import io.kisflow.engine.Engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Asks the engine which function names the project's plugins implement: the plugins on the
 * application's class path (the built-in samples) and the project's plugin jars or class folders
 * (paths relative to the project directory). The palette lists those that no config uses yet.
 *
 * <pre>{@code Set<String> names = PluginFunctions.implemented(configs, dir, layout.pluginPaths());}</pre>
 */
public final class PluginFunctions {
    private PluginFunctions() {
    }

    /** @throws IllegalArgumentException naming the plugin that could not be loaded */
    public static Set<String> implemented(ConfigSet configs, Path projectDir, List<String> pluginPaths) {
        Engine.Builder b = Engine.builder().configs(configs).classpathPlugins().metrics(false);
        for (String p : pluginPaths) {
            Path path = Path.of(p);
            b.pluginPath(path.isAbsolute() || projectDir == null ? path : projectDir.resolve(path));
        }
        try (Engine engine = b.build()) {
            return Set.copyOf(engine.implementedFunctions());
        }
    }
}
