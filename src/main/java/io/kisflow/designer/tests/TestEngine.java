package io.kisflow.designer.tests;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FuncConfig;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FaaS;
import io.kisflow.engine.KisPlugin;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the Tests tab builds its engine from, taken on the UI thread when a run starts: the edited
 * configs, the plugins the designer runs with (the built-in samples when on, extra plugins, the
 * compiled function sources) and the project's plugin paths. Built off the UI thread with the
 * runner's mocks, as {@code test} builds it: no stand-ins, so a case that passes here passes on the
 * command line.
 *
 * <pre>{@code try (Engine e = recipe.build(runner.mocks())) { ... }}</pre>
 */
public record TestEngine(ConfigSet configs, boolean samples, List<KisPlugin> plugins, List<Path> pluginPaths) {
    public TestEngine {
        plugins = List.copyOf(plugins);
        pluginPaths = List.copyOf(pluginPaths);
    }

    public Engine build(Function<FuncConfig, FaaS> mocks) {
        Engine.Builder b = Engine.builder().configs(configs).mocks(mocks);
        if (samples) {
            b.classpathPlugins();
        }
        plugins.forEach(b::plugin);
        pluginPaths.forEach(b::pluginPath);
        return b.build();
    }
}
