package io.kisflow.code;

import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The types a function source can use, read as class files from the running application's own
 * class loader: the JDK, the engine API, Jackson and whatever client libraries the application
 * carries (a shaded jar, Maven's class path in tests, an IDE's folders: no list of jars to keep in
 * step). The bytes are cached for the life of the process, since the application's classes never
 * change while it runs; that cache is what makes a warm compile fast. Types of the sources being
 * compiled are known to the compiler itself; a name that is no class is taken for a package, as
 * Apache Jasper's ECJ environment does.
 */
final class ClassPathTypes implements INameEnvironment {
    private static final byte[] NONE = new byte[0];
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    private final ClassLoader loader;
    private final Set<String> sourceTypes;

    /** @param sourceTypes the dotted names of the types the sources declare (never looked up on the class path) */
    ClassPathTypes(ClassLoader loader, Set<String> sourceTypes) {
        this.loader = loader;
        this.sourceTypes = sourceTypes;
    }

    @Override
    public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
        return find(join(compoundTypeName, compoundTypeName.length));
    }

    @Override
    public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
        String pkg = join(packageName, packageName == null ? 0 : packageName.length);
        return find(pkg.isEmpty() ? new String(typeName) : pkg + "." + new String(typeName));
    }

    @Override
    public boolean isPackage(char[][] parentPackageName, char[] packageName) {
        String parent = join(parentPackageName, parentPackageName == null ? 0 : parentPackageName.length);
        String name = parent.isEmpty() ? new String(packageName) : parent + "." + new String(packageName);
        return !sourceTypes.contains(name) && bytes(name) == NONE;
    }

    @Override
    public void cleanup() {
        // nothing held per compile: the byte cache outlives it on purpose
    }

    private NameEnvironmentAnswer find(String dotted) {
        if (sourceTypes.contains(dotted)) {
            return null;
        }
        byte[] b = bytes(dotted);
        if (b == NONE) {
            return null;
        }
        try {
            return new NameEnvironmentAnswer(new ClassFileReader(b, (dotted.replace('.', '/') + ".class").toCharArray(), true), null);
        } catch (ClassFormatException e) {
            return null;
        }
    }

    private byte[] bytes(String dotted) {
        return BYTES.computeIfAbsent(dotted, n -> {
            try (InputStream in = loader.getResourceAsStream(n.replace('.', '/') + ".class")) {
                return in == null ? NONE : in.readAllBytes();
            } catch (IOException e) {
                return NONE;
            }
        });
    }

    private static String join(char[][] parts, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(parts[i]);
        }
        return b.toString();
    }
}
