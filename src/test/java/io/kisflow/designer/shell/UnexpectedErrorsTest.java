package io.kisflow.designer.shell;

import io.kisflow.designer.DesignerLog;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.edit.FlowEdits;
import io.kisflow.designer.project.RecoveryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exception nobody caught in the designer (issue 10, §3): the recovery copy of unsaved work is
 * written before anything is shown, the error goes to the log file in the state directory, and one
 * report says what happened in words, with the details and the log's path.
 */
class UnexpectedErrorsTest {
    @TempDir
    Path tmp;
    private DesignerViewModel vm;

    @AfterEach
    void close() {
        DesignerLog.close();
        if (vm != null) {
            vm.debugger.close();
        }
    }

    private Path project() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(project.resolve("func-Greet.yml"), "kistype: func\nfname: Greet\nfmode: Calculate\nsource:\n  name: people\n");
        Files.writeString(project.resolve("flow-Hello.yml"), "kistype: flow\nstatus: 1\nflow_name: Hello\nflows:\n  - fname: Greet\n");
        return project;
    }

    private static void failInTheCanvas() {
        throw new IllegalStateException("lane 7 has no card");
    }

    @Test
    void unsavedWorkIsKeptBeforeTheReportIsShownAndTheErrorIsLogged() throws Exception {
        Path state = tmp.resolve("state");
        Path log = DesignerLog.install(state);
        assertEquals(state.resolve("logs").resolve("designer-0.log"), log);
        Path project = project();
        vm = new DesignerViewModel(state, DebugOptions.defaults());
        vm.session.open(project);
        assertTrue(vm.document.perform(FlowEdits.add("Extra", 0)));

        List<UnexpectedErrors.Report> shown = new ArrayList<>();
        boolean[] copyExistedWhenShown = new boolean[1];
        List<Runnable> closers = new ArrayList<>();
        UnexpectedErrors errors = new UnexpectedErrors(vm::saveRecoveryNow, log, Runnable::run, (report, closed) -> {
            copyExistedWhenShown[0] = new RecoveryStore(state).find(project).isPresent();
            shown.add(report);
            closers.add(closed);
        });
        Throwable error;
        try {
            failInTheCanvas();
            throw new AssertionError("unreachable");
        } catch (IllegalStateException e) {
            error = e;
        }
        errors.handle(Thread.currentThread(), error);

        assertTrue(copyExistedWhenShown[0], "the recovery copy is written before the report shows");
        assertTrue(new RecoveryStore(state).find(project).orElseThrow().configs().flows().containsKey("Extra"));
        UnexpectedErrors.Report r = shown.get(0);
        assertEquals("Something went wrong inside KisFlow Studio (IllegalStateException in UnexpectedErrorsTest.failInTheCanvas:"
                + " lane 7 has no card). The window goes on working; what you were doing last may not have finished.", r.summary());
        assertTrue(r.recovery().startsWith("Your unsaved changes were written to a recovery copy"), r.recovery());
        assertTrue(r.details().contains("thread " + Thread.currentThread().getName()), r.details());
        assertTrue(r.details().contains("at io.kisflow.designer.shell.UnexpectedErrorsTest.failInTheCanvas"), r.details());
        assertEquals(log, r.logFile());
        String logged = Files.readString(log);
        assertTrue(logged.contains("SEVERE [" + Thread.currentThread().getName() + "] io.kisflow.designer.shell.UnexpectedErrors:"
                + " unexpected error in thread "), logged);
        assertTrue(logged.contains("java.lang.IllegalStateException: lane 7 has no card"), logged);

        // while the report is open, more errors are logged, not stacked as dialogs
        errors.handle(Thread.currentThread(), new IllegalArgumentException("again"));
        assertEquals(1, shown.size());
        assertTrue(Files.readString(log).contains("java.lang.IllegalArgumentException: again"));
        closers.get(0).run();
        assertFalse(errors.isShowing());
        errors.handle(Thread.currentThread(), new IllegalArgumentException("later"));
        assertEquals(2, shown.size());
    }

    @Test
    void withNothingUnsavedTheReportSaysSoAndOutOfMemoryIsNamed() throws Exception {
        vm = new DesignerViewModel(tmp.resolve("state"), DebugOptions.defaults());
        vm.session.open(project());
        List<UnexpectedErrors.Report> shown = new ArrayList<>();
        new UnexpectedErrors(vm::saveRecoveryNow, null, Runnable::run, (r, closed) -> shown.add(r))
                .handle(Thread.currentThread(), new RuntimeException("wrapped", new OutOfMemoryError("Java heap space")));
        assertEquals("There were no unsaved changes.", shown.get(0).recovery());
        assertTrue(shown.get(0).summary().startsWith("KisFlow Studio ran out of memory."), shown.get(0).summary());
    }
}
