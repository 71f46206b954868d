package io.kisflow.engine;

import io.kisflow.config.IoReasons;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The plugin jars and class folders of one engine generation, each opened in its own class loader
 * (parent: the engine's loader, so plugins share the engine API classes). Only providers defined by
 * a path's own loader count for that path; plugins on the application class path are not picked up
 * twice.
 */
final class PluginLoaders implements AutoCloseable {
    private final List<URLClassLoader> loaders;
    private final List<Loaded> plugins;

    record Loaded(Path path, KisPlugin plugin) {
    }

    private PluginLoaders(List<URLClassLoader> loaders, List<Loaded> plugins) {
        this.loaders = loaders;
        this.plugins = plugins;
    }

    static PluginLoaders none() {
        return new PluginLoaders(List.of(), List.of());
    }

    /** Opens every path; on any problem closes what it opened and throws IllegalArgumentException naming the path. */
    static PluginLoaders open(List<Path> paths) {
        List<URLClassLoader> loaders = new ArrayList<>();
        List<Loaded> plugins = new ArrayList<>();
        try {
            for (Path path : paths) {
                URLClassLoader loader = new URLClassLoader("kisflow-plugin:" + path.getFileName(),
                        new URL[]{url(path)}, PluginLoaders.class.getClassLoader());
                loaders.add(loader);
                List<KisPlugin> found = discover(path, loader);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("plugin " + path + " contains no KisPlugin: list your plugin class in "
                            + "META-INF/services/" + KisPlugin.class.getName());
                }
                for (KisPlugin p : found) {
                    plugins.add(new Loaded(path, p));
                }
            }
        } catch (RuntimeException e) {
            closeAll(loaders);
            throw e;
        }
        return new PluginLoaders(List.copyOf(loaders), List.copyOf(plugins));
    }

    List<Loaded> plugins() {
        return plugins;
    }

    @Override
    public void close() {
        closeAll(loaders);
    }

    private static URL url(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("plugin " + path + " does not exist: give a jar file or a class folder");
        }
        boolean jar = Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
        if (!jar && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("plugin " + path + " is neither a .jar file nor a class folder");
        }
        if (jar) {
            checkJar(path);
        }
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugin " + path + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** A class loader skips a jar it cannot open without a word; open it first to say why. */
    private static void checkJar(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            zip.size();
        } catch (ZipException e) {
            throw new IllegalArgumentException("plugin " + path + " is not a jar file (" + IoReasons.reason(e)
                    + "): build it with 'jar' or 'mvn package', or give the folder of its classes", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("plugin " + path + " cannot be opened: " + IoReasons.describe(e, path), e);
        }
    }

    private static List<KisPlugin> discover(Path path, ClassLoader loader) {
        List<KisPlugin> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<KisPlugin> provider : ServiceLoader.load(KisPlugin.class, loader).stream().toList()) {
                if (provider.type().getClassLoader() == loader) {
                    found.add(provider.get());
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new IllegalArgumentException("plugin " + path + " cannot be loaded: " + e.getMessage(), e);
        }
        return found;
    }

    private static void closeAll(List<URLClassLoader> loaders) {
        for (URLClassLoader l : loaders) {
            try {
                l.close();
            } catch (IOException e) {
                // nothing of the user's is at stake: the jar stays on disk, the loader is dropped anyway
                System.getLogger(PluginLoaders.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not close the class loader of " + java.util.Arrays.toString(l.getURLs()), e);
            }
        }
    }
}
