package io.kisflow.code;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One compile of a project's function sources, shared by everyone who asks for the same sources: the
 * designer's engine (its first build when a project opens) and its code editor (compiling the same
 * files at the same moment) get the very same {@link ProjectCode}, compiled once; a caller asking
 * while the compile runs waits for it instead of starting another. The newest compile of each of the
 * last few project folders is kept; other sources compile afresh.
 *
 * <pre>{@code ProjectCode code = CompileOnce.compile(dir, FunctionSources.read(dir).texts(), null);}</pre>
 */
public final class CompileOnce {
    /** Folders whose newest compile is kept (a designer window has one project open). */
    private static final int FOLDERS = 4;
    private static final Map<Path, Entry> NEWEST = new LinkedHashMap<>(8, 0.75f, true);
    private static final AtomicLong COMPILES = new AtomicLong();

    private record Entry(Map<String, String> sources, CompletableFuture<ProjectCode> result) {
    }

    private CompileOnce() {
    }

    /**
     * {@link ProjectCode#compile} of {@code sources}, or the compile of the same sources of the same
     * folder that ran or runs already. {@code previous} only serves a compile that actually runs.
     */
    public static ProjectCode compile(Path dir, Map<String, String> sources, ProjectCode previous) {
        if (sources.isEmpty()) {
            return ProjectCode.none();
        }
        Path key = dir.toAbsolutePath().normalize();
        CompletableFuture<ProjectCode> mine = null;
        CompletableFuture<ProjectCode> shared;
        synchronized (NEWEST) {
            Entry e = NEWEST.get(key);
            if (e != null && e.sources().equals(sources) && !e.result().isCompletedExceptionally()) {
                shared = e.result();
            } else {
                shared = mine = new CompletableFuture<>();
                NEWEST.put(key, new Entry(Map.copyOf(sources), mine));
                for (Iterator<Path> it = NEWEST.keySet().iterator(); NEWEST.size() > FOLDERS && it.hasNext(); ) {
                    it.next();
                    it.remove();
                }
            }
        }
        if (mine != null) {
            COMPILES.incrementAndGet();
            try {
                mine.complete(ProjectCode.compile(dir, sources, previous));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e); // the next caller compiles again
                throw e;
            }
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** How many compiles ran in this process (the rest were shared): tests and benchmarks read it. */
    public static long compiles() {
        return COMPILES.get();
    }
}
