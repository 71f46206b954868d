package io.kisflow.code;

import io.kisflow.config.Problem;
import io.kisflow.engine.KisPlugin;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The code of a project's {@code functions/*.java}, compiled in process and loaded in a class loader
 * of its own: the plugins to give an engine ({@code Engine.Builder.plugin}), and what is wrong with
 * the sources. Each public class implementing {@link KisPlugin} with a public no-argument
 * constructor is a plugin, exactly as one listed in a jar's {@code META-INF/services}. A file that
 * does not compile contributes nothing; the other files still load.
 *
 * <p>Which cards a broken file concerns: the functions it registered the last time it compiled
 * (carried from {@code previous}), plus the function whose class name ({@link JavaNames#className})
 * is the file's name ("Write code" names files that way). Scanning the text for name strings would
 * guess wrong too often; these two rules are exact for files the designer made and for any file
 * that ever compiled in this session.
 *
 * <pre>{@code ProjectCode code = ProjectCode.load(dir);
 * code.plugins().forEach(builder::plugin);
 * code.problems().forEach(System.out::println);}</pre>
 */
public final class ProjectCode {
    private static final ProjectCode NONE = new ProjectCode(Map.of(), List.of(), List.of(), Map.of(), Set.of(), 0);

    private final Map<String, String> sources;
    private final List<KisPlugin> plugins;
    private final List<Problem> problems;
    private final Map<String, Set<String>> registeredByFile;
    private final Set<String> brokenFiles;
    private final long compileNanos;

    private ProjectCode(Map<String, String> sources, List<KisPlugin> plugins, List<Problem> problems,
                        Map<String, Set<String>> registeredByFile, Set<String> brokenFiles, long compileNanos) {
        this.sources = sources;
        this.plugins = plugins;
        this.problems = problems;
        this.registeredByFile = registeredByFile;
        this.brokenFiles = brokenFiles;
        this.compileNanos = compileNanos;
    }

    /** No sources at all. */
    public static ProjectCode none() {
        return NONE;
    }

    /** Reads and compiles the {@code functions/} folder of a project folder. */
    public static ProjectCode load(Path dir) {
        FunctionSources read = FunctionSources.read(dir);
        ProjectCode code = compile(dir, read.texts(), null);
        if (read.problems().isEmpty()) {
            return code;
        }
        List<Problem> all = new ArrayList<>(read.problems());
        all.addAll(code.problems);
        return new ProjectCode(code.sources, code.plugins, List.copyOf(all), code.registeredByFile, code.brokenFiles, code.compileNanos);
    }

    /**
     * Compiles sources (file relative to {@code dir} to text, as {@link FunctionSources} lists them)
     * into a fresh class loader. {@code previous} (may be null) is the last compile of the same
     * project: what its files registered still names the cards of a file that no longer compiles.
     */
    public static ProjectCode compile(Path dir, Map<String, String> sources, ProjectCode previous) {
        if (sources.isEmpty()) {
            return NONE;
        }
        long start = System.nanoTime();
        Map<String, SourceCompiler.Unit> units = compiledOrCached(dir, sources);
        long took = System.nanoTime() - start;
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> good = new HashMap<>();
        Set<String> broken = new TreeSet<>();
        for (SourceCompiler.Unit u : units.values()) {
            problems.addAll(u.problems());
            if (u.hasErrors()) {
                broken.add(u.file());
            } else {
                good.putAll(u.classes());
            }
        }
        FunctionClassLoader loader = new FunctionClassLoader(good, ProjectCode.class.getClassLoader());
        List<KisPlugin> plugins = new ArrayList<>();
        Map<String, Set<String>> registered = new TreeMap<>();
        for (SourceCompiler.Unit u : units.values()) {
            if (u.hasErrors()) {
                Set<String> before = previous == null ? null : previous.registeredByFile.get(u.file());
                if (before != null) {
                    registered.put(u.file(), before);
                }
                continue;
            }
            Set<String> names = new TreeSet<>();
            for (String className : u.classes().keySet()) {
                KisPlugin plugin = instantiate(dir, u.file(), sources.get(u.file()), className, loader, problems);
                if (plugin != null) {
                    RegisteredNames seen = new RegisteredNames();
                    try {
                        plugin.register(seen);
                        plugins.add(plugin);
                        names.addAll(seen.functions);
                        names.addAll(seen.connectors);
                    } catch (RuntimeException | LinkageError e) {
                        broken.add(u.file());
                        problems.add(Problem.error(dir.resolve(u.file()), lineOf(sources.get(u.file()), className), null,
                                "class " + className + " failed to register its code: " + e));
                    }
                }
            }
            registered.put(u.file(), Set.copyOf(names));
        }
        return new ProjectCode(Map.copyOf(sources), List.copyOf(plugins), List.copyOf(problems), registered, Set.copyOf(broken), took);
    }

    /** The compiler's units, from the on-disk cache when the same sources were compiled by the same build (see {@link CompileCache}). */
    private static Map<String, SourceCompiler.Unit> compiledOrCached(Path dir, Map<String, String> sources) {
        Path folder = CompileCache.folder();
        String key = folder == null ? null : CompileCache.key(new TreeMap<>(sources));
        if (key != null) {
            Map<String, SourceCompiler.Unit> cached = CompileCache.read(folder, key, dir);
            if (cached != null && cached.keySet().equals(sources.keySet())) {
                return cached;
            }
        }
        Map<String, SourceCompiler.Unit> units = SourceCompiler.compile(dir, sources);
        if (key != null) {
            CompileCache.write(folder, key, units);
        }
        return units;
    }

    private static KisPlugin instantiate(Path dir, String file, String text, String className, ClassLoader loader, List<Problem> problems) {
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(Problem.error(dir.resolve(file), lineOf(text, className), null, "class " + className + " cannot be loaded: " + e));
            return null;
        }
        if (!KisPlugin.class.isAssignableFrom(c) || !Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers())
                || c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            return null;
        }
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor();
        } catch (NoSuchMethodException e) {
            problems.add(Problem.error(dir.resolve(file), lineOf(text, className), null, "class " + className
                    + " implements KisPlugin but has no public constructor without parameters: add one, so it can be made"));
            return null;
        }
        try {
            return (KisPlugin) ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            problems.add(Problem.error(dir.resolve(file), lineOf(text, className), null, "class " + className
                    + " could not be made: its constructor threw " + cause));
            return null;
        }
    }

    /** The line declaring the class (its simple name after "class"), 1 when not found. */
    private static int lineOf(String text, String className) {
        String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bclass\\s+" + java.util.regex.Pattern.quote(simple) + "\\b").matcher(text);
        if (!m.find()) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    /** The sources compiled (file to text). */
    public Map<String, String> sources() {
        return sources;
    }

    /** The plugins of the files that compiled, in file order: give them to the engine builder. */
    public List<KisPlugin> plugins() {
        return plugins;
    }

    /** Compile errors and warnings and plugin classes that cannot be used, each at its file, line and column. */
    public List<Problem> problems() {
        return problems;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The problems of one file (relative path). */
    public List<Problem> problemsOf(Path dir, String file) {
        Path at = dir.resolve(file);
        return problems.stream().filter(p -> at.equals(p.file())).toList();
    }

    /** Files with errors: they contribute no code. */
    public Set<String> brokenFiles() {
        return brokenFiles;
    }

    /** The function and connector names each file's plugins registered (for a broken file: at its last good compile). */
    public Map<String, Set<String>> registeredByFile() {
        return registeredByFile;
    }

    /**
     * The functions among {@code fnames} whose code is in a file that does not compile, each to that
     * file: the cards to mark (see the class comment for the rule).
     */
    public Map<String, String> uncompiledFunctions(Collection<String> fnames) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String file : brokenFiles) {
            Set<String> names = registeredByFile.getOrDefault(file, Set.of());
            String base = JavaNames.baseName(file);
            for (String f : fnames) {
                if (names.contains(f) || JavaNames.className(f).equals(base)) {
                    out.putIfAbsent(f, file);
                }
            }
        }
        return out;
    }

    /** The file whose plugins registered this function or connector, or null. */
    public String fileRegistering(String name) {
        for (Map.Entry<String, Set<String>> e : registeredByFile.entrySet()) {
            if (e.getValue().contains(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** How long the compiler itself took, in milliseconds. */
    public double compileMillis() {
        return compileNanos / 1e6;
    }
}
