package io.kisflow.designer.shell;

import io.kisflow.designer.document.StatusMessage;
import io.kisflow.config.KistypeRepair;
import io.kisflow.designer.files.FileDialogs;
import io.kisflow.designer.files.KistypeRepairDialog;
import io.kisflow.designer.files.KistypeRepairs;
import io.kisflow.designer.files.ProjectSession;
import io.kisflow.designer.files.ProjectWork;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.files.Questions;
import io.kisflow.designer.files.SavePlanDialog;
import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.designer.project.Recovered;
import io.kisflow.designer.project.SavePlan;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The File menu's conversations: open (offering recovered work), save and export (showing the
 * plan first), new project, and the unsaved-changes question before anything that would drop
 * work. Open, Save and Export read and write off the UI thread ({@link ProjectWork}: progress and
 * Cancel in the status bar, a notice when long work ends). Failures are shown as messages naming
 * the directory; nothing is half-written (the project package writes all or nothing).
 */
public final class FileCommands {
    private final DesignerViewModel vm;
    private final FileDialogs dialogs;
    private final Supplier<Window> owner;

    private final WorkNotices notices;

    FileCommands(DesignerViewModel vm, FileDialogs dialogs, Supplier<Window> owner, WorkNotices notices) {
        this.notices = notices;
        this.vm = vm;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    private ProjectSession session() {
        return vm.session;
    }

    /** Opens a project directory on the calling thread (start-up, tests); returns false (after telling the user why) when it could not. */
    public boolean openProject(Path dir) {
        return openProject(dir, null);
    }

    /**
     * {@link #openProject(Path)} of a project whose files were read beforehand ({@link ProjectSession#read},
     * off the UI thread at start-up); null reads them now.
     */
    public boolean openProject(Path dir, ProjectFiles alreadyRead) {
        try {
            show(alreadyRead == null ? ProjectSession.read(dir) : alreadyRead);
            return true;
        } catch (IOException | RuntimeException e) {
            Questions.error(owner.get(), "Could not open " + dir, message(e)).showAndWait();
            return false;
        }
    }

    /**
     * What Open and Open Recent do: reads the folder off the UI thread with its progress and Cancel in
     * the status bar, then shows it. A cancel or a failure leaves the project open before as it is.
     * The future says whether the folder was opened.
     */
    public CompletableFuture<Boolean> openInBackground(Path dir) {
        Path before = session().directory();
        return vm.files.read(dir).handle((files, error) -> {
            if (error == null) {
                try {
                    show(files);
                    notices.opened(files.origins().size(), projectName(), vm.files.lastNanos());
                    return true;
                } catch (IOException | RuntimeException e) {
                    error = e;
                }
            }
            if (ProjectWork.isCancel(error)) {
                vm.document.tell(StatusMessage.info("Opening " + dir + " was cancelled; "
                        + (before == null ? "no project is open." : before + " is still open, as it was.")));
            } else {
                Questions.error(owner.get(), "Could not open " + dir, ProjectWork.describe(error)).showAndWait();
            }
            return false;
        });
    }

    /** Shows a project that was read: the kistype repair and the recovered work are offered first. */
    private void show(ProjectFiles read) throws IOException {
        Optional<Recovered> recovered = offerKistypeRepair(session().open(read));
        vm.canvas.showOpened();
        if (recovered.isPresent()) {
            // opened before the window was first shown (start-up): the question needs the window behind it
            if (owner.get() instanceof javafx.stage.Stage stage && !stage.isShowing()) {
                stage.show();
            }
            java.nio.file.Path dir = session().directory();
            ButtonType answer = Questions.restoreOffer(owner.get(), projectName(), recovered.get().savedAt(),
                            io.kisflow.designer.project.RecoveryStore.changedAfter(dir, recovered.get().savedAt()), dir)
                    .showAndWait().orElse(Questions.DISCARD);
            if (answer == Questions.RESTORE) {
                session().restore(recovered.get());
            } else {
                session().discardRecovery();
            }
        }
    }

    /** Go's kistype: "" files are repaired only when the user accepts; before the recovery offer, which reopening recomputes. */
    private Optional<Recovered> offerKistypeRepair(Optional<Recovered> recovered) throws IOException {
        List<KistypeRepair.Fix> fixes = KistypeRepairs.found(session());
        if (fixes.isEmpty()) {
            return recovered;
        }
        // opened before the window was first shown (start-up): the question needs the window behind it
        if (owner.get() instanceof javafx.stage.Stage stage && !stage.isShowing()) {
            stage.show();
        }
        ButtonType answer = KistypeRepairDialog.create(owner.get(), session().directory(), fixes).showAndWait()
                .orElse(KistypeRepairDialog.NOT_NOW);
        return answer == KistypeRepairDialog.REPAIR ? KistypeRepairs.repair(session(), vm.document, fixes) : recovered;
    }

    public void open() {
        if (!settleUnsaved("opening another project")) {
            return;
        }
        dialogs.chooseDirectory(owner.get(), "Open a KisFlow config directory", session().directory()).ifPresent(this::openInBackground);
    }

    public void openRecent(Path dir) {
        if (settleUnsaved("opening another project")) {
            openInBackground(dir);
        }
    }

    public void newProject() {
        if (!settleUnsaved("starting a new project")) {
            return;
        }
        dialogs.chooseDirectory(owner.get(), "Choose an empty directory for the new project", null).ifPresent(dir -> {
            try {
                session().createNew(dir);
                vm.canvas.showOpened();
            } catch (IOException | RuntimeException e) {
                Questions.error(owner.get(), "Could not create a project in " + dir, message(e)).showAndWait();
            }
        });
    }

    /**
     * Save: shows the plan, then writes it off the UI thread (progress and Cancel in the status bar).
     * The future says whether the project is saved afterwards; it completes on the UI thread.
     */
    public CompletableFuture<Boolean> save() {
        DesignState state;
        SavePlan plan;
        try {
            state = session().stateToSave(); // what this save writes, whatever is edited while it runs
            plan = session().planSave(state);
        } catch (RuntimeException e) {
            Questions.error(owner.get(), "Could not save " + session().directory(), message(e) + UNLOST).showAndWait();
            return CompletableFuture.completedFuture(false);
        }
        if (plan.isEmpty()) {
            session().saved(plan, state);
            return CompletableFuture.completedFuture(true);
        }
        ButtonType answer = SavePlanDialog.create(owner.get(), plan, "Save").showAndWait().orElse(ButtonType.CANCEL);
        if (answer != SavePlanDialog.WRITE) {
            vm.document.tell(StatusMessage.info("Save cancelled; nothing was written."));
            return CompletableFuture.completedFuture(false);
        }
        return vm.files.save(plan, state).handle((done, error) -> {
            if (error == null) {
                notices.saved(plan.changes().size(), projectName(), vm.files.lastNanos());
                return true;
            }
            if (ProjectWork.isCancel(error)) {
                vm.document.tell(StatusMessage.info("Save cancelled: every file in " + plan.targetDir()
                        + " is as it was before; your changes are still open here."));
            } else {
                Questions.error(owner.get(), "Could not save " + plan.targetDir(), ProjectWork.describe(error) + UNLOST).showAndWait();
            }
            return false;
        });
    }

    private static final String UNLOST = "\n\nYour changes are still open here (and in the recovery copy); nothing was lost.";

    /** Export: shows the plan, then writes it off the UI thread like Save. */
    public void exportTo() {
        dialogs.chooseDirectory(owner.get(), "Export the project's KisFlow YAML to", null).ifPresent(dir -> {
            SavePlan plan;
            try {
                plan = session().planExport(dir, session().stateToSave());
            } catch (IOException | RuntimeException e) {
                Questions.error(owner.get(), "Could not export to " + dir, message(e)).showAndWait();
                return;
            }
            ButtonType answer = SavePlanDialog.create(owner.get(), plan, "Export to " + dir).showAndWait().orElse(ButtonType.CANCEL);
            if (answer != SavePlanDialog.WRITE) {
                return;
            }
            vm.files.export(plan).whenComplete((done, error) -> {
                if (error == null) {
                    notices.exported(plan.changes().size(), dir.toString());
                } else if (ProjectWork.isCancel(error)) {
                    vm.document.tell(StatusMessage.info("Export cancelled: nothing was written to " + dir + "."));
                } else {
                    Questions.error(owner.get(), "Could not export to " + dir, ProjectWork.describe(error)).showAndWait();
                }
            });
        });
    }

    /**
     * With unsaved changes, asks whether to save them first. Returns false when the user cancels
     * (or the save did not happen): the caller then does nothing.
     */
    public boolean settleUnsaved(String doing) {
        if (!vm.document.isDirty()) {
            dropRecoveryCopy(); // nothing unsaved: a copy left from undone work must not come back
            return true;
        }
        ButtonType answer = Questions.unsavedChanges(owner.get(), projectName(), doing).showAndWait().orElse(ButtonType.CANCEL);
        if (answer == Questions.SAVE) {
            return waitFor(save());
        }
        if (answer == Questions.DONT_SAVE) {
            dropRecoveryCopy();
            return true;
        }
        return false;
    }

    /**
     * The answer of work running off the UI thread, for a caller that needs it before going on (close,
     * quit, open another project): the window keeps painting and answering meanwhile (a nested event
     * loop, as a dialog's showAndWait), so the status bar's progress and Cancel work.
     */
    private static boolean waitFor(CompletableFuture<Boolean> done) {
        if (!done.isDone() && javafx.application.Platform.isFxApplicationThread()) {
            Object key = new Object();
            done.whenComplete((v, e) -> javafx.application.Platform.exitNestedEventLoop(key, null));
            javafx.application.Platform.enterNestedEventLoop(key);
        }
        return done.getNow(false);
    }

    private void dropRecoveryCopy() {
        try {
            session().closeWithoutSaving();
        } catch (IOException e) {
            vm.document.tell(StatusMessage.error("Could not remove the recovery copy: " + e.getMessage()));
        }
    }

    private String projectName() {
        Path d = session().directory();
        return d == null ? "The project" : d.getFileName() == null ? d.toString() : d.getFileName().toString();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
