package io.kisflow.designer.debug;

import io.kisflow.designer.debug.data.RowJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 §3: "Run from here" reuses the levels held before the card and is marked in the history. */
class RunFromHereTest {
    private final MemoryFunctions fns = new MemoryFunctions();

    @Test
    void runFromACardCallsOnlyItAndTheFunctionsAfterItWithTheHeldLevels() {
        try (SessionDriver d = fns.driver()) {
            DebugSession s = d.session;
            assertTrue(s.run("Scores"));
            d.await(SessionState.FINISHED);
            assertEquals(1, fns.loads.get());

            assertTrue(s.runFromHere(new CardKey("Scores", 1)), s.messageProperty().get());
            d.await(SessionState.FINISHED);
            assertEquals(1, fns.loads.get(), "Load1, before the card, was not called again");
            RunRecord r = s.flow("Scores").lastRunProperty().get();
            assertEquals(1, r.fromPosition());
            assertEquals(List.of(1, 2), r.calls().stream().map(CallRecord::position).toList());
            assertEquals(3, r.level(0).size(), "the held level of Load1 is part of the run");
            assertEquals(List.of("{\"stu_id\":1,\"score\":100}", "{\"stu_id\":2,\"score\":160}", "{\"stu_id\":3,\"score\":140}"),
                    r.level(2).rows().stream().map(RowJson::compact).toList());
            assertTrue(r.label().startsWith("Run #2 from #2 Score · finished · 2 calls"), r.label());
            assertEquals(r, s.flow("Scores").history().runs().get(0));
            assertTrue(s.flow("Scores").messageProperty().get().startsWith("Run #2 of Scores finished"), s.flow("Scores").messageProperty().get());
        }
    }

    @Test
    void runFromACardWithNoHeldInputIsRefusedSayingWhatToDo() {
        try (SessionDriver d = fns.driver()) {
            assertFalse(d.session.runFromHere(new CardKey("Scores", 2)));
            assertEquals(0, fns.loads.get());
            assertEquals("#3 Keep has no input rows held to run from: run the flow up to it first (Run to here, F10 with Ctrl)",
                    d.session.problems().get(d.session.problems().size() - 1).message());
            assertTrue(d.session.messageProperty().get().startsWith("Run of Scores refused"), d.session.messageProperty().get());
        }
    }

    @Test
    void aRunFromHereOfAStoredRunStartsFromItsLevelsToo() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("from-here");
        try (SessionDriver d = fns.driver()) {
            StoredRuns stored = d.session.keepRuns(dir, RunStoreLimits.defaults());
            assertTrue(d.session.run("Scores"));
            d.await(SessionState.FINISHED);
        }
        try (SessionDriver d = fns.driver()) {
            StoredRuns stored = d.session.keepRuns(dir, RunStoreLimits.defaults());
            stored.open(stored.runs().get(0));
            assertTrue(d.session.runFromHere(new CardKey("Scores", 2)), d.session.messageProperty().get());
            d.await(SessionState.FINISHED);
            assertEquals(1, fns.loads.get());
            RunRecord r = d.session.flow("Scores").lastRunProperty().get();
            assertEquals(2, r.number());
            assertEquals(3, r.level(2).size());
            assertEquals(2, stored.runs().size(), "the run from here is kept too");
            assertTrue(stored.runs().get(0).label().contains("from #3 Keep"), stored.runs().get(0).label());
        }
    }
}
