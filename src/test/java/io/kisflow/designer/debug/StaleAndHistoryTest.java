package io.kisflow.designer.debug;

import io.kisflow.conformance.ConformancePlugin;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.debug.diff.DiffKind;
import io.kisflow.designer.debug.diff.LevelDiff;
import io.kisflow.designer.debug.input.InputMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stale marks after edits, cards following the chain, run history, comparing runs, timings, settings. */
class StaleAndHistoryTest {
    private final ConformancePlugin handlers = new ConformancePlugin();
    private SessionDriver driver;

    private DebugSession open(DebugOptions options) {
        DebugSettings settings = DebugSettings.EMPTY;
        for (String flow : List.of("flowName1", "flowName2", "flowName5")) {
            settings = settings.withInput(flow, LoadConf.SOURCE, InputMode.TEXT);
        }
        driver = new SessionDriver(LoadConf.configs(), settings, options.withExtraPlugins(List.of(handlers)));
        return driver.session;
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void runToEnd(DebugSession s, String flow) {
        assertTrue(s.run(flow), s.messageProperty().get());
        driver.await(SessionState.FINISHED, SessionState.FAILED, SessionState.STOPPED);
    }

    private static List<Boolean> stale(FlowDebugState f) {
        List<Boolean> out = new ArrayList<>();
        f.cards().forEach(c -> out.add(c.staleProperty().get()));
        return out;
    }

    @Test
    void editingAFunctionMarksItAndEverythingAfterItStaleInEveryFlowThatUsesItUntilTheNextRun() {
        DebugSession s = open(DebugOptions.defaults());
        runToEnd(s, "flowName1");
        runToEnd(s, "flowName5");
        runToEnd(s, "flowName2");
        ConfigSet configs = LoadConf.configs();
        FuncConfig f2 = configs.func("funcName2");
        ConfigSet edited = configs.withFunc(f2.withOption(f2.option().withDefaultParams(Map.of("default1", "changed"))));

        s.configsChanged(edited);
        assertEquals(List.of(false, true, true), stale(s.flow("flowName1")));
        assertEquals(List.of(false, true, true), stale(s.flow("flowName5")));
        assertEquals(List.of(false, false, false), stale(s.flow("flowName2")));   // does not use funcName2
        assertEquals(List.of(false, false, false), stale(s.flow("flowName3")));   // never ran: nothing to mark

        runToEnd(s, "flowName1");
        assertEquals(List.of(false, false, false), stale(s.flow("flowName1")));
        assertEquals(Map.of("default1", "changed", "myKey1", "flowValue2-1", "myKey2", "flowValue2-2"),
                s.flow("flowName1").card(1).lastCallProperty().get().params());
        assertEquals(List.of(false, true, true), stale(s.flow("flowName5")));
    }

    @Test
    void editingAConnectorOrTheFlowsParamsOrItsInputMarksTheRightCards() {
        DebugSession s = open(DebugOptions.defaults());
        runToEnd(s, "flowName1");
        ConfigSet original = LoadConf.configs();
        ConfigSet configs = original.withConn(original.conn("ConnName1").withKey("other-key"));
        s.configsChanged(configs);
        assertEquals(List.of(false, true, true), stale(s.flow("flowName1")));

        runToEnd(s, "flowName1");
        FlowConfig flow = configs.flow("flowName1");
        List<FlowStep> steps = new ArrayList<>(flow.flows());
        steps.set(2, steps.get(2).withParams(Map.of("myKey1", "x")));
        s.configsChanged(configs.withFlow(flow.withFlows(steps)));
        assertEquals(List.of(false, false, true), stale(s.flow("flowName1")));

        runToEnd(s, "flowName1");
        s.flow("flowName1").input().textProperty().set("one row");
        assertEquals(List.of(true, true, true), stale(s.flow("flowName1")));
    }

    @Test
    void insertingAFunctionRebuildsTheCardsFromThereAndBreakpointsFollowTheirFunction() {
        DebugSession s = open(DebugOptions.defaults());
        s.setBreakpoint(new CardKey("flowName1", 2), true);
        s.toggleBreakpoint(new CardKey("flowName1", 2));
        s.toggleBreakpoint(new CardKey("flowName1", 2));
        assertTrue(s.run("flowName1"));
        driver.await(SessionState.PAUSED);
        assertEquals(new CardKey("flowName1", 2), s.pausedAtProperty().get());
        assertTrue(s.continueRun());
        driver.await(SessionState.FINISHED);
        CardState first = s.flow("flowName1").card(0);

        ConfigSet configs = LoadConf.configs();
        FlowConfig flow = configs.flow("flowName1");
        List<FlowStep> steps = new ArrayList<>(flow.flows());
        steps.add(1, FlowStep.of("abortFunc"));
        s.configsChanged(configs.withFlow(flow.withFlows(steps)));

        FlowDebugState f = s.flow("flowName1");
        assertEquals(List.of("funcName1", "abortFunc", "funcName2", "funcName3"), f.cards().stream().map(CardState::function).toList());
        assertTrue(first == f.card(0));
        assertEquals(List.of(false, false, false, true), f.cards().stream().map(c -> c.breakpointProperty().get()).toList());
        assertEquals(List.of(false, false, true, true), stale(f));   // funcName2 and funcName3 keep their (stale) results
        assertEquals(-1, f.card(1).rowCountProperty().get());
        assertEquals(3, f.card(2).rowCountProperty().get());
    }

    @Test
    void theHistoryKeepsTheLastRunsAndReopensAndComparesThem() {
        DebugSession s = open(DebugOptions.defaults().withHistorySize(2));
        FlowDebugState f = s.flow("flowName1");
        runToEnd(s, "flowName1");
        f.input().textProperty().set("only\nrows");
        runToEnd(s, "flowName1");
        f.input().textProperty().set("x");
        runToEnd(s, "flowName1");

        List<RunRecord> runs = f.history().runs();
        assertEquals(List.of(3, 2), runs.stream().map(RunRecord::number).toList());
        RunRecord newest = runs.get(0);
        RunRecord older = runs.get(1);
        assertEquals(newest, f.lastRunProperty().get());
        assertEquals(1, f.card(0).rowCountProperty().get());

        f.show(older);
        assertEquals(older, f.shownRunProperty().get());
        assertEquals(2, f.card(0).rowCountProperty().get());
        assertEquals(List.of("only", "rows"), f.sourceProperty().get().rows());
        assertEquals(CardStatus.DONE, f.card(2).statusProperty().get());

        RunComparison c = f.compare(older, newest);
        List<String> rows = c.rows().stream().map(r -> r.label() + " " + r.rowsBefore() + "->" + r.rowsAfter()
                + " calls " + r.callsBefore() + "->" + r.callsAfter() + " " + r.outcomeAfter()).toList();
        assertEquals(List.of("source 2->1 calls 0->0 ", "#1 funcName1 2->1 calls 1->1 continue",
                "#2 funcName2 2->1 calls 1->1 continue", "#3 funcName3 0->0 calls 1->1 stopped: no rows committed"), rows);
        LevelDiff d = c.diff(0, "");
        assertEquals(1, d.count(DiffKind.SAME));
        assertEquals(1, d.count(DiffKind.REMOVED));
        assertTrue(c.rows().get(1).countsDiffer());

        s.compareRuns("flowName1", -1, older, newest);
        assertEquals(1, s.diff().changedProperty().get());
        assertEquals(1, s.diff().removedProperty().get());
    }

    @Test
    void timingsOfTheLastRunCountEveryCallOfACard() {
        DebugSession s = open(DebugOptions.defaults());
        runToEnd(s, "flowName5");
        List<FunctionTiming> t = s.flow("flowName5").timings();
        assertEquals(List.of("funcName1 2", "funcName2 2", "jumpFunc 2"), t.stream().map(x -> x.function() + " " + x.calls()).toList());
        for (FunctionTiming x : t) {
            assertTrue(x.totalNanos() >= x.maxNanos() && x.maxNanos() > 0, x.toString());
        }
        CardState card = s.flow("flowName5").card(0);
        assertEquals(t.get(0).totalNanos(), card.totalNanosProperty().get());
        assertEquals(List.of("ConnName1"), handlers.connectorInits);
        assertEquals(6, handlers.connectorCalls.size());
    }

    @Test
    void typedRowsFromJsonInputAndWhatTheFunctionPrinted() {
        DebugSession s = open(DebugOptions.defaults());
        FlowDebugState f = s.flow("StuAvg");
        f.input().modeProperty().set(InputMode.JSON);
        f.input().textProperty().set("{\"stu_id\":100,\"score_1\":1,\"score_2\":2,\"score_3\":3}\n"
                + "{\"stu_id\":100,\"score_1\":1,\"score_2\":2,\"score_3\":3}\n\"{\\\"stu_id\\\":101}\"");
        runToEnd(s, "StuAvg");
        assertEquals(SessionState.FINISHED, s.state());
        s.inspect(new CardKey("StuAvg", 0));
        assertEquals(List.of("stu_id", "avg_score"), s.inspector().columns());
        assertEquals("2.0", s.inspector().cell(0, "avg_score"));
        assertEquals(3, s.inspector().rowCountProperty().get());
        assertEquals("101", s.inspector().cell(2, "stu_id"));
        assertEquals(List.of("stuid: [100], avg score: [2]", "stuid: [100], avg score: [2]", "stuid: [101], avg score: [0]"),
                f.card(1).lastCallProperty().get().log().stream().map(LogLine::text).toList());
        assertEquals(Map.of("StuAvg", InputMode.JSON), Map.of("StuAvg", s.settings().inputModes().get("StuAvg")));
        assertEquals("{\"stu_id\":100,\"score_1\":1,\"score_2\":2,\"score_3\":3}", s.settings().inputRows().get("StuAvg").get(0));
    }

    @Test
    void settingsComeBackAsTheyWereGiven() {
        DebugSettings given = DebugSettings.EMPTY
                .withInput("flowName1", List.of("a", "b"), InputMode.TEXT)
                .withInput("StuAvg", List.of("{\"stu_id\":1}"), InputMode.JSON)
                .withPinned("funcName3", List.of("{\"x\":1}"))
                .withDryRun(true);
        driver = new SessionDriver(LoadConf.configs(), given, DebugOptions.defaults().withExtraPlugins(List.of(handlers)));
        DebugSettings back = driver.session.settings();
        assertEquals(given.inputRows(), back.inputRows());
        assertEquals(given.inputModes(), back.inputModes());
        assertEquals(given.pinnedRows(), back.pinnedRows());
        assertEquals(true, back.dryRun());
        assertNotNull(driver.session.pins("funcName3"));
        assertTrue(driver.session.flow("flowName1").card(2).pinnedProperty().get());   // funcName3 has code, and the pin wins
    }
}
