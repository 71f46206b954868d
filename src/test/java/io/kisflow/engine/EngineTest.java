package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.connector;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.run;
import static io.kisflow.engine.Projects.withConn;
import static io.kisflow.engine.Projects.withMode;
import static io.kisflow.engine.Projects.withOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engines as plain objects: plugins from paths in their own class loaders, reloading, coexisting engines, what is missing. */
class EngineTest {
    /** Flow F: A (Save through connector Store) -> B. */
    private static ConfigSet project() {
        ConfigSet set = withConn(chain("F", "A", "B"), "Store");
        return withMode(withOption(set, "A", connector("Store")), "A", "Save");
    }

    @Test
    void pluginsLoadFromAClassFolderAndAJarEachInItsOwnClassLoader(@TempDir Path dir) throws Exception {
        Path folder = PluginCompiler.classFolder(dir.resolve("one"), "one.Plug", PluginCompiler.taggingPlugin("one", "A", "v1"));
        Path jar = PluginCompiler.jar(PluginCompiler.classFolder(dir.resolve("two"), "two.Plug",
                PluginCompiler.taggingPlugin("two", "B", "jar")), dir.resolve("two.jar"));
        try (Engine engine = Engine.builder().configs(project()).pluginPath(folder).pluginPath(jar).metrics(false).build()) {
            assertEquals(List.of("jar:v1:x@kisflow-plugin:one@kisflow-plugin:two.jar"), run(engine.flow("F"), "x").get("B"));
            assertEquals(Set.of("A", "B"), engine.implementedFunctions());
            assertEquals(Set.of("Store"), engine.implementedConnectors());
        }
    }

    @Test
    void reloadingPluginsGivesNewFlowsTheNewCodeAndClosesTheOldConnectors(@TempDir Path dir) throws Exception {
        Path folder = PluginCompiler.classFolder(dir.resolve("p"), "p.Plug", PluginCompiler.taggingPlugin("p", "A", "v1"));
        Path jar = PluginCompiler.jar(PluginCompiler.classFolder(dir.resolve("q"), "q.Plug",
                PluginCompiler.taggingPlugin("q", "B", "j1")), dir.resolve("q.jar"));
        try (Engine engine = Engine.builder().configs(project()).pluginPath(folder).pluginPath(jar).metrics(false).build()) {
            KisFlowRun before = engine.flow("F");
            assertEquals(List.of("j1:v1:x@kisflow-plugin:p@kisflow-plugin:q.jar"), run(before, "x").get("B"));
            Object oldResource = before.functions().get(0).getConnector().getMetaData("res");

            PluginCompiler.classFolder(dir.resolve("p"), "p.Plug", PluginCompiler.taggingPlugin("p", "A", "v2"));
            PluginCompiler.jar(PluginCompiler.classFolder(dir.resolve("q2"), "q.Plug",
                    PluginCompiler.taggingPlugin("q", "B", "j2")), dir.resolve("q.jar"));
            engine.reloadPlugins();

            assertEquals(List.of("j2:v2:x@kisflow-plugin:p@kisflow-plugin:q.jar"), run(engine.flow("F"), "x").get("B"));
            assertTrue(oldResource.getClass().getField("closed").getBoolean(oldResource), "the old connector's resource was closed");
        }
    }

    @Test
    void aReloadThatFailsChangesNothing(@TempDir Path dir) throws Exception {
        Path folder = PluginCompiler.classFolder(dir.resolve("p"), "p.Plug", PluginCompiler.taggingPlugin("p", "A", "v1"));
        try (Engine engine = Engine.builder().configs(project()).pluginPath(folder).plugin(pool -> pool.faas("B", prefixing("b:")))
                .metrics(false).build()) {
            Files.delete(folder.resolve("META-INF/services/" + KisPlugin.class.getName()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, engine::reloadPlugins);
            assertEquals("plugin " + folder + " contains no KisPlugin: list your plugin class in META-INF/services/io.kisflow.engine.KisPlugin",
                    e.getMessage());
            assertEquals(List.of("b:v1:x@kisflow-plugin:p"), run(engine.flow("F"), "x").get("B"));
        }
    }

    @Test
    void badPluginPathsAreRefusedNamingThePath(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.jar");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertEquals("plugin " + missing + " does not exist: give a jar file or a class folder",
                assertThrows(IllegalArgumentException.class, () -> Engine.builder().configs(project()).pluginPath(missing).build()).getMessage());
        assertEquals("plugin " + text + " is neither a .jar file nor a class folder",
                assertThrows(IllegalArgumentException.class, () -> Engine.builder().configs(project()).pluginPath(text).build()).getMessage());
    }

    @Test
    void aPluginThatFailsToRegisterIsNamed() {
        KisPlugin broken = new KisPlugin() {
            @Override
            public void register(Pool pool) {
                pool.faas(" ", flow -> {
                });
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Engine.builder().configs(project()).plugin(broken).build());
        assertEquals("plugin " + broken.getClass().getName() + " failed to register its code: a plugin registered code for a function without a name",
                e.getMessage());
    }

    @Test
    void missingImplementationsAreListedInSentences() {
        ConfigSet set = project();
        try (Engine engine = Engine.builder().configs(set).plugin(pool -> pool.faas("A", prefixing("a:"))).metrics(false).build()) {
            assertEquals(List.of("flow F uses function B, which no plugin implements", "connector Store has no code for Save function A"),
                    engine.missingImplementations());
            assertEquals(Set.of("A"), engine.implementedFunctions());
            assertEquals(Set.of(), engine.implementedConnectors());
        }
    }

    @Test
    void enginesCoexistEachWithItsOwnCodeForTheSameNames() throws Exception {
        try (Engine upper = Engine.builder().configs(chain("F", "A")).plugin(pool -> pool.faas("A", prefixing("UP:"))).metrics(true).build();
             Engine lower = Engine.builder().configs(chain("F", "A")).plugin(pool -> pool.faas("A", prefixing("low:"))).metrics(true).build()) {
            assertEquals(List.of("UP:x"), run(upper.flow("F"), "x").get("A"));
            assertEquals(List.of("low:x"), run(lower.flow("F"), "x").get("A"));
        }
    }

    @Test
    void laterRegistrationsReplaceEarlierOnes() throws Exception {
        try (Engine engine = Engine.builder().configs(chain("F", "A")).metrics(false)
                .plugin(pool -> pool.faas("A", prefixing("first:")))
                .plugin(pool -> pool.faas("A", prefixing("second:"))).build()) {
            assertEquals(List.of("second:x"), run(engine.flow("F"), "x").get("A"));
        }
    }

    @Test
    void classpathPluginsRegistersThePluginsTheApplicationShips() {
        try (Engine with = Engine.builder().configs(ConfigSet.EMPTY).classpathPlugins().metrics(false).build();
             Engine without = Engine.builder().configs(ConfigSet.EMPTY).metrics(false).build()) {
            assertTrue(with.implementedFunctions().contains("AvgStuScore"), with.implementedFunctions().toString());
            assertFalse(without.implementedFunctions().contains("AvgStuScore"));
        }
    }
}
