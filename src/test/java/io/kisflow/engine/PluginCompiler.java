package io.kisflow.engine;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiles a plugin from source at test time into a class folder (with its ServiceLoader file), or packs one into a jar. */
public final class PluginCompiler {
    private PluginCompiler() {
    }

    /** Compiles {@code source} (a class named {@code className}, implementing KisPlugin) into {@code folder}. */
    public static Path classFolder(Path folder, String className, String source) throws IOException {
        Path src = folder.resolveSibling(folder.getFileName() + "-src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Files.createDirectories(folder);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", folder.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        if (rc != 0) {
            throw new IllegalStateException("test plugin does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        Path services = folder.resolve("META-INF/services/" + KisPlugin.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, className + "\n");
        return folder;
    }

    /** Packs a class folder into a jar, written next to it and moved into place. */
    public static Path jar(Path folder, Path jarFile) throws IOException {
        Path tmp = jarFile.resolveSibling(jarFile.getFileName() + ".tmp");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(out)) {
            for (Path f : files) {
                jar.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
        return Files.move(tmp, jarFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A plugin whose function {@code funcName} commits "TAG:" + each row (TAG also names the class loader), and whose connector Store keeps a closeable resource. */
    static String taggingPlugin(String pkg, String funcName, String tag) {
        return """
                package %1$s;
                import io.kisflow.engine.*;
                public class Plug implements KisPlugin {
                    public static class Res implements AutoCloseable {
                        public volatile boolean closed;
                        public void close() { closed = true; }
                    }
                    public void register(Pool pool) {
                        pool.faas("%2$s", flow -> {
                            String loader = getClass().getClassLoader().getName();
                            for (Object row : flow.input()) flow.commitRow("%3$s:" + row + "@" + loader);
                        });
                        pool.caasInit("Store", c -> c.setMetaData("res", new Res()));
                        pool.caas("Store", "%2$s", Mode.SAVE, (c, f, flow, args) -> args);
                    }
                }
                """.formatted(pkg, funcName, tag);
    }
}
