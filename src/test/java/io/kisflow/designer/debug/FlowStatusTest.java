package io.kisflow.designer.debug;

import io.kisflow.designer.debug.input.InputMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each flow has its own status (state, status line, problems): the run panel of one flow never shows
 * another flow's run (issue 8, item 8: RetryPoll's panel said "Run #1 of StuScore failed").
 */
class FlowStatusTest {
    private final TestFunctions functions = new TestFunctions();
    private SessionDriver driver;

    @AfterEach
    void close() {
        driver.close();
    }

    private DebugSession open() {
        DebugSettings settings = DebugSettings.EMPTY;
        for (String flow : List.of("Chain", "Fail", "Off")) {
            settings = settings.withInput(flow, List.of("a", "b"), InputMode.TEXT);
        }
        driver = new SessionDriver(TestFunctions.project(), settings, DebugOptions.defaults().withExtraPlugins(List.of(functions)));
        return driver.session;
    }

    @Test
    void eachFlowKeepsItsOwnStateMessageAndProblems() {
        DebugSession s = open();
        FlowDebugState fail = s.flow("Fail");
        FlowDebugState chain = s.flow("Chain");
        FlowDebugState off = s.flow("Off");

        assertTrue(s.run("Fail"));
        driver.await(SessionState.FAILED);
        assertEquals(SessionState.FAILED, fail.runStateProperty().get());
        assertTrue(fail.messageProperty().get().startsWith("Run #1 of Fail failed at #2 Boom"), fail.messageProperty().get());
        assertEquals(SessionState.IDLE, chain.runStateProperty().get(), "Chain has not run");
        assertEquals("", chain.messageProperty().get());

        assertTrue(s.run("Chain"));
        driver.await(SessionState.FINISHED);
        assertTrue(chain.messageProperty().get().startsWith("Run #2 of Chain finished"), chain.messageProperty().get());
        assertEquals(SessionState.FINISHED, chain.runStateProperty().get());
        assertTrue(fail.messageProperty().get().startsWith("Run #1 of Fail failed"), "Fail keeps its own: " + fail.messageProperty().get());
        assertEquals(SessionState.FAILED, fail.runStateProperty().get());

        // a refused start belongs to the flow refused
        assertFalse(s.run("Off"));
        assertFalse(off.problems().isEmpty());
        assertTrue(off.messageProperty().get().startsWith("Run of Off refused"), off.messageProperty().get());
        assertTrue(chain.problems().isEmpty(), chain.problems().toString());
        assertTrue(chain.messageProperty().get().startsWith("Run #2 of Chain finished"));
    }
}
