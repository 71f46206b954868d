package io.kisflow.designer.shell;

import io.kisflow.designer.document.StatusMessage;
import io.kisflow.config.KistypeRepair;
import io.kisflow.designer.files.FileDialogs;
import io.kisflow.designer.files.KistypeRepairDialog;
import io.kisflow.designer.files.KistypeRepairs;
import io.kisflow.designer.files.ProjectSession;
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
import java.util.function.Supplier;

/**
 * The File menu's conversations: open (offering recovered work), save and export (showing the
 * plan first), new project, and the unsaved-changes question before anything that would drop
 * work. Failures are shown as messages naming the directory; nothing is half-written (the project
 * package writes atomically).
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

    /** Opens a project directory; returns false (after telling the user why) when it could not. */
    public boolean openProject(Path dir) {
        return openProject(dir, null);
    }

    /**
     * {@link #openProject(Path)} of a project whose files were read beforehand ({@link ProjectSession#read},
     * off the UI thread at start-up); null reads them now.
     */
    public boolean openProject(Path dir, ProjectFiles alreadyRead) {
        try {
            Optional<Recovered> recovered = offerKistypeRepair(alreadyRead == null ? session().open(dir) : session().open(alreadyRead));
            vm.canvas.showOpened();
            if (recovered.isPresent()) {
                // opened before the window was first shown (start-up): the question needs the window behind it
                if (owner.get() instanceof javafx.stage.Stage stage && !stage.isShowing()) {
                    stage.show();
                }
                ButtonType answer = Questions.restoreOffer(owner.get(), projectName(), recovered.get().savedAt())
                        .showAndWait().orElse(Questions.DISCARD);
                if (answer == Questions.RESTORE) {
                    session().restore(recovered.get());
                } else {
                    session().discardRecovery();
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            Questions.error(owner.get(), "Could not open " + dir, message(e)).showAndWait();
            return false;
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
        dialogs.chooseDirectory(owner.get(), "Open a KisFlow config directory", session().directory()).ifPresent(this::openProject);
    }

    public void openRecent(Path dir) {
        if (settleUnsaved("opening another project")) {
            openProject(dir);
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

    /** Save: shows the plan, writes it when confirmed. Returns true when the project is saved afterwards. */
    public boolean save() {
        try {
            SavePlan plan = session().planSave();
            if (plan.isEmpty()) {
                session().applySave(plan);
                return true;
            }
            ButtonType answer = SavePlanDialog.create(owner.get(), plan, "Save").showAndWait().orElse(ButtonType.CANCEL);
            if (answer != SavePlanDialog.WRITE) {
                vm.document.tell(StatusMessage.info("Save cancelled; nothing was written."));
                return false;
            }
            session().applySave(plan);
            notices.saved(plan.changes().size(), projectName());
            return true;
        } catch (IOException | RuntimeException e) {
            Questions.error(owner.get(), "Could not save " + session().directory(),
                    message(e) + "\n\nYour changes are still open here (and in the recovery copy); nothing was lost.").showAndWait();
            return false;
        }
    }

    public void exportTo() {
        dialogs.chooseDirectory(owner.get(), "Export the project's KisFlow YAML to", null).ifPresent(dir -> {
            try {
                SavePlan plan = session().planExport(dir);
                ButtonType answer = SavePlanDialog.create(owner.get(), plan, "Export to " + dir).showAndWait().orElse(ButtonType.CANCEL);
                if (answer == SavePlanDialog.WRITE) {
                    session().applyExport(plan);
                    notices.exported(plan.changes().size(), dir.toString());
                }
            } catch (IOException | RuntimeException e) {
                Questions.error(owner.get(), "Could not export to " + dir, message(e)).showAndWait();
            }
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
            return save();
        }
        if (answer == Questions.DONT_SAVE) {
            dropRecoveryCopy();
            return true;
        }
        return false;
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
