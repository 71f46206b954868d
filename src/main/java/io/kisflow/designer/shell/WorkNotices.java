package io.kisflow.designer.shell;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.RunRecord;
import io.kisflow.designer.debug.SessionState;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * ControlsFX notifications for long work that ended where the user may not be looking: a save that
 * wrote many files, an export, a run that ended while the window was in the background or the Run
 * tab hidden (a short run seen on the cards needs no popup). The rules are plain methods, so they are
 * tested without a window.
 *
 * <pre>{@code WorkNotices notices = new WorkNotices(() -> stage);
 * notices.watchRuns(vm.debugger.sessionProperty(), stage::isFocused, () -> runTab.isSelected());}</pre>
 */
final class WorkNotices {
    /** A save of this many files or more is worth a notice (a few files are seen in the status line). */
    static final int MANY_FILES = 20;
    /** A run this long (wall time) that ended on another tab is worth a notice. */
    static final long LONG_RUN_NANOS = 2_000_000_000L;

    private final Supplier<Window> owner;
    /** Title and text of each notice shown, newest last (tests read it; nothing else keeps them). */
    private final ObservableList<String> shown = FXCollections.observableArrayList();

    WorkNotices(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** File work this long (open, save) gets a notice whatever its number of files. */
    static final long LONG_FILE_WORK_NANOS = 1_000_000_000L;

    static boolean afterSave(int files) {
        return afterSave(files, 0);
    }

    static boolean afterSave(int files, long nanos) {
        return files >= MANY_FILES || nanos >= LONG_FILE_WORK_NANOS;
    }

    static boolean afterRun(boolean windowFocused, boolean runTabShown, long wallNanos) {
        return !windowFocused || !runTabShown && wallNanos >= LONG_RUN_NANOS;
    }

    /** After Save: a notice when it wrote many files. */
    void saved(int files, String where) {
        saved(files, where, 0);
    }

    /** After Save that took {@code nanos}: a notice when it wrote many files or took long. */
    void saved(int files, String where, long nanos) {
        if (afterSave(files, nanos)) {
            show("Saved", files + (files == 1 ? " file" : " files") + " written to " + where + ".", false);
        }
    }

    /** After opening a project of {@code objects} objects that took {@code nanos}: a notice when it took long. */
    void opened(int objects, String where, long nanos) {
        if (nanos >= LONG_FILE_WORK_NANOS) {
            show("Opened", where + ": " + objects + (objects == 1 ? " object" : " objects") + " loaded.", false);
        }
    }

    /** After reloading plugins that took long: a notice, a warning when they could not be loaded. */
    void pluginsReloaded(String result, boolean ok, long nanos) {
        if (!ok || nanos >= LONG_FILE_WORK_NANOS) {
            show(ok ? "Plugins reloaded" : "Plugins not reloaded", result, !ok);
        }
    }

    /** After Export: always a notice (an export is asked for and may take a while). */
    void exported(int files, String where) {
        show("Exported", files + (files == 1 ? " file" : " files") + " written to " + where + ".", false);
    }

    /** Watches the runs of every session the debugger opens. */
    void watchRuns(javafx.beans.value.ObservableValue<DebugSession> sessions, BooleanSupplier windowFocused, BooleanSupplier runTabShown) {
        javafx.beans.value.ChangeListener<SessionState> ended = (o, was, now) -> {
            DebugSession s = sessions.getValue();
            if (s == null || was != SessionState.RUNNING && was != SessionState.PAUSED || now.isActive()) {
                return;
            }
            var flow = s.flow(s.activeFlowProperty().get());
            RunRecord run = flow == null ? null : flow.lastRunProperty().get();
            if (run != null && afterRun(windowFocused.getAsBoolean(), runTabShown.getAsBoolean(), run.durationNanos())) {
                show("Run " + now.name().toLowerCase(java.util.Locale.ROOT), s.messageProperty().get(), now != SessionState.FINISHED);
            }
        };
        sessions.addListener((o, old, now) -> {
            if (old != null) {
                old.stateProperty().removeListener(ended);
            }
            if (now != null) {
                now.stateProperty().addListener(ended);
            }
        });
        if (sessions.getValue() != null) {
            sessions.getValue().stateProperty().addListener(ended);
        }
    }

    private void show(String title, String text, boolean warning) {
        shown.add(title + ": " + text);
        Window w = owner.get();
        if (w == null || !w.isShowing()) {
            return;
        }
        Notifications n = Notifications.create().owner(w).title(title).text(text)
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(6));
        if (warning) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }

    ObservableList<String> shown() {
        return shown;
    }
}
