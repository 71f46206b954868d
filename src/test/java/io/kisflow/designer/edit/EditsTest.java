package io.kisflow.designer.edit;

import io.kisflow.config.FuncConfig;
import io.kisflow.designer.Fixtures;
import io.kisflow.designer.project.Point;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kisflow.designer.Fixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditsTest {
    private final DesignState s = Fixtures.state();

    @Test
    void insertPutsTheCardAtTheGapAndSelectsIt() {
        Edit e = StepEdits.insert("StuScore", 1, "RankScores");
        DesignState after = e.apply(s);
        assertEquals(List.of("VerifyStu", "RankScores", "AvgStuScore", "PrintStuAvgScore"), steps(after, "StuScore"));
        assertEquals(Selection.step("StuScore", 1), e.selectionAfter(after, Selection.NONE));
        assertEquals(List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore", "RankScores"),
                steps(StepEdits.insert("StuScore", 99, "RankScores").apply(s), "StuScore"));
    }

    @Test
    void insertOfAFunctionWithoutConfigIsRefused() {
        EditRefused r = assertThrows(EditRefused.class, () -> StepEdits.insert("StuScore", 0, "Nope").apply(s));
        assertEquals("There is no function config named Nope: create it first.", r.getMessage());
    }

    @Test
    void moveWithinALaneCountsGapsAsTheLaneLookedBefore() {
        assertEquals(List.of("AvgStuScore", "PrintStuAvgScore", "VerifyStu"),
                steps(StepEdits.move("StuScore", 0, "StuScore", 3).apply(s), "StuScore"));
        assertEquals(List.of("PrintStuAvgScore", "VerifyStu", "AvgStuScore"),
                steps(StepEdits.move("StuScore", 2, "StuScore", 0).apply(s), "StuScore"));
        assertEquals(s, StepEdits.move("StuScore", 1, "StuScore", 2).apply(s), "dropping a card next to itself changes nothing");
    }

    @Test
    void moveIntoAnotherLaneKeepsTheParams() {
        Edit e = StepEdits.move("StuScore", 0, "LoadScores", 1);
        DesignState after = e.apply(s);
        assertEquals(List.of("AvgStuScore", "PrintStuAvgScore"), steps(after, "StuScore"));
        assertEquals(List.of("LoadAvgScore", "VerifyStu", "RankScores"), steps(after, "LoadScores"));
        assertEquals(Map.of("max_score", "100"), after.configs().flow("LoadScores").flows().get(1).params());
        assertEquals(Selection.step("LoadScores", 1), e.selectionAfter(after, Selection.NONE));
    }

    @Test
    void removeSelectsTheNeighbourAndKeepsTheConfig() {
        Edit e = StepEdits.remove("StuScore", 2);
        DesignState after = e.apply(s);
        assertEquals(List.of("VerifyStu", "AvgStuScore"), steps(after, "StuScore"));
        assertTrue(after.configs().funcs().containsKey("PrintStuAvgScore"));
        assertEquals(Selection.step("StuScore", 1), e.selectionAfter(after, Selection.NONE));
        assertEquals("Remove PrintStuAvgScore from StuScore", e.description());
    }

    @Test
    void renamingAFunctionFollowsInEveryFlowAndConnectorList() {
        DesignState after = FunctionEdits.rename("AvgStuScore", "Average").apply(s);
        assertEquals(List.of("VerifyStu", "Average", "PrintStuAvgScore"), steps(after, "StuScore"));
        assertEquals(List.of("VerifyStu", "Average", "SaveAvgScore"), steps(after, "SaveScores"));
        assertEquals(List.of("VerifyStu", "Average", "PrintStuAvgScore", "SaveAvgScore", "LoadAvgScore", "RankScores"),
                List.copyOf(after.configs().funcs().keySet()), "the renamed function keeps its place");

        DesignState saved = FunctionEdits.rename("SaveAvgScore", "StoreAvg").apply(s);
        assertEquals(List.of("StoreAvg"), saved.configs().conn("ScoreStore").save());
        assertEquals(List.of("VerifyStu", "AvgStuScore", "StoreAvg"), steps(saved, "SaveScores"));
    }

    @Test
    void renameRefusesTakenAndBadNames() {
        assertEquals("There is already a function named RankScores.",
                assertThrows(EditRefused.class, () -> FunctionEdits.rename("AvgStuScore", "RankScores").apply(s)).getMessage());
        assertEquals("A name cannot contain '/': it becomes part of the file name func-NAME.yaml.",
                assertThrows(EditRefused.class, () -> FunctionEdits.rename("AvgStuScore", "a/b").apply(s)).getMessage());
        assertEquals("A function needs a name.",
                assertThrows(EditRefused.class, () -> FunctionEdits.rename("AvgStuScore", " ").apply(s)).getMessage());
    }

    @Test
    void renamingAConnectorFollowsInItsFunctionsAndBadgePosition() {
        DesignState placed = ConnectorEdits.moveBadge("ScoreStore", new Point(10, 20)).apply(s);
        DesignState after = ConnectorEdits.rename("ScoreStore", "Scores").apply(placed);
        assertEquals("Scores", after.configs().func("SaveAvgScore").option().cname());
        assertEquals("Scores", after.configs().func("LoadAvgScore").option().cname());
        assertEquals(new Point(10, 20), after.layout().connectorPositions().get("Scores"));
        assertNull(after.configs().conn("ScoreStore"));
    }

    @Test
    void bindingIsRefusedForModesOtherThanSaveAndLoad() {
        DesignState withSecond = ConnectorEdits.add(io.kisflow.config.ConnConfig.of("Cache", "redis", "h:1", "k")).apply(s);
        EditRefused r = assertThrows(EditRefused.class, () -> ConnectorEdits.bind("AvgStuScore", "Cache").apply(withSecond));
        assertEquals("Cannot bind Cache to AvgStuScore: only Save and Load functions call a connector, and AvgStuScore is a Calculate function.",
                r.getMessage());

        DesignState rebound = ConnectorEdits.bind("SaveAvgScore", "Cache").apply(withSecond);
        assertEquals("Cache", rebound.configs().func("SaveAvgScore").option().cname());
        assertEquals(List.of("SaveAvgScore"), rebound.configs().conn("Cache").save());
        assertEquals(List.of(), rebound.configs().conn("ScoreStore").save(), "the old connector's list follows");
        assertEquals(List.of("LoadAvgScore"), rebound.configs().conn("ScoreStore").load());
    }

    @Test
    void changingTheModeOfABoundFunctionAwayFromStorageIsRefused() {
        EditRefused r = assertThrows(EditRefused.class, () -> FunctionEdits.setMode("SaveAvgScore", "Calculate").apply(s));
        assertEquals("Only Save and Load functions call a connector: unbind ScoreStore from SaveAvgScore before making it Calculate.", r.getMessage());
        DesignState load = FunctionEdits.setMode("SaveAvgScore", "Load").apply(s);
        assertEquals(List.of("LoadAvgScore", "SaveAvgScore"), load.configs().conn("ScoreStore").load());
        assertEquals(List.of(), load.configs().conn("ScoreStore").save());
    }

    @Test
    void deletingAFunctionRemovesItsCardsEverywhere() {
        DesignState after = FunctionEdits.remove("AvgStuScore").apply(s);
        assertEquals(List.of("VerifyStu", "PrintStuAvgScore"), steps(after, "StuScore"));
        assertEquals(List.of("VerifyStu", "SaveAvgScore"), steps(after, "SaveScores"));
        assertNull(after.configs().func("AvgStuScore"));
        DesignState noSave = FunctionEdits.remove("SaveAvgScore").apply(s);
        assertEquals(List.of(), noSave.configs().conn("ScoreStore").save());
    }

    @Test
    void deletingAConnectorUnbindsItsFunctions() {
        DesignState after = ConnectorEdits.remove("ScoreStore").apply(s);
        assertEquals("", after.configs().func("SaveAvgScore").option().cname());
        assertTrue(after.configs().conns().isEmpty());
    }

    @Test
    void flowsAreAddedRenamedMovedAndDuplicatedAsLanes() {
        DesignState added = FlowEdits.add("Orders", 1).apply(s);
        assertEquals(List.of("StuScore", "Orders", "SaveScores", "LoadScores"), added.lanes());
        DesignState renamed = FlowEdits.rename("Orders", "Purchases").apply(added);
        assertEquals(List.of("StuScore", "Purchases", "SaveScores", "LoadScores"), renamed.lanes());
        DesignState moved = FlowEdits.moveLane("StuScore", 3).apply(renamed);
        assertEquals(List.of("Purchases", "SaveScores", "LoadScores", "StuScore"), moved.lanes());
        DesignState dup = FlowEdits.duplicate("StuScore", s).apply(s);
        assertEquals(List.of("StuScore", "StuScore_copy", "SaveScores", "LoadScores"), dup.lanes());
        assertEquals(steps(s, "StuScore"), steps(dup, "StuScore_copy"));
        assertEquals(s, FlowEdits.moveLane("StuScore", 0).apply(s));
    }

    @Test
    void duplicateAndPasteOfFunctionsMakeNewConfigs() {
        DesignState dup = FunctionEdits.duplicate("VerifyStu", "StuScore", 0, s).apply(s);
        assertEquals(List.of("VerifyStu", "VerifyStu_copy", "AvgStuScore", "PrintStuAvgScore"), steps(dup, "StuScore"));
        assertEquals(Map.of("max_score", "100"), dup.configs().flow("StuScore").flows().get(1).params());
        assertEquals("Verify", dup.configs().func("VerifyStu_copy").fmode());

        FuncConfig copied = s.configs().func("SaveAvgScore");
        DesignState twice = FunctionEdits.paste(copied, Map.of(), "LoadScores", 2, dup).apply(dup);
        assertEquals(List.of("LoadAvgScore", "RankScores", "SaveAvgScore_copy"), steps(twice, "LoadScores"));
        assertEquals(List.of("SaveAvgScore", "SaveAvgScore_copy"), twice.configs().conn("ScoreStore").save());
    }

    @Test
    void layoutOnlyEditsChangeOnlyTheLayout() {
        DesignState after = ConnectorEdits.moveBadge("ScoreStore", new Point(1, 2)).apply(s);
        assertEquals(s.configs(), after.configs());
        assertEquals(new Point(1, 2), after.layout().connectorPositions().get("ScoreStore"));
    }

    @Test
    void uniqueAndFreshNames() {
        assertEquals("a", Names.unique("a", List.of()));
        assertEquals("a_copy", Names.unique("a", List.of("a")));
        assertEquals("a_copy2", Names.unique("a", List.of("a", "a_copy")));
        assertEquals("NewFlow2", Names.fresh("NewFlow", List.of("NewFlow1")));
    }

    @Test
    void renamesSinceTheLastSaveLetSaveKeepFiles() {
        io.kisflow.config.ObjectRef avg = io.kisflow.config.ObjectRef.func("AvgStuScore");
        DesignState once = FunctionEdits.rename("AvgStuScore", "A").apply(s);
        DesignState twice = FunctionEdits.rename("A", "B").apply(once);
        assertEquals(Map.of(avg, io.kisflow.config.ObjectRef.func("B")), twice.renamesSince(s));
        assertEquals(Map.of(io.kisflow.config.ObjectRef.func("A"), io.kisflow.config.ObjectRef.func("B")), twice.renamesSince(once),
                "after saving under A, the rename is A to B");
        DesignState back = FunctionEdits.rename("B", "AvgStuScore").apply(twice);
        assertEquals(Map.of(), back.renamesSince(s));
        assertEquals(Map.of(io.kisflow.config.ObjectRef.func("B"), avg), back.renamesSince(twice));
        DesignState flow = FlowEdits.rename("StuScore", "Scores").apply(s);
        assertEquals(Map.of(io.kisflow.config.ObjectRef.flow("StuScore"), io.kisflow.config.ObjectRef.flow("Scores")), flow.renamesSince(s));
    }

    @Test
    void renamingAFlowKeepsACardSelectedInIt() {
        Edit e = FlowEdits.rename("StuScore", "Scores");
        DesignState after = e.apply(s);
        assertEquals(Selection.step("Scores", 1), e.selectionAfter(after, Selection.step("StuScore", 1)));
        assertEquals(Selection.flow("Scores"), e.selectionAfter(after, Selection.flow("StuScore")));
    }
}
