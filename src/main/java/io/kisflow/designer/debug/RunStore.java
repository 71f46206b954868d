package io.kisflow.designer.debug;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A project's run history on disk: one {@link RunFile} per run in {@code .kisflow-studio/runs/}
 * (outside the YAML; JSON lines, which Go's loader never reads), at most as many runs and bytes as
 * the {@link RunStoreLimits} allow, the oldest dropped first. Kill-safe: a run is written to a
 * temporary file, forced to disk and renamed into place, so a crash leaves the old history and at
 * most a temporary file (removed later); a file cut short anyway is listed as skipped, never read.
 * Blocking: call it off the UI thread ({@link StoredRuns} does).
 *
 * <pre>{@code RunStore store = new RunStore(projectDir.resolve(RunStore.DIR), RunStoreLimits.defaults());
 * store.save(record);
 * RunRecord again = store.load(store.list().runs().get(0));}</pre>
 */
public final class RunStore {
    /** Where a project keeps its runs, relative to the project directory. */
    public static final String DIR = ".kisflow-studio/runs";
    private static final String SUFFIX = ".run.jsonl";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** A temporary file this old is what a crash left behind, not a save in progress. */
    private static final Duration STALE_TEMP = Duration.ofMinutes(10);

    /** The runs on disk, newest first, and one sentence per file that could not be listed. */
    public record Listing(List<StoredRun> runs, List<String> skipped) {
        public Listing {
            runs = List.copyOf(runs);
            skipped = List.copyOf(skipped);
        }
    }

    /** What a save did: the run as stored (null when refused), the runs dropped to stay in the limits, why it was refused. */
    public record Saved(StoredRun run, List<StoredRun> dropped, String refused) {
    }

    private final Path dir;
    private final RunStoreLimits limits;

    public RunStore(Path dir, RunStoreLimits limits) {
        this.dir = dir;
        this.limits = limits;
    }

    public Path directory() {
        return dir;
    }

    public RunStoreLimits limits() {
        return limits;
    }

    /** The runs on disk, newest first; files that are not whole runs are skipped with a sentence each. */
    public synchronized Listing list() throws IOException {
        List<StoredRun> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Listing(runs, skipped);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    removeIfStale(f);
                    continue;
                }
                if (!name.endsWith(SUFFIX)) {
                    continue;
                }
                try {
                    JsonNode h = RunFile.header(f);
                    if (!RunFile.complete(f)) {
                        skipped.add(name + " was cut short (it has no end line): skipped; delete it, it cannot be opened");
                        continue;
                    }
                    runs.add(new StoredRun(f, h.path("flow").asText(), h.path("number").asInt(),
                            Instant.parse(h.path("startedAt").asText()), h.path("label").asText(), Files.size(f)));
                } catch (IOException | RuntimeException e) {
                    skipped.add(e.getMessage() + ": skipped");
                }
            }
        }
        runs.sort(Comparator.comparing(StoredRun::startedAt).thenComparingInt(StoredRun::number).reversed());
        return new Listing(runs, skipped);
    }

    /**
     * Keeps a run: written whole or not at all, then the oldest runs are dropped until the history is
     * within its limits again. A run larger than the size limit alone is not kept.
     */
    public synchronized Saved save(RunRecord r) throws IOException {
        Files.createDirectories(dir);
        String name = STAMP.format(r.startedAt()) + "-" + r.number() + "-" + safe(r.flowName()) + SUFFIX;
        Path target = dir.resolve(name);
        Path temp = dir.resolve("." + name + ".tmp");
        try {
            RunFile.write(r, temp);
            long size = Files.size(temp);
            if (size > limits.maxBytes()) {
                Files.deleteIfExists(temp);
                return new Saved(null, List.of(), "Run #" + r.number() + " of " + r.flowName() + " (" + StoredRun.size(size)
                        + ") is larger than the run history's limit (" + StoredRun.size(limits.maxBytes()) + "): not kept on disk");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        List<StoredRun> all = new ArrayList<>(list().runs());
        StoredRun saved = all.stream().filter(s -> s.file().equals(target)).findFirst().orElse(null);
        List<StoredRun> dropped = new ArrayList<>();
        long total = all.stream().mapToLong(StoredRun::bytes).sum();
        // oldest first, never the run just kept
        for (int i = all.size() - 1; i >= 0 && (all.size() - dropped.size() > limits.maxRuns() || total > limits.maxBytes()); i--) {
            StoredRun old = all.get(i);
            if (old.file().equals(target)) {
                continue;
            }
            Files.deleteIfExists(old.file());
            dropped.add(old);
            total -= old.bytes();
        }
        return new Saved(saved, dropped, null);
    }

    /** Reads a stored run back (see {@link RunFile#read}). */
    public synchronized RunRecord load(StoredRun run) throws IOException {
        return RunFile.read(run.file());
    }

    /** Deletes a stored run; false when it was already gone. */
    public synchronized boolean delete(StoredRun run) throws IOException {
        return Files.deleteIfExists(run.file());
    }

    private static void removeIfStale(Path temp) {
        try {
            if (Files.getLastModifiedTime(temp).toInstant().isBefore(Instant.now().minus(STALE_TEMP))) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            System.getLogger(RunStore.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not remove " + temp, e);
        }
    }

    /** A flow name as a file name part: letters, digits, '-', '_' and '.' kept, the rest '_'. */
    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
