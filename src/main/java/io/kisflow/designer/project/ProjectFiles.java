package io.kisflow.designer.project;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import io.kisflow.config.Problem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open KisFlow project folder: what was loaded from it (also when some files are broken), the
 * original text of every file, and the designer's layout sidecar; and the saving of edits back into
 * it so that nothing is lost: files of unchanged objects stay byte-identical, changed files keep
 * their comments, key order and unknown keys, and every save is all-or-nothing, also across a crash.
 *
 * <p>Opening writes nothing (but to finish a save a crash interrupted). Saving is two steps, so the user sees what will happen first:
 * {@link #planSave} lists the files to create, change and delete with their old and new text, and
 * {@link #apply} writes them. After a save into the project folder the saved state is the new
 * baseline. Not thread-safe: use it from one thread (the UI's) at a time.
 *
 * <pre>{@code
 * ProjectFiles files = ProjectFiles.open(Path.of("conf"));
 * files.loadProblems().forEach(System.out::println);
 * SavePlan plan = files.planSave(editedConfigs, editedLayout, files.directory());
 * if (!plan.isEmpty() && userConfirms(plan)) files.apply(plan);
 * }</pre>
 */
public final class ProjectFiles {
    private final Path directory;
    private final AtomicFiles disk;
    private final String recoveryNote;
    /** Replaced (never changed) by a save, which may run on a worker thread. */
    private volatile ProjectSnapshot base;
    /** The style of {@link #base}, read on first use (it parses every file) and again after a save. */
    private volatile ProjectStyle style;

    private ProjectFiles(ProjectSnapshot base, AtomicFiles disk, String recoveryNote) {
        this.directory = base.dir();
        this.base = base;
        this.disk = disk;
        this.recoveryNote = recoveryNote;
    }

    /**
     * Loads a project folder with the KisFlow loader: valid objects open, every problem is listed
     * (broken YAML, unknown kinds, a damaged sidecar). Nothing in the folder is modified, except to
     * finish (or undo) a save that a crash interrupted and to remove the temporary files crashes
     * left: {@link #recoveryNote()} then says what was done.
     *
     * @throws IOException when {@code dir} is not a folder, or an interrupted save can neither be finished nor undone
     */
    public static ProjectFiles open(Path dir) throws IOException {
        return open(dir, new AtomicFiles(), FileProgress.NONE);
    }

    /**
     * {@link #open(Path)} reporting the files read; a cancel throws
     * {@link java.util.concurrent.CancellationException} (only after finishing an interrupted save, never half way).
     */
    public static ProjectFiles open(Path dir, FileProgress progress) throws IOException {
        return open(dir, new AtomicFiles(), progress);
    }

    static ProjectFiles open(Path dir, AtomicFiles disk) throws IOException {
        return open(dir, disk, FileProgress.NONE);
    }

    private static ProjectFiles open(Path dir, AtomicFiles disk, FileProgress progress) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        String note = Files.isDirectory(d) ? SaveJournal.recover(d, disk).orElse(null) : null;
        return new ProjectFiles(ProjectSnapshot.read(d, progress), disk, note);
    }

    /**
     * An empty project in {@code dir}, which is created if missing. The folder may hold other files
     * (a README, a .git folder) but no KisFlow YAML: a folder with configs is opened, not created.
     */
    public static ProjectFiles createNew(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw new IOException(d + " is a file; choose a folder for the new project");
        }
        Files.createDirectories(d);
        String note = SaveJournal.recover(d, new AtomicFiles()).orElse(null);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(d, "*.{yml,yaml}")) {
            if (entries.iterator().hasNext()) {
                throw new IOException(d + " already holds KisFlow .yml/.yaml files; open it instead of creating a new project there");
            }
        }
        return new ProjectFiles(ProjectSnapshot.empty(d), new AtomicFiles(), note);
    }

    /**
     * What opening did to a save that a crash interrupted (finished or undone it) and to the
     * temporary files it left, as a sentence for the status line; empty when there was nothing.
     */
    public Optional<String> recoveryNote() {
        return Optional.ofNullable(recoveryNote);
    }

    /** The project folder, absolute. */
    public Path directory() {
        return directory;
    }

    /** The configs as loaded, or as last saved. */
    public ConfigSet configs() {
        return base.configs();
    }

    /** Everything wrong found when loading (errors and warnings, with file and line), sidecar included. */
    public List<Problem> loadProblems() {
        return base.problems();
    }

    /** The file and line each loaded object came from. */
    public Map<ObjectRef, Origin> origins() {
        return base.origins();
    }

    /** The function sources ({@code functions/*.java}) as loaded or last saved: project-relative path to text. */
    public Map<String, String> code() {
        return base.code();
    }

    /**
     * The name Save gives the file of a new object ({@code func-Calc.yml} in a project of
     * {@code .yml} files), and whether its text looks like Export's (Go's {@code .yaml} name and
     * 4-space layout); the YAML tab says so instead of promising Go's name in a {@code .yml} project.
     */
    public synchronized NewFile newFile(ObjectRef ref) {
        if (style == null) {
            style = ProjectStyle.of(base);
        }
        return new NewFile(style.fileName(ref), style.equals(ProjectStyle.GO));
    }

    /** See {@link #newFile(ObjectRef)}. */
    public record NewFile(String name, boolean likeExport) {
    }

    /** The layout from the sidecar, or {@link ProjectLayout#EMPTY} when there is none (or it is unreadable). */
    public ProjectLayout layout() {
        return base.layout();
    }

    /**
     * What saving {@code edited} and {@code layout} into {@code targetDir} would write. With
     * {@code targetDir} equal to {@link #directory()} this is Save; with another folder it is
     * "Export to...": the full canonical export, without the sidecar. Renames are inferred (an
     * object gone and a new one alike but for the name); use the overload to pass them.
     *
     * @throws IllegalArgumentException when a new object's name cannot be a file name (the message names it)
     * @throws java.io.UncheckedIOException when a file of the target cannot be read
     */
    public SavePlan planSave(ConfigSet edited, ProjectLayout layout, Path targetDir) {
        return planSave(edited, layout, targetDir, null);
    }

    /**
     * Like {@link #planSave(ConfigSet, ProjectLayout, Path)} with the renames the designer made since
     * the last save, old ref to new ref (net: a renamed-twice object maps its saved name to its current
     * one); null infers them. A renamed object keeps its file.
     */
    public SavePlan planSave(ConfigSet edited, ProjectLayout layout, Path targetDir, Map<ObjectRef, ObjectRef> renames) {
        return planSave(edited, layout, targetDir, renames, null);
    }

    /**
     * Like {@link #planSave(ConfigSet, ProjectLayout, Path, Map)} with the project's function sources
     * as edited (project-relative path to text; null leaves them as they are): new and changed files
     * are written, files the project no longer has are deleted; an export writes them all.
     */
    public SavePlan planSave(ConfigSet edited, ProjectLayout layout, Path targetDir, Map<ObjectRef, ObjectRef> renames,
                             Map<String, String> code) {
        if (edited == null || targetDir == null) {
            throw new IllegalArgumentException("planSave needs the edited configs and a target folder");
        }
        Path target = targetDir.toAbsolutePath().normalize();
        if (!target.equals(directory)) {
            return SavePlanner.export(edited, target, directory, code);
        }
        ProjectSnapshot b = base; // one snapshot for the whole plan, whatever a save running meanwhile does
        Map<ObjectRef, ObjectRef> r = renames == null
                ? Renames.infer(b.configs(), edited)
                : Renames.checked(renames, b.configs(), edited);
        return SavePlanner.save(b, edited, layout, r, code);
    }

    /**
     * Writes the plan all or nothing: a file changed on disk since the plan was made stops the save
     * before anything is written, a failure half-way restores every file already written, and a
     * crash at any moment is finished or undone when the folder is next opened (see
     * {@link SaveTransaction}). After a save into {@link #directory()} the project is read again and
     * becomes the new baseline.
     *
     * @throws IOException with a message saying what failed and that the files are as before
     */
    public void apply(SavePlan plan) throws IOException {
        apply(plan, FileProgress.NONE);
    }

    /**
     * {@link #apply(SavePlan)} reporting each file; may run on a worker thread while the UI thread
     * plans (it reads {@link #base} once per plan). Cancelled before the save is decided, it throws
     * {@link java.util.concurrent.CancellationException} and every file is as before.
     */
    public void apply(SavePlan plan, FileProgress progress) throws IOException {
        new SaveTransaction(disk).apply(plan, progress);
        if (!plan.isEmpty() && plan.targetDir().toAbsolutePath().normalize().equals(directory)) {
            base = ProjectSnapshot.read(directory, FileProgress.NONE);
            style = null;
        }
    }
}
