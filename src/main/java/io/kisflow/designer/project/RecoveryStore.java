package io.kisflow.designer.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisflow.config.ConfigSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Crash recovery: an autosaved copy of a project's unsaved work, kept outside the project folder
 * (under {@code recovery/} of the designer's state folder, one JSON file per project), so the
 * project's own files are never touched before the user saves. After a crash or kill the designer
 * finds the copy on the next start and offers to restore it; saving or closing without saving
 * discards it. Each copy is written atomically, so a crash during autosave keeps the previous one;
 * the temporary file such a crash leaves is removed when the project is next opened.
 *
 * <pre>{@code
 * RecoveryStore store = new RecoveryStore(RecoveryStore.defaultStateDir());
 * store.save(dir, edited, layout);                         // on every edit burst
 * store.find(dir).ifPresent(r -> offerRestore(r.configs(), r.layout(), r.savedAt()));
 * }</pre>
 */
public final class RecoveryStore {
    static final String FOLDER = "recovery";
    private static final int VERSION = 1;
    /** A write takes milliseconds: a temporary file this old was left by a crash. */
    private static final java.time.Duration STALE_TEMPORARY = java.time.Duration.ofMinutes(1);

    private final Path dir;
    private final AtomicFiles disk = new AtomicFiles();

    public RecoveryStore(Path stateDir) {
        this.dir = stateDir.resolve(FOLDER);
    }

    /** {@code ~/.kisflow-studio}: where the designer keeps recovery copies and the recent-projects list. */
    public static Path defaultStateDir() {
        return Path.of(System.getProperty("user.home"), ".kisflow-studio");
    }

    /** Replaces the recovery copy of {@code projectDir} with this state, atomically. */
    public void save(Path projectDir, ConfigSet edited, ProjectLayout layout) throws IOException {
        save(projectDir, edited, layout, null);
    }

    /** As above, with the function sources as typed (project-relative path to text; null: not known, restoring keeps the files'). */
    public void save(Path projectDir, ConfigSet edited, ProjectLayout layout, Map<String, String> code) throws IOException {
        Path project = projectDir.toAbsolutePath().normalize();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", VERSION);
        doc.put("projectDir", project.toString());
        doc.put("savedAt", Instant.now().toString());
        doc.put("configs", ConfigJson.toTree(edited));
        doc.put("layout", LayoutFile.toTree(layout));
        if (code != null) {
            doc.put("code", new java.util.TreeMap<>(code));
        }
        disk.write(fileFor(project), StateJson.writeInOrder(doc));
    }

    /**
     * The recovery copy of {@code projectDir}, if there is a readable one. A damaged copy is left in
     * place (and reported as absent) rather than deleted: it may still be recoverable by hand.
     */
    public Optional<Recovered> find(Path projectDir) {
        Path project = projectDir.toAbsolutePath().normalize();
        Path file = fileFor(project);
        AtomicFiles.sweepStale(dir, file.getFileName().toString(), STALE_TEMPORARY);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode doc = ConfigJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (doc == null || !project.toString().equals(doc.path("projectDir").asText())) {
                return Optional.empty();
            }
            ConfigSet configs = ConfigJson.fromTree(doc.get("configs"));
            JsonNode layoutTree = doc.get("layout");
            ProjectLayout layout = layoutTree == null || !layoutTree.isObject() ? ProjectLayout.EMPTY
                    : LayoutFile.fromTree(layoutTree, null, file, new ArrayList<>());
            Map<String, String> code = doc.has("code") ? new java.util.TreeMap<>() : null;
            if (code != null) {
                doc.get("code").fields().forEachRemaining(e -> code.put(e.getKey(), e.getValue().asText()));
            }
            return Optional.of(new Recovered(configs, layout, Instant.parse(doc.path("savedAt").asText()), code));
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            System.getLogger(RecoveryStore.class.getName()).log(System.Logger.Level.DEBUG, () -> "the recovery copy " + file + " cannot be read; not offered", e);
            return Optional.empty();
        }
    }

    /** A project file and when it was last written. */
    public record FileChange(Path file, Instant at) {
    }

    /**
     * The project's config or function source file written most recently after {@code savedAt}, if
     * any. The designer never writes those files while a recovery copy stands (saving discards it),
     * so such a file was changed outside it (an editor, a pull) after the copy was made: restoring
     * and saving would put the copy over that change, which the restore offer must say.
     */
    public static Optional<FileChange> changedAfter(Path projectDir, Instant savedAt) {
        FileChange[] newest = {null};
        try (java.util.stream.Stream<Path> files = Files.walk(projectDir)) {
            files.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".java")) && !hidden(projectDir, p);
            }).forEach(p -> {
                try {
                    Instant t = Files.getLastModifiedTime(p).toInstant();
                    if (t.isAfter(savedAt) && (newest[0] == null || t.isAfter(newest[0].at()))) {
                        newest[0] = new FileChange(p, t);
                    }
                } catch (IOException e) {
                    // a file gone while walking changed nothing the copy could overwrite
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            System.getLogger(RecoveryStore.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not look for changes in " + projectDir, e);
        }
        return Optional.ofNullable(newest[0]);
    }

    /** Inside a hidden folder of the project (the designer's own sidecar folder holds run history, not config). */
    private static boolean hidden(Path projectDir, Path p) {
        Path rel = projectDir.relativize(p);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            if (rel.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Forgets the recovery copy of {@code projectDir} (after a save, or when the user declines it). */
    public void discard(Path projectDir) throws IOException {
        Files.deleteIfExists(fileFor(projectDir.toAbsolutePath().normalize()));
    }

    /** Project folders that have a recovery copy: what to offer at start-up. */
    public List<Path> pending() {
        List<Path> projects = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return projects;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                try {
                    String p = ConfigJson.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8)).path("projectDir").asText();
                    if (!p.isEmpty()) {
                        projects.add(Path.of(p));
                    }
                } catch (IOException | RuntimeException e) {
                    // a damaged copy is not offered
                    System.getLogger(RecoveryStore.class.getName()).log(System.Logger.Level.DEBUG, () -> "the recovery copy " + f + " is damaged; not offered", e);
                }
            }
        } catch (IOException e) {
            return projects;
        }
        projects.sort(null);
        return projects;
    }

    /** One file per project, named by a hash of its absolute path (plus the folder name, for people). */
    private Path fileFor(Path project) {
        String name = project.getFileName() == null ? "root" : project.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve(name + "-" + hash(project.toString()) + ".json");
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
