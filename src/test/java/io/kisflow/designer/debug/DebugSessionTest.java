package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.Problem;
import io.kisflow.designer.debug.input.InputMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debugger's run control through its view-models: breakpoints, run to here, stop, errors, stand-ins, refusals. */
class DebugSessionTest {
    private final TestFunctions functions = new TestFunctions();
    private SessionDriver driver;

    private DebugSession open(DebugOptions options) {
        DebugSettings settings = DebugSettings.EMPTY;
        for (String flow : List.of("Chain", "Block", "Spin", "Fail", "Print", "Loop", "Store", "Off")) {
            settings = settings.withInput(flow, List.of("a", "b", "c"), InputMode.TEXT);
        }
        driver = new SessionDriver(TestFunctions.project(), settings, options.withExtraPlugins(List.of(functions)));
        return driver.session;
    }

    private DebugSession open() {
        return open(DebugOptions.defaults());
    }

    @AfterEach
    void close() {
        functions.releaseSpinner.set(true);
        if (driver != null) {
            driver.close();
        }
    }

    private static List<Object> rows(CardState card) {
        return card.outputProperty().get() == null ? null : card.outputProperty().get().rows();
    }

    @Test
    void runStopsAtABreakpointBeforeTheFunctionAndContinues() {
        DebugSession s = open();
        s.toggleBreakpoint(new CardKey("Chain", 2));
        assertTrue(s.flow("Chain").card(2).breakpointProperty().get());

        assertTrue(s.run("Chain"));
        driver.await(SessionState.PAUSED);
        FlowDebugState f = s.flow("Chain");
        assertEquals(new CardKey("Chain", 2), s.pausedAtProperty().get());
        assertEquals("Paused before #3 Tail (call 3)", s.messageProperty().get());
        assertEquals(List.of("A", "B", "C"), rows(f.card(0)));
        assertEquals(List.of("A", "B", "C"), rows(f.card(1)));
        assertEquals(CardStatus.CURRENT, f.card(2).statusProperty().get());
        assertEquals(-1, f.card(2).rowCountProperty().get());
        assertTrue(s.canContinueProperty().get());
        assertFalse(s.canRunProperty().get());

        assertTrue(s.continueRun());
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("A", "B", "C"), rows(f.card(2)));
        assertEquals("end of flow", f.card(2).lastCallProperty().get().outcome());
        assertTrue(s.messageProperty().get().startsWith("Run #1 of Chain finished: 3 calls, "), s.messageProperty().get());

        s.toggleBreakpoint(new CardKey("Chain", 2));
        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
        assertEquals(2, f.history().runs().size());
    }

    @Test
    void runToHerePausesBeforeTheCardFromIdleOrWhilePaused() {
        DebugSession s = open();
        assertTrue(s.runToHere(new CardKey("Chain", 1)));
        driver.await(SessionState.PAUSED);
        assertEquals(new CardKey("Chain", 1), s.pausedAtProperty().get());
        assertEquals(CardStatus.DONE, s.flow("Chain").card(0).statusProperty().get());
        assertEquals(CardStatus.NOT_RUN, s.flow("Chain").card(2).statusProperty().get());

        assertTrue(s.runToHere(new CardKey("Chain", 2)));
        driver.await(SessionState.PAUSED);
        assertEquals(new CardKey("Chain", 2), s.pausedAtProperty().get());
        assertTrue(s.continueRun());
        driver.await(SessionState.FINISHED);
    }

    @Test
    void stepFromIdlePausesBeforeTheFirstFunctionAndShowsTheSourceInTheInspector() {
        DebugSession s = open();
        assertTrue(s.step("Chain"));
        driver.await(SessionState.PAUSED);
        assertEquals(new CardKey("Chain", 0), s.pausedAtProperty().get());
        assertEquals(List.of("a", "b", "c"), s.inspector().level().rows());
        assertTrue(s.inspector().level().isSource());
        driver.stepAndWait();
        assertEquals(List.of("A", "B", "C"), s.inspector().level().rows());
        assertEquals("#1 Upper", s.inspector().level().label());
        assertFalse(s.run("Chain"));
        assertEquals("A run of Chain is in progress: stop it first", s.messageProperty().get());
        s.stop();
        driver.await(SessionState.STOPPED);
        assertEquals(CardStatus.STOPPED, s.flow("Chain").card(1).statusProperty().get());
        assertEquals(RunOutcome.STOPPED, s.flow("Chain").lastRunProperty().get().outcome());
    }

    @Test
    void stopInterruptsAFunctionThatBlocksAndTheSessionRunsAgain() throws InterruptedException {
        DebugSession s = open();
        assertTrue(s.run("Block"));
        assertTrue(functions.sleeping.await(20, TimeUnit.SECONDS));
        assertEquals(CardStatus.CURRENT, s.flow("Block").card(1).statusProperty().get());

        s.stop();
        driver.await(SessionState.STOPPED);
        CardState sleeper = s.flow("Block").card(1);
        assertEquals(CardStatus.STOPPED, sleeper.statusProperty().get());
        assertEquals("aborted by user", sleeper.lastCallProperty().get().outcome());
        assertEquals(0, s.abandonedThreadsProperty().get());
        assertTrue(s.messageProperty().get().startsWith("Run #1 of Block stopped after 2 calls"), s.messageProperty().get());

        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
    }

    @Test
    void stopAbandonsAFunctionThatIgnoresInterruptionAndTheSessionIsUsableAgain() throws InterruptedException {
        DebugSession s = open(DebugOptions.defaults().withStopGrace(Duration.ofMillis(200)));
        assertTrue(s.run("Spin"));
        assertTrue(functions.spinning.await(20, TimeUnit.SECONDS));

        s.stop();
        driver.await(SessionState.STOPPED);
        assertEquals(1, s.abandonedThreadsProperty().get());
        assertTrue(s.messageProperty().get().startsWith("Stopped, but #2 Spinner did not return within 200 ms"), s.messageProperty().get());
        CardState spinner = s.flow("Spin").card(1);
        assertEquals(CardStatus.STOPPED, spinner.statusProperty().get());
        assertTrue(s.canRunProperty().get());

        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("A", "B", "C"), rows(s.flow("Chain").card(2)));

        // When the abandoned function finally returns, its results are ignored and the count goes down.
        functions.releaseSpinner.set(true);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (s.abandonedThreadsProperty().get() != 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(0, s.abandonedThreadsProperty().get());
        assertEquals(SessionState.FINISHED, s.state());
        assertEquals(CardStatus.STOPPED, spinner.statusProperty().get());
        assertNull(spinner.outputProperty().get());
    }

    @Test
    void aThrowingFunctionFailsTheRunOnItsCardWithMessageAndStackTrace() {
        DebugSession s = open();
        assertTrue(s.run("Fail"));
        driver.await(SessionState.FAILED);
        FlowDebugState f = s.flow("Fail");
        CardState boom = f.card(1);
        assertEquals(CardStatus.FAILED, boom.statusProperty().get());
        ErrorInfo error = boom.errorProperty().get();
        assertEquals("flow Fail, function Boom (position 2) failed: row 2 has no stu_id", error.message());
        assertTrue(error.details().startsWith("java.lang.IllegalStateException: row 2 has no stu_id"), error.details());
        assertTrue(error.details().contains("at io.kisflow.designer.debug.TestFunctions"), error.details());
        assertEquals(CardStatus.DONE, f.card(0).statusProperty().get());
        assertEquals(CardStatus.NOT_RUN, f.card(2).statusProperty().get());
        assertNull(f.card(0).errorProperty().get());
        assertEquals("Run #1 of Fail failed at #2 Boom: flow Fail, function Boom (position 2) failed: row 2 has no stu_id",
                s.messageProperty().get());

        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
    }

    @Test
    void aJumpFuncLoopEndsWithTheEnginesErrorOnTheJumpingCard() {
        DebugSession s = open(DebugOptions.defaults().withMaxCalls(50));
        assertTrue(s.run("Loop"));
        driver.await(SessionState.FAILED);
        CardState looper = s.flow("Loop").card(1);
        assertEquals(CardStatus.FAILED, looper.statusProperty().get());
        assertTrue(looper.errorProperty().get().message().startsWith("flow Loop stopped after 50 function calls, the limit for one run: "
                + "JumpFunc keeps looping through Looper (Looper jumps to Looper)"), looper.errorProperty().get().message());
        // the error names the run panel's setting, never the engine's builder method
        assertTrue(looper.errorProperty().get().message().endsWith(
                "(Looper jumps to Looper); make the loop end, or raise the limit: 'Call limit' in the Run panel"),
                looper.errorProperty().get().message());
        assertFalse(looper.errorProperty().get().message().contains("Engine.Builder"));
        assertEquals("", looper.errorProperty().get().details());
        assertEquals(49, looper.calls().size());
        assertEquals("jump to Looper", looper.lastCallProperty().get().outcome());
        assertEquals(List.of("ActionJumpFunc(Looper)"), looper.lastCallProperty().get().actions());
    }

    @Test
    void theProjectsCallLimitBoundsTheNextRunAndNullGoesBackToTheDefault() {
        DebugSession s = open(DebugOptions.defaults().withMaxCalls(50));
        assertEquals(50, s.effectiveCallLimit());
        s.setCallLimit(20);
        assertEquals(20, s.callLimitProperty().get());
        assertEquals(Integer.valueOf(20), s.settings().callLimit(), "the limit is a run setting of the project");
        assertTrue(s.run("Loop"));
        driver.await(SessionState.FAILED);
        assertTrue(s.flow("Loop").card(1).errorProperty().get().message().startsWith("flow Loop stopped after 20 function calls"),
                s.flow("Loop").card(1).errorProperty().get().message());
        s.setCallLimit(null);
        assertEquals(50, s.effectiveCallLimit());
        assertNull(s.settings().callLimit());
        assertThrows(IllegalArgumentException.class, () -> s.setCallLimit(0));
    }

    @Test
    void aFunctionWithoutCodePassesItsInputOnOrCommitsItsPinnedRows() {
        DebugSession s = open();
        CardState noCode = s.flow("Chain").card(1);
        assertEquals(CodeSource.PASS_THROUGH, noCode.codeSourceProperty().get());
        assertEquals(CodeSource.PLUGIN, s.flow("Chain").card(0).codeSourceProperty().get());
        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("A", "B", "C"), rows(noCode));

        int revision = s.settingsRevisionProperty().get();
        s.pins("NoCode").textProperty().set("{\"id\": 1}\n{\"id\": 2}");
        s.pins("NoCode").pinnedProperty().set(true);
        assertEquals(CodeSource.PINNED, noCode.codeSourceProperty().get());
        assertTrue(noCode.pinnedProperty().get());
        assertTrue(noCode.staleProperty().get());
        assertTrue(s.flow("Chain").card(2).staleProperty().get());
        assertFalse(s.flow("Chain").card(0).staleProperty().get());
        assertTrue(s.settingsRevisionProperty().get() > revision);

        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of(Map.of("id", 1), Map.of("id", 2)), rows(noCode));
        assertTrue(noCode.outputProperty().get().pinned());
        assertFalse(s.flow("Chain").card(2).outputProperty().get().pinned());
        assertEquals(List.of(Map.of("id", 1), Map.of("id", 2)), rows(s.flow("Chain").card(2)));
        s.inspect(new CardKey("Chain", 1));
        assertTrue(s.inspector().level().pinned());
        assertEquals(List.of("id"), s.inspector().columns());
        assertFalse(noCode.staleProperty().get());
        assertEquals(Map.of("NoCode", List.of("{\"id\":1}", "{\"id\":2}")), s.settings().pinnedRows());
        assertEquals(CodeSource.PINNED, s.flow("Chain").lastRunProperty().get().codeSources().get(1));
    }

    @Test
    void pinnedRowsOfAFunctionWithCodeWinOverItsCodeWithoutAWarning() {
        DebugSession s = open();
        s.pins("Upper").textProperty().set("\"pinned\"");
        s.pins("Upper").pinnedProperty().set(true);
        assertEquals(CodeSource.PINNED, s.flow("Chain").card(0).codeSourceProperty().get());
        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
        assertEquals(List.of("pinned"), rows(s.flow("Chain").card(0)));
        assertEquals(List.of(), s.problems().stream().map(Problem::message).toList());
    }

    @Test
    void aConnectorWithoutCodeIsRefusedBeforeTheRunStarts() {
        DebugSession s = open();
        assertFalse(s.run("Store"));
        assertEquals(SessionState.IDLE, s.state());
        assertEquals(List.of("connector NoCodeConn (bound by flow Store, function SaveNoConn (#2)) has no code: no plugin registers it;"
                        + " add the plugin that implements it to the project, or clear the function's connector"),
                s.problems().stream().map(Problem::message).toList());
        assertEquals("Run of Store refused: 1 problem to fix first", s.messageProperty().get());
        assertTrue(s.flow("Store").history().runs().isEmpty());
        assertEquals(CardStatus.NOT_RUN, s.flow("Store").card(0).statusProperty().get());
    }

    @Test
    void disabledFlowsAndBadInputAreRefusedWithReasons() {
        DebugSession s = open();
        assertFalse(s.run("Off"));
        assertEquals("flow Off is disabled (status 0), so a server would not run it: set its status to 1 (enabled) to run it here",
                s.problems().get(0).message());

        s.flow("Chain").input().modeProperty().set(InputMode.JSON);
        assertFalse(s.run("Chain"));
        Problem p = s.problems().get(0);
        assertEquals(1, p.line());
        assertTrue(p.message().startsWith("input of flow Chain, line 1, column 2: row 1 is not valid JSON"), p.message());
        assertEquals(SessionState.IDLE, s.state());
        assertFalse(s.step("Nope"));
        assertEquals("there is no flow named Nope in this project", s.problems().get(0).message());
    }

    @Test
    void aCardsInputAndOutputAreComparedInTheDiff() {
        DebugSession s = open();
        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
        s.compareInputOutput(new CardKey("Chain", 0));
        assertEquals(List.of("a", "b", "c"), s.diff().leftProperty().get().rows());
        assertEquals(3, s.diff().changedProperty().get());
        assertEquals("a", s.diff().rows().get(0).leftCell("value"));
        assertEquals("A", s.diff().rows().get(0).rightCell("value"));
        s.compareInputOutput(new CardKey("Chain", 1));
        assertEquals(3, s.diff().sameProperty().get());
    }

    @Test
    void theInspectorShowsOnlyTheLatestLevelOfABurstOfCalls() throws InterruptedException {
        QueuedExecutor ui = new QueuedExecutor();
        DebugSettings settings = DebugSettings.EMPTY.withInput("Loop", List.of("a"), InputMode.TEXT);
        try (DebugSession s = new DebugSession(null, TestFunctions.project(), settings,
                DebugOptions.defaults().withMetrics(false).withMaxCalls(200).withExtraPlugins(List.of(functions)), ui, Runnable::run)) {
            List<String> shown = new java.util.ArrayList<>();
            s.inspector().levelProperty().addListener((obs, old, now) -> shown.add(now.label()));
            ui.runAll();
            assertTrue(s.run("Loop"));
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("kisflow-debug-run-")) {
                    t.join(20_000);   // all 200 calls' events are now queued for the "UI thread"
                }
            }
            assertTrue(ui.pending() > 200, "queued: " + ui.pending());
            ui.runAll();
            assertEquals(SessionState.FAILED, s.state());
            assertEquals(List.of("#2 Looper"), shown);
        }
    }

    @Test
    void eachCallKeepsTheLinesTheFunctionPrinted() {
        DebugSession s = open();
        System.out.println("printed by the test, not by a function");
        assertTrue(s.run("Print"));
        driver.await(SessionState.FINISHED);
        CallRecord call = s.flow("Print").card(0).lastCallProperty().get();
        assertEquals(List.of(new LogLine(LogLine.Stream.OUT, "got 3 rows"), new LogLine(LogLine.Stream.ERR, "warn: partial line"),
                new LogLine(LogLine.Stream.OUT, "no newline at the end")), call.log());
        assertEquals(List.of(), s.flow("Print").card(1).lastCallProperty().get().log());
    }
}
