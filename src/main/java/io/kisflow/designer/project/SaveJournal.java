package io.kisflow.designer.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisflow.config.UnfinishedSave;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The record of one save in progress, kept in the saved folder as {@value UnfinishedSave#JOURNAL}
 * (JSON, so no KisFlow loader reads it) from before the first temporary file is written until every
 * file is in place. It lists each file of the save with the names of its new text (an
 * {@code image}) and of a second name of its old content (a {@code backup}), and says how far the
 * save got:
 * <ul>
 * <li>{@link State#PREPARE}: images and backups are being written; no config file was touched.
 *     Recovery removes them: the folder stays as it was.</li>
 * <li>{@link State#APPLY}: every image and backup is on disk; files are being put in place.
 *     Recovery puts every image in place: the folder becomes entirely new.</li>
 * <li>{@link State#ROLLBACK}: putting files in place failed; recovery puts every backup back:
 *     the folder becomes entirely old.</li>
 * </ul>
 * Every step of a recovery can be done twice with the same result (files are put in place by
 * renaming a fresh link to the image, never by moving the image itself), so a crash during recovery
 * is recovered the same way on the next open. Images and backups are removed only after the journal.
 */
final class SaveJournal {
    enum State { PREPARE, APPLY, ROLLBACK }

    /** One file of the save; {@code image} is null for a deletion, {@code backup} null for a new file. */
    record Entry(FileChange.Kind kind, Path target, Path image, Path backup, Path via) {
    }

    static final String TEMP_SUFFIX = AtomicFiles.TEMP_SUFFIX;
    private static final int VERSION = 1;

    private final Path root;
    private final String id;
    private final String startedAt;
    private final List<Entry> entries;
    private final List<Path> createdDirs;
    private State state;

    private SaveJournal(Path root, String id, String startedAt, List<Entry> entries, List<Path> createdDirs, State state) {
        this.root = root;
        this.id = id;
        this.startedAt = startedAt;
        this.entries = entries;
        this.createdDirs = createdDirs;
        this.state = state;
    }

    /** A journal for new files at {@code targets} (kinds alike), the temporary names chosen beside each target. */
    static SaveJournal plan(Path root, List<FileChange.Kind> kinds, List<Path> targets, List<Path> createdDirs) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            FileChange.Kind kind = kinds.get(i);
            Path target = targets.get(i).toAbsolutePath().normalize();
            Path dir = target.getParent();
            String base = ".kisflow-" + id + "-" + i;
            entries.add(new Entry(kind, target,
                    kind == FileChange.Kind.DELETE ? null : dir.resolve(base + ".new" + TEMP_SUFFIX),
                    kind == FileChange.Kind.CREATE ? null : dir.resolve(base + ".old" + TEMP_SUFFIX),
                    dir.resolve(base + ".put" + TEMP_SUFFIX)));
        }
        return new SaveJournal(root, id, Instant.now().toString(), List.copyOf(entries), List.copyOf(createdDirs), State.PREPARE);
    }

    static Path file(Path root) {
        return root.resolve(UnfinishedSave.JOURNAL);
    }

    Path file() {
        return file(root);
    }

    List<Entry> entries() {
        return entries;
    }

    State state() {
        return state;
    }

    /** Records the new state on disk, atomically: the journal is always either the old record or the new one. */
    void write(State newState, AtomicFiles disk) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", VERSION);
        doc.put("what", "an unfinished save of KisFlow Studio; opening this folder in the designer finishes or undoes it");
        doc.put("state", newState.name());
        doc.put("id", id);
        doc.put("startedAt", startedAt);
        List<Object> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", e.kind().name());
            m.put("target", rel(e.target()));
            if (e.image() != null) {
                m.put("image", rel(e.image()));
            }
            if (e.backup() != null) {
                m.put("backup", rel(e.backup()));
            }
            m.put("via", rel(e.via()));
            list.add(m);
        }
        doc.put("files", list);
        doc.put("createdFolders", createdDirs.stream().map(this::rel).toList());
        disk.write(file(root), StateJson.writeInOrder(doc));
        state = newState;
    }

    private String rel(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private Path abs(JsonNode n) {
        return n == null || n.isNull() ? null : root.resolve(n.asText()).normalize();
    }

    /** The journal left in {@code root}, if any. */
    static Optional<SaveJournal> read(Path root) throws IOException {
        Path f = file(root);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        JsonNode doc;
        try {
            doc = StateJson.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(f + " records an unfinished save but cannot be read (" + e.getMessage() + "). The folder may"
                    + " hold a mix of old and new files; check them, then delete " + f + " to open the folder as it is.", e);
        }
        if (doc == null || doc.path("version").asInt() != VERSION || !doc.path("files").isArray()) {
            throw new IOException(f + " records an unfinished save in a form this version does not know. The folder may hold"
                    + " a mix of old and new files; check them, then delete " + f + " to open the folder as it is.");
        }
        SaveJournal j = new SaveJournal(root, doc.path("id").asText(), doc.path("startedAt").asText(), new ArrayList<>(),
                new ArrayList<>(), State.valueOf(doc.path("state").asText("PREPARE")));
        for (JsonNode e : doc.path("files")) {
            j.entries.add(new Entry(FileChange.Kind.valueOf(e.path("kind").asText()), j.abs(e.get("target")), j.abs(e.get("image")),
                    j.abs(e.get("backup")), j.abs(e.get("via"))));
        }
        for (JsonNode d : doc.path("createdFolders")) {
            j.createdDirs.add(j.abs(d));
        }
        return Optional.of(j);
    }

    // ---- the steps -----------------------------------------------------------------------------

    /** Puts every image in place and deletes what the save deletes, in order. Safe to repeat. */
    void redo(AtomicFiles disk) throws IOException {
        for (Entry e : entries) {
            if (e.kind() == FileChange.Kind.DELETE) {
                Files.deleteIfExists(e.target());
            } else {
                if (!Files.exists(e.image())) {
                    throw new IOException("the new text of " + e.target() + " (" + e.image() + ") is missing");
                }
                disk.install(e.image(), e.via(), e.target());
            }
        }
    }

    /**
     * Puts every backup back and removes every new file, last first; returns what could not be
     * undone ("" when all was). Safe to repeat.
     */
    String undo(AtomicFiles disk) {
        StringBuilder failures = new StringBuilder();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            try {
                if (e.kind() == FileChange.Kind.CREATE) {
                    if (Files.exists(e.target()) && Files.exists(e.image()) && sameContent(e.image(), e.target())) {
                        Files.delete(e.target());
                    }
                } else if (Files.exists(e.backup())) {
                    disk.install(e.backup(), e.via(), e.target());
                } else {
                    throw new IOException("its old content (" + e.backup() + ") is missing");
                }
            } catch (IOException | RuntimeException ex) {
                failures.append(failures.length() == 0 ? "" : "; ").append(e.target()).append(": ").append(ex.getMessage());
            }
        }
        return failures.toString();
    }

    private static boolean sameContent(Path a, Path b) throws IOException {
        return Files.isSameFile(a, b) || Files.mismatch(a, b) == -1L;
    }

    /** Removes the journal first (the save is then decided), then every temporary name and the folders made for the save if it was undone. */
    void finish(boolean undone) throws IOException {
        Files.deleteIfExists(file(root));
        removeTemporaries();
        if (undone) {
            for (int i = createdDirs.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(createdDirs.get(i));
                } catch (IOException e) {
                    // not empty: someone put a file there; an empty folder left behind loses nothing
                    Path dir = createdDirs.get(i);
                    System.getLogger(SaveJournal.class.getName()).log(System.Logger.Level.DEBUG, () -> "kept the folder " + dir + " the undone save had created", e);
                }
            }
        }
    }

    private void removeTemporaries() {
        for (Entry e : entries) {
            for (Path p : new Path[] {e.image(), e.backup(), e.via()}) {
                try {
                    if (p != null) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ex) {
                    // left for the sweep of the next open
                    System.getLogger(SaveJournal.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not delete the temporary file " + p + "; the next open sweeps it", ex);
                }
            }
        }
    }

    // ---- recovery when a folder is opened ------------------------------------------------------

    /**
     * Finishes or undoes a save that a crash interrupted in {@code root}, then removes temporary
     * files that crashes left in the folder (also those of versions before the journal). Returns a
     * sentence saying what was done, or empty when there was nothing to do.
     *
     * @throws IOException when the save can neither be finished nor undone (the message says which files to check)
     */
    static Optional<String> recover(Path root, AtomicFiles disk) throws IOException {
        Optional<SaveJournal> found = read(root);
        String what = null;
        if (found.isPresent()) {
            SaveJournal j = found.get();
            int n = j.entries.size();
            String files = n + (n == 1 ? " file" : " files");
            switch (j.state) {
                case PREPARE -> {
                    j.finish(true);
                    what = "A save started " + j.startedAt + " was interrupted before it changed any file; it was discarded"
                            + " and the folder is as it was before that save.";
                }
                case APPLY -> {
                    try {
                        j.redo(disk);
                    } catch (IOException | RuntimeException e) {
                        throw new IOException("A save started " + j.startedAt + " was interrupted and cannot be finished ("
                                + e.getMessage() + "). The folder may hold a mix of old and new files: check them, then delete "
                                + file(root) + " to open the folder as it is.", e);
                    }
                    j.finish(false);
                    what = "A save started " + j.startedAt + " was interrupted while writing " + files + "; it was finished"
                            + " on opening, so every file is as that save meant it.";
                }
                case ROLLBACK -> {
                    String failures = j.undo(disk);
                    if (!failures.isEmpty()) {
                        throw new IOException("A save started " + j.startedAt + " failed and could not be undone for " + failures
                                + ". Check those files, then delete " + file(root) + " to open the folder as it is.");
                    }
                    j.finish(true);
                    what = "A save started " + j.startedAt + " failed and was interrupted while being undone; it was undone"
                            + " on opening, so every file is as it was before that save.";
                }
            }
        }
        int swept = sweep(root);
        if (swept > 0) {
            String s = "Removed " + swept + " temporary " + (swept == 1 ? "file" : "files") + " left by an interrupted save.";
            what = what == null ? s : what + " " + s;
        }
        return Optional.ofNullable(what);
    }

    /**
     * Deletes the designer's temporary files ({@code .*.kisflow-tmp}) below {@code root}, without
     * following links; folders that cannot be read are passed over.
     */
    static int sweep(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] count = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                // version control keeps no configs and can hold many thousand files
                return d.getFileName() != null && d.getFileName().toString().equals(".git")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) throws IOException {
                String n = p.getFileName().toString();
                if (attrs.isRegularFile() && n.startsWith(".") && n.endsWith(TEMP_SUFFIX) && Files.deleteIfExists(p)) {
                    count[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return count[0];
    }
}
