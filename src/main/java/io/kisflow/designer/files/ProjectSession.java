package io.kisflow.designer.files;

import io.kisflow.config.Problem;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.project.FileProgress;
import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.designer.project.RecentProjects;
import io.kisflow.designer.project.Recovered;
import io.kisflow.designer.project.RecoveryStore;
import io.kisflow.designer.project.SavePlan;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The open project's files: opening a directory (valid objects open, problems listed, nothing
 * written), planning and applying Save and "Export to...", autosaving a recovery copy of unsaved
 * work and offering it back after a crash, and the recent-projects list. No JavaFX nodes: the
 * window shows the plans and questions this returns.
 *
 * <pre>{@code SavePlan plan = session.planSave(); if (userAgrees(plan)) session.applySave(plan);}</pre>
 */
public final class ProjectSession {
    private final ProjectDocument doc;
    private final RecoveryStore recovery;
    private final RecentProjects recents;
    private final Supplier<DesignState> stateToSave;
    private final ReadOnlyObjectWrapper<ProjectFiles> files = new ReadOnlyObjectWrapper<>(this, "files");
    private final ObservableList<Problem> loadProblems = FXCollections.observableArrayList();
    private final ObservableList<Path> recentList = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyLongWrapper saves = new javafx.beans.property.ReadOnlyLongWrapper(this, "saves");
    private volatile DesignState lastAutosaved;
    /**
     * Goes up each time the recovery copy is dropped because the work is settled (saved, undone back
     * to the files, or let go with "Don't save"): an autosave prepared before that must not write.
     */
    private volatile long settled;
    private boolean opening;

    /**
     * @param stateToSave the document's state with the current zoom and pan in its layout (the
     *                    canvas knows those; they are saved but are not edits)
     */
    public ProjectSession(ProjectDocument doc, Path stateDir, Supplier<DesignState> stateToSave) {
        this.doc = doc;
        this.recovery = new RecoveryStore(stateDir);
        this.recents = new RecentProjects(stateDir);
        this.stateToSave = stateToSave;
        refreshRecents();
        // a recovery copy exists only while the document differs from the files: undoing back to
        // the saved state drops it at once (opening a project is not that: its copy is offered first)
        doc.dirtyProperty().addListener((o, was, dirty) -> {
            if (!dirty && !opening && directory() != null) {
                discardQuietly();
            }
        });
    }

    /**
     * Opens a KisFlow config directory. Returns the recovery copy of unsaved work found for it, if
     * any and if it differs from what the directory holds; the caller asks the user whether to
     * {@link #restore} it or {@link #discardRecovery()}.
     */
    public Optional<Recovered> open(Path dir) throws IOException {
        return open(read(dir));
    }

    /** Reads a project directory, on any thread: the designer reads its first project while it builds the window. */
    public static ProjectFiles read(Path dir) throws IOException {
        return read(dir, FileProgress.NONE);
    }

    /** {@link #read(Path)} reporting the files read; a cancel throws {@link java.util.concurrent.CancellationException}. */
    public static ProjectFiles read(Path dir, FileProgress progress) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new IOException(d + " is not a directory: choose the folder that holds the project's .yaml files.");
        }
        return ProjectFiles.open(d, progress);
    }

    /** {@link #open(Path)} of a project already {@link #read}. */
    public Optional<Recovered> open(ProjectFiles opened) throws IOException {
        Path d = opened.directory();
        show(opened);
        try {
            recents.add(d);
        } catch (IOException e) {
            doc.tell(StatusMessage.error("Could not update the recent projects list: " + e.getMessage()));
        }
        refreshRecents();
        Optional<Recovered> found = recovery.find(d);
        DesignState onDisk = doc.savedState();
        if (found.isPresent() && new DesignState(found.get().configs(), found.get().layout(), codeOf(found.get(), onDisk)).withoutView().equals(onDisk.withoutView())) {
            discardRecovery(); // nothing in it that the files do not hold
            return Optional.empty();
        }
        return found;
    }

    /** Creates an empty project in an empty (or new) directory and opens it. */
    public void createNew(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        show(ProjectFiles.createNew(d));
        recents.add(d);
        refreshRecents();
    }

    private void show(ProjectFiles opened) {
        files.set(opened);
        DesignState state = new DesignState(opened.configs(), opened.layout(), opened.code());
        loadProblems.setAll(opened.loadProblems());
        openDocument(opened.directory(), state, state);
        lastAutosaved = state;
        int errors = (int) opened.loadProblems().stream().filter(Problem::isError).count();
        String recovered = opened.recoveryNote().map(n -> " " + n).orElse("");
        doc.tell(errors == 0 ? StatusMessage.info("Opened " + opened.directory() + (recovered.isEmpty() ? "" : "." + recovered))
                : StatusMessage.error("Opened " + opened.directory() + " with " + errors + (errors == 1 ? " error" : " errors")
                + ": see Problems. Nothing in the directory changes until you save." + recovered));
    }

    /** Takes the recovered work as the current, unsaved state. */
    public void restore(Recovered r) {
        DesignState recovered = new DesignState(r.configs(), r.layout(), codeOf(r, doc.savedState()));
        openDocument(directory(), doc.savedState(), recovered);
        lastAutosaved = recovered;
        // the copy holds the work, not its history: say so, so that an empty Undo does not surprise
        doc.tell(StatusMessage.info("Restored the copy of " + LocalTimes.describe(r.savedAt())
                + ". Save to keep it. Undo starts from here: the steps before the copy were not kept."));
    }

    /** A copy that does not know the sources (written before the designer kept them) keeps the files'. */
    private static java.util.Map<String, String> codeOf(Recovered r, DesignState onDisk) {
        return r.code() == null ? onDisk.code() : r.code();
    }

    private void openDocument(Path dir, DesignState saved, DesignState current) {
        opening = true;
        try {
            doc.open(dir, saved, current);
        } finally {
            opening = false;
        }
    }

    /** Drops the recovery copy of the open project: the user declined it, or the work is settled. */
    public synchronized void discardRecovery() throws IOException {
        settled++;
        lastAutosaved = doc.state();
        recovery.discard(directory());
    }

    private void discardQuietly() {
        try {
            discardRecovery();
        } catch (IOException e) {
            doc.tell(StatusMessage.error("Could not remove the recovery copy: " + e.getMessage()));
        }
    }

    /** What Save would write into the project directory. */
    public SavePlan planSave() {
        return planSave(stateToSave());
    }

    /**
     * The state Save writes, taken now on the UI thread. It is a value: a save running on a worker
     * thread writes exactly it, whatever is edited meanwhile.
     */
    public DesignState stateToSave() {
        return stateToSave.get();
    }

    /** What saving {@code s} (taken with {@link #stateToSave()}) would write into the project directory. */
    public SavePlan planSave(DesignState s) {
        return requireFiles().planSave(s.configs(), s.layout(), directory(), s.renamesSince(doc.savedState()), s.code());
    }

    /** Writes the plan; the written state becomes the saved baseline and the recovery copy is dropped. */
    public void applySave(SavePlan plan) throws IOException {
        DesignState written = stateToSave.get();
        writeSave(plan, FileProgress.NONE);
        saved(plan, written);
    }

    /**
     * The disk half of a save, on any thread: writes the plan all or nothing, reporting each file.
     * Touches no property; {@link #saved} follows on the UI thread. A cancel (before the save is
     * decided) throws {@link java.util.concurrent.CancellationException} with every file as before.
     */
    public void writeSave(SavePlan plan, FileProgress progress) throws IOException {
        requireFiles().apply(plan, progress);
    }

    /**
     * After {@link #writeSave}, on the UI thread: {@code written} (the state the plan was made from)
     * becomes the saved baseline. Edits made while the save ran stay unsaved, and their recovery
     * copy is kept; with none, the copy is dropped.
     */
    public void saved(SavePlan plan, DesignState written) {
        doc.markSaved(written);
        if (doc.state().withoutView().equals(written.withoutView())) {
            discardQuietly();
            lastAutosaved = written;
        }
        saves.set(saves.get() + 1);
        doc.tell(StatusMessage.info(plan.isEmpty() ? "Nothing to save." : "Saved: " + plan.summary() + " in " + plan.targetDir()));
    }

    /** What "Export to..." would write into another directory: the canonical KisFlow YAML, no sidecar. */
    public SavePlan planExport(Path target) throws IOException {
        return planExport(target, stateToSave());
    }

    /** What exporting {@code s} (taken with {@link #stateToSave()}) into {@code target} would write. */
    public SavePlan planExport(Path target, DesignState s) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        if (t.equals(directory())) {
            throw new IOException("Export writes to another directory; use Save to write into " + directory() + ".");
        }
        return requireFiles().planSave(s.configs(), s.layout(), t, null, s.code());
    }

    public void applyExport(SavePlan plan) throws IOException {
        writeExport(plan, FileProgress.NONE);
        exported(plan);
    }

    /**
     * The disk half of an export, on any thread: all or nothing like a save (folders it creates are
     * removed again when it fails or is cancelled).
     */
    public void writeExport(SavePlan plan, FileProgress progress) throws IOException {
        requireFiles().apply(plan, progress);
    }

    /** After {@link #writeExport}, on the UI thread. */
    public void exported(SavePlan plan) {
        doc.tell(StatusMessage.info("Exported: " + plan.summary() + " to " + plan.targetDir()));
    }

    /**
     * Writes a recovery copy when there is unsaved work that was not autosaved yet; returns whether
     * it wrote. With no unsaved work it drops the copy instead. Call on the UI thread, or use
     * {@link #settledCount()} with the three-argument form from another thread.
     */
    public boolean autosave(DesignState current, boolean dirty) throws IOException {
        return autosave(current, dirty, settled);
    }

    /**
     * The autosave of a state taken earlier on the UI thread, with {@link #settledCount()} taken at
     * the same time: it writes nothing when the work was settled since (a copy written then would
     * bring back work that was undone, saved or let go). Safe to call from any thread.
     */
    public synchronized boolean autosave(DesignState current, boolean dirty, long settledWhenTaken) throws IOException {
        Path dir = directory();
        if (dir == null || settledWhenTaken != settled || current.equals(lastAutosaved)) {
            return false;
        }
        if (!dirty) {
            recovery.discard(dir);
            lastAutosaved = current;
            return false;
        }
        recovery.save(dir, current.configs(), current.layout(), current.code());
        lastAutosaved = current;
        return true;
    }

    /** How often the work was settled so far; see {@link #autosave(DesignState, boolean, long)}. */
    public long settledCount() {
        return settled;
    }

    /**
     * The project is closed normally (after saving, or with "Don't save", or with nothing unsaved):
     * the recovery copy is no longer wanted, and no autosave prepared before writes one again.
     */
    public void closeWithoutSaving() throws IOException {
        if (directory() != null) {
            discardRecovery();
        }
    }

    private void refreshRecents() {
        recentList.setAll(recents.list());
    }

    private ProjectFiles requireFiles() {
        ProjectFiles f = files.get();
        if (f == null) {
            throw new IllegalStateException("no project is open");
        }
        return f;
    }

    public Path directory() {
        return doc.directory();
    }

    /** Increases after every save into the project directory (the files are the new baseline). */
    public javafx.beans.property.ReadOnlyLongProperty savesProperty() {
        return saves.getReadOnlyProperty();
    }

    /**
     * The text Save would leave in the file of {@code ref}: the planned new text when the plan
     * changes or creates that file, the file as it is when the plan leaves it alone; null when the
     * object has no file and the plan creates none for it.
     */
    public String savedTextOf(io.kisflow.config.ObjectRef ref) {
        ProjectFiles f = files.get();
        if (f == null) {
            return null;
        }
        io.kisflow.config.Origin origin = f.origins().get(doc.savedNameOf(ref));
        // a new file is named as Go's export names it, with the project's extension (.yml or .yaml)
        String goName = io.kisflow.config.ConfigExporter.fileName(ref);
        String newFileName = goName.substring(0, goName.length() - ".yaml".length());
        SavePlan plan = planSave();
        for (var change : plan.changes()) {
            boolean ownFile = origin != null ? change.path().equals(origin.file())
                    : change.kind() == io.kisflow.designer.project.FileChange.Kind.CREATE
                    && (change.path().getFileName().toString().equals(newFileName + ".yaml")
                    || change.path().getFileName().toString().equals(newFileName + ".yml"));
            if (ownFile) {
                return change.newText();
            }
        }
        try {
            return origin != null && Files.isRegularFile(origin.file()) ? Files.readString(origin.file()) : null;
        } catch (IOException e) {
            System.getLogger(ProjectSession.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not read " + origin.file() + " to compare it with the save", e);
            return null;
        }
    }

    /** How Save names and lays out the file of a new object in this project; null with no project open. */
    public ProjectFiles.NewFile newFileOf(io.kisflow.config.ObjectRef ref) {
        ProjectFiles f = files.get();
        return f == null ? null : f.newFile(ref);
    }

    public ReadOnlyObjectProperty<ProjectFiles> filesProperty() {
        return files.getReadOnlyProperty();
    }

    public ObservableList<Problem> loadProblems() {
        return loadProblems;
    }

    /** Most recent first. */
    public ObservableList<Path> recentProjects() {
        return recentList;
    }
}
