package io.kisflow.designer.debug;

import io.kisflow.designer.debug.data.RowJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 §3: conditional breakpoints and "pause on error" in a debugger session. */
class ConditionalBreakpointTest {
    private final MemoryFunctions fns = new MemoryFunctions();

    @Test
    void aConditionalBreakpointPausesOnlyWhenARowOfTheInputMatches() {
        try (SessionDriver d = fns.driver()) {
            DebugSession s = d.session;
            CardKey keep = new CardKey("Scores", 2);
            s.setBreakpointCondition(keep, "score > 150 and stu_id == 2");
            assertTrue(s.card(keep).breakpointProperty().get());
            assertEquals("score > 150 and stu_id == 2", s.card(keep).conditionProperty().get());

            assertTrue(s.run("Scores"));
            d.await(SessionState.PAUSED);
            assertEquals(keep, s.pausedAtProperty().get(), "Keep's input holds {stu_id 2, score 160}");
            assertEquals(3, s.card(keep).inputProperty().get().size());
            assertTrue(s.continueRun());
            d.await(SessionState.FINISHED);

            s.setBreakpointCondition(keep, "score > 500");
            assertTrue(s.run("Scores"));
            assertEquals(SessionState.FINISHED, d.await(SessionState.PAUSED, SessionState.FINISHED), "no row matches: no pause");

            // the condition is checked against the rows the function reads: Score's input has scores up to 80
            s.setBreakpointCondition(new CardKey("Scores", 1), "score > 150");
            s.setBreakpointCondition(keep, "");
            assertEquals("", s.card(keep).conditionProperty().get());
            assertTrue(s.card(keep).breakpointProperty().get(), "blank keeps a plain breakpoint");
            assertTrue(s.run("Scores"));
            d.await(SessionState.PAUSED);
            assertEquals(keep, s.pausedAtProperty().get());
            s.stop();
            d.await(SessionState.STOPPED);

            s.setBreakpoint(keep, false);
            assertEquals("", s.card(keep).conditionProperty().get());
        }
    }

    @Test
    void aMalformedConditionIsRefusedAndTheBreakpointStaysAsItWas() {
        try (SessionDriver d = fns.driver()) {
            CardKey score = new CardKey("Scores", 1);
            BreakCondition.Invalid e = assertThrows(BreakCondition.Invalid.class,
                    () -> d.session.setBreakpointCondition(score, "score >> 3"));
            assertEquals("column 8: expected a value (a number, \"text\", true, false or null) after >, found \">\"", e.getMessage());
            assertFalse(d.session.card(score).breakpointProperty().get());
            assertEquals("", d.session.card(score).conditionProperty().get());
        }
    }

    @Test
    void pauseOnErrorStopsAtTheFailedCallWithItsLevelsThenContinueEndsTheRunFailed() {
        try (SessionDriver d = fns.driver()) {
            DebugSession s = d.session;
            s.pauseOnErrorProperty().set(true);
            assertTrue(s.run("Checked"));
            d.await(SessionState.PAUSED);
            CardKey check = new CardKey("Checked", 2);
            assertEquals(check, s.pausedAtProperty().get());
            assertTrue(s.messageProperty().get().startsWith("Paused at the error of #3 Check (call 3)"), s.messageProperty().get());
            CardState c = s.card(check);
            assertEquals(CardStatus.FAILED, c.statusProperty().get());
            assertTrue(c.errorProperty().get().message().contains("score over 150 for stu_id 2"), c.errorProperty().get().message());
            assertEquals(List.of("{\"stu_id\":1,\"score\":100}", "{\"stu_id\":2,\"score\":160}", "{\"stu_id\":3,\"score\":140}"),
                    s.card(new CardKey("Checked", 1)).outputProperty().get().rows().stream().map(RowJson::compact).toList());
            assertTrue(s.continueRun());
            d.await(SessionState.FAILED);
            RunRecord r = s.flow("Checked").lastRunProperty().get();
            assertEquals(RunOutcome.FAILED, r.outcome());
            assertEquals(2, r.failedPosition());

            s.pauseOnErrorProperty().set(false);
            assertTrue(s.run("Checked"));
            assertEquals(SessionState.FAILED, d.await(SessionState.PAUSED, SessionState.FAILED));
            assertNull(s.pausedAtProperty().get());
        }
    }

    @Test
    void stopWhilePausedAtAnErrorEndsTheRun() {
        try (SessionDriver d = fns.driver()) {
            d.session.pauseOnErrorProperty().set(true);
            assertTrue(d.session.run("Checked"));
            d.await(SessionState.PAUSED);
            d.session.stop();
            SessionState end = d.await(SessionState.FAILED, SessionState.STOPPED);
            assertTrue(end == SessionState.STOPPED || end == SessionState.FAILED);
            assertTrue(d.session.canRunProperty().get());
        }
    }
}
