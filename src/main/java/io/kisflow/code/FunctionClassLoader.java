package io.kisflow.code;

import java.util.Map;

/**
 * The classes of one compile of a project's function sources. A new compile makes a new loader and
 * the old one is dropped with the engine that used it, as a reloaded plugin jar's loader is; the
 * parent is the application's loader, so the sources share the engine API's classes.
 */
final class FunctionClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    FunctionClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("kisflow-functions", parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
    }
}
