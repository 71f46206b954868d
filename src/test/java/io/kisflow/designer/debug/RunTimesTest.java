package io.kisflow.designer.debug;

import io.kisflow.designer.debug.input.InputMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stepped run's wall time is mostly the user's pauses: the time in functions is shown apart
 * (issue 8, item 15: a stepped run reported 6,099 ms, the pauses included).
 */
class RunTimesTest {
    private final TestFunctions functions = new TestFunctions();
    private SessionDriver driver;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aSteppedRunShowsFunctionTimeAndWallTimeApart() throws InterruptedException {
        driver = new SessionDriver(TestFunctions.project(), DebugSettings.EMPTY.withInput("Chain", List.of("a"), InputMode.TEXT),
                DebugOptions.defaults().withExtraPlugins(List.of(functions)));
        DebugSession s = driver.session;
        assertTrue(s.step("Chain"));
        driver.await(SessionState.PAUSED);
        for (int i = 0; i < 3; i++) {
            Thread.sleep(150);   // the user looks at the cards
            driver.stepAndWait();
        }
        assertEquals(SessionState.FINISHED, s.state());
        RunRecord r = s.flow("Chain").lastRunProperty().get();
        assertTrue(r.pausedNanos() >= 450_000_000L, "paused " + r.pausedNanos());
        assertTrue(r.durationNanos() >= r.pausedNanos());
        assertTrue(r.functionNanos() < 100_000_000L, "three one-row calls take far less than the pauses: " + r.functionNanos());
        assertEquals(r.calls().stream().mapToLong(CallRecord::durationNanos).sum(), r.functionNanos());

        String message = s.messageProperty().get();
        assertTrue(message.startsWith("Run #1 of Chain finished: 3 calls, "), message);
        assertTrue(message.contains(RunRecord.millis(r.functionNanos()) + " in functions · " + RunRecord.millis(r.durationNanos())
                + " wall (" + RunRecord.millis(r.pausedNanos()) + " paused)"), message);
        assertTrue(r.label().endsWith(r.times()), r.label());
        assertTrue(s.flow("Chain").messageProperty().get().equals(message));
    }

    @Test
    void aRunThatNeverPausedSaysNothingAboutPauses() {
        driver = new SessionDriver(TestFunctions.project(), DebugSettings.EMPTY.withInput("Chain", List.of("a"), InputMode.TEXT),
                DebugOptions.defaults().withExtraPlugins(List.of(functions)));
        assertTrue(driver.session.run("Chain"));
        driver.await(SessionState.FINISHED);
        RunRecord r = driver.session.flow("Chain").lastRunProperty().get();
        assertEquals(0, r.pausedNanos());
        assertTrue(!r.times().contains("paused"), r.times());
    }
}
