package io.kisflow.designer.code;

import io.kisflow.code.JavaNames;
import io.kisflow.code.ProjectCode;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.link.ProjectDebugger;
import io.kisflow.designer.document.ProjectDocument;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The open project's function sources, compiled as they are typed: a pause in typing (or opening a
 * project, or an undo that adds or removes a file) compiles them all on a worker thread, and the
 * result reaches the debugger (the next run uses the new code; the changed files' functions and the
 * cards after them turn stale) and whoever shows errors (the Code tab, Problems, the cards).
 * Compiles never overlap and only the newest result is kept.
 *
 * <pre>{@code CodeWorkspace code = new CodeWorkspace(doc, debugger, Platform::runLater, 400);
 * code.compiledProperty().addListener((o, a, c) -> show(c.problems()));}</pre>
 */
public final class CodeWorkspace implements AutoCloseable {
    /** How long typing must pause before the sources are compiled. */
    public static final long DEFAULT_PAUSE_MILLIS = 400;

    private final ProjectDocument doc;
    private final ProjectDebugger debugger;
    private final Executor ui;
    private final long pauseMillis;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "function-compiler");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<ProjectCode> compiled = new ReadOnlyObjectWrapper<>(this, "compiled", ProjectCode.none());
    private final ReadOnlyBooleanWrapper compiling = new ReadOnlyBooleanWrapper(this, "compiling");
    /** The sources the newest compile was asked for (UI thread only). */
    private Map<String, String> wanted = Map.of();
    private ScheduledFuture<?> pending;
    private long generation;
    private boolean prewarmed;

    /** @param pauseMillis the pause in typing before a compile; negative: only {@link #compileNow()} compiles (tests) */
    public CodeWorkspace(ProjectDocument doc, ProjectDebugger debugger, Executor ui, long pauseMillis) {
        this.doc = doc;
        this.debugger = debugger;
        this.ui = ui;
        this.pauseMillis = pauseMillis;
        doc.opensProperty().addListener((o, a, b) -> {
            wanted = Map.of();
            compiled.set(ProjectCode.none());
            sourcesChanged(0);
        });
        doc.stateProperty().addListener((o, a, b) -> sourcesChanged(pauseMillis));
        if (!javaSources(doc.state().code()).isEmpty()) {
            sourcesChanged(0);
        }
    }

    /** The newest compile of the project's sources ({@link ProjectCode#none()} before the first). */
    public ReadOnlyObjectProperty<ProjectCode> compiledProperty() {
        return compiled.getReadOnlyProperty();
    }

    public ProjectCode compiled() {
        return compiled.get();
    }

    /** On from a change of the sources until its compile is shown. */
    public ReadOnlyBooleanProperty compilingProperty() {
        return compiling.getReadOnlyProperty();
    }

    /** Compiles the sources now, on the calling thread (the UI thread): what a test or "Compile now" uses. */
    public void compileNow() {
        cancelPending();
        Map<String, String> sources = javaSources(doc.state().code());
        wanted = sources;
        long mine = ++generation;
        ProjectCode before = compiled.get();
        compiling.set(true);
        show(mine, sources, io.kisflow.code.CompileOnce.compile(projectDir(), sources, before), before);
    }

    /**
     * Readies the compiler on the worker thread (once): ECJ's first compile in a process reads its own
     * classes and the application's class files, seconds on a busy machine; after it a compile of a
     * function takes a fraction of a second. Called when the user selects a function, so that "Write
     * code" and the first edit do not wait for it.
     */
    public void prewarm() {
        if (prewarmed || pauseMillis < 0) {
            return;
        }
        prewarmed = true;
        worker.execute(() -> ProjectCode.compile(Path.of(""), Map.of("functions/Warm.java",
                "package functions;\npublic class Warm implements io.kisflow.engine.KisPlugin {\n"
                        + "    public void register(io.kisflow.engine.Pool pool) {\n"
                        + "        pool.faas(\"Warm\", flow -> flow.input().forEach(flow::commitRow));\n    }\n}\n"), null));
    }

    /** Compiles now if typed text waits for its compile (a run must not start on the code before it). */
    public void compilePending() {
        if (compiling.get()) {
            compileNow();
        }
    }

    private void sourcesChanged(long delay) {
        Map<String, String> sources = javaSources(doc.state().code());
        if (sources.equals(wanted) || pauseMillis < 0) {
            return;
        }
        wanted = sources;
        cancelPending();
        long mine = ++generation;
        compiling.set(true);
        Path dir = projectDir();
        pending = worker.schedule(() -> {
            io.kisflow.designer.ui.FirstPaint.await();   // the opening's compile: after the window is painted
            ProjectCode before = compiled.get();  // read across threads: a stale one only names fewer cards
            // shared with the engine's first build when both ask for the same files (a project opening)
            ProjectCode code = io.kisflow.code.CompileOnce.compile(dir, sources, before);
            ui.execute(() -> show(mine, sources, code, before));
        }, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * The function sources among the project's non-YAML files: the document also holds the flow
     * test cases (tests/*.json), which are saved like the sources but are not compiled.
     */
    static Map<String, String> javaSources(Map<String, String> files) {
        if (files.keySet().stream().allMatch(f -> f.endsWith(".java"))) {
            return files;
        }
        Map<String, String> out = new java.util.TreeMap<>();
        files.forEach((f, text) -> {
            if (f.endsWith(".java")) {
                out.put(f, text);
            }
        });
        return out;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void show(long mine, Map<String, String> sources, ProjectCode code, ProjectCode before) {
        if (mine != generation) {
            return;   // a newer compile is on its way
        }
        compiling.set(false);
        Set<String> affected = affected(before, code, doc.state().configs());
        compiled.set(code);
        DebugSession s = debugger == null ? null : debugger.session();
        if (s != null) {
            s.sourcesCompiled(code, affected);
        }
    }

    /**
     * The functions whose code may have changed: those the changed files registered before or now,
     * those named after a changed file, and the Save/Load functions of a connector they registered.
     */
    static Set<String> affected(ProjectCode before, ProjectCode now, ConfigSet configs) {
        Set<String> files = new HashSet<>(before.sources().keySet());
        files.addAll(now.sources().keySet());
        Set<String> names = new HashSet<>();
        for (String file : files) {
            if (Objects.equals(before.sources().get(file), now.sources().get(file))) {
                continue;
            }
            names.addAll(before.registeredByFile().getOrDefault(file, Set.of()));
            names.addAll(now.registeredByFile().getOrDefault(file, Set.of()));
            String base = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.java$", "");
            for (String f : configs.funcs().keySet()) {
                if (JavaNames.className(f).equals(base)) {
                    names.add(f);
                }
            }
        }
        Set<String> out = new HashSet<>(names);
        for (FuncConfig f : configs.funcs().values()) {
            if (f.hasConnector() && names.contains(f.option().cname())) {
                out.add(f.fname());
            }
        }
        return out;
    }

    private Path projectDir() {
        Path d = doc.directory();
        return d == null ? Path.of("") : d;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
