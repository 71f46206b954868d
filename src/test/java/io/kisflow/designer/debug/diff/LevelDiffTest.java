package io.kisflow.designer.debug.diff;

import io.kisflow.designer.debug.QueuedExecutor;
import io.kisflow.designer.debug.data.LevelData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelDiffTest {
    record Avg(int stu_id, double avg_score) {
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> marks(LevelDiff d) {
        List<String> out = new ArrayList<>();
        for (int e = 0; e < d.size(); e++) {
            out.add(d.kind(e) + " " + d.leftIndex(e) + "/" + d.rightIndex(e));
        }
        return out;
    }

    @Test
    void byIndexMarksSameChangedAndTheLongerSidesExtraRows() {
        LevelDiff d = LevelDiff.byIndex(List.of("a", "b", "c"), List.of("a", "B"), () -> false);
        assertEquals(List.of("SAME 0/0", "CHANGED 1/1", "REMOVED 2/-1"), marks(d));

        d = LevelDiff.byIndex(List.of("a"), List.of("a", "x"), () -> false);
        assertEquals(List.of("SAME 0/0", "ADDED -1/1"), marks(d));
        assertEquals(1, d.count(DiffKind.ADDED));
        assertFalse(d.identical());
    }

    @Test
    void rowsAreComparedAsJsonWithNumbersByValue() {
        List<Object> left = List.of(map("stu_id", 1, "avg_score", 90), 3, "3");
        List<Object> right = List.of(new Avg(1, 90.0), 3L, 3);
        LevelDiff d = LevelDiff.byIndex(left, right, () -> false);
        assertEquals(List.of("SAME 0/0", "SAME 1/1", "CHANGED 2/2"), marks(d));
        assertEquals(List.of("value"), d.changedColumns(2));
    }

    @Test
    void changedColumnsNameTheFieldsThatDifferOrExistOnOneSide() {
        LevelDiff d = LevelDiff.byIndex(List.of(map("id", 1, "a", "x", "gone", 1)), List.of(map("id", 1, "a", "y", "new", 2)), () -> false);
        assertEquals(List.of("a", "gone", "new"), d.changedColumns(0));
    }

    @Test
    void byKeyPairsRowsWithTheSameKeyInOrderAndListsRemovedRowsLast() {
        List<Object> left = List.of(map("id", 1, "v", "a"), map("id", 2, "v", "b"), map("id", 3, "v", "c"), map("v", "nokey"));
        List<Object> right = List.of(map("id", 3, "v", "c"), map("id", 1, "v", "A"), map("id", 4, "v", "d"), map("v", "nokey"));
        LevelDiff d = LevelDiff.byKey(left, right, "id", () -> false);
        assertEquals(List.of("SAME 2/0", "CHANGED 0/1", "ADDED -1/2", "SAME 3/3", "REMOVED 1/-1"), marks(d));
        assertEquals(List.of("v"), d.changedColumns(1));
        assertEquals(map("id", 2, "v", "b"), d.leftRow(4));
        assertNull(d.rightRow(4));
    }

    @Test
    void duplicateKeysPairInOrder() {
        LevelDiff d = LevelDiff.byKey(List.of(map("k", 1, "n", 1), map("k", 1, "n", 2)),
                List.of(map("k", 1, "n", 2), map("k", 1, "n", 1), map("k", 1, "n", 3)), "k", () -> false);
        assertEquals(List.of("CHANGED 0/0", "CHANGED 1/1", "ADDED -1/2"), marks(d));
    }

    @Test
    void aCancelledDiffGivesNothing() {
        assertNull(LevelDiff.byIndex(List.of("a"), List.of("b"), () -> true));
        assertNull(LevelDiff.byKey(List.of("a"), List.of("b"), "value", () -> true));
    }

    @Test
    void theModelCountsMarksAndCanShowOnlyDifferences() {
        QueuedExecutor background = new QueuedExecutor();
        DiffModel m = new DiffModel(Runnable::run, background);
        m.compare(LevelData.of("f", "in", 0, List.of(map("id", 1, "v", "a"), map("id", 2, "v", "b"), map("id", 3, "v", "c"))),
                LevelData.of("f", "out", 1, List.of(map("id", 1, "v", "a"), map("id", 3, "v", "C"), map("id", 4, "v", "d"))));
        assertEquals("id", m.keyColumnProperty().get(), "both levels have a distinct id column: rows pair by it");
        assertTrue(m.computingProperty().get());
        background.runAll();
        assertFalse(m.computingProperty().get());
        assertEquals(List.of(1, 1, 1, 1), List.of(m.sameProperty().get(), m.changedProperty().get(), m.addedProperty().get(), m.removedProperty().get()));
        List<String> kinds = new ArrayList<>();
        m.rows().forEach(r -> kinds.add(r.kind() + ":" + r.leftCell("id") + "/" + r.rightCell("id")));
        assertEquals(List.of("SAME:1/1", "CHANGED:3/3", "ADDED:/4", "REMOVED:2/"), kinds);
        assertEquals(List.of("id", "v"), m.columns());
        assertEquals(List.of("id", "v"), m.leftColumns());

        m.keyColumnProperty().set("");
        background.runAll();
        assertEquals(List.of(1, 2, 0, 0), List.of(m.sameProperty().get(), m.changedProperty().get(), m.addedProperty().get(), m.removedProperty().get()),
                "paired by position, the user's choice");
        assertEquals("c", m.rows().get(2).leftCell("v"));
        assertEquals("d", m.rows().get(2).rightCell("v"));
        assertEquals(List.of("id", "v"), m.rows().get(2).changedColumns());
        m.compare(m.leftProperty().get(), m.rightProperty().get());
        background.runAll();
        assertEquals("", m.keyColumnProperty().get(), "once the user picked, compares stop guessing");

        m.keyColumnProperty().set("id");
        background.runAll();
        m.onlyDifferencesProperty().set(true);
        kinds.clear();
        m.rows().forEach(r -> kinds.add(r.kind().toString()));
        assertEquals(List.of("CHANGED", "ADDED", "REMOVED"), kinds);
    }

    @Test
    void eachSideHasItsOwnColumnsAndTheUnionKeepsLeftThenRightOrder() {
        DiffModel m = new DiffModel(Runnable::run, Runnable::run);
        m.compare(LevelData.of("f", "in", 0, List.of(map("stu_id", 1, "score_1", 90))),
                LevelData.of("f", "out", 1, List.of(map("stu_id", 1, "avg_score", 90.0), "plain")));
        assertEquals(List.of("stu_id", "score_1"), m.leftColumns());
        assertEquals(List.of("stu_id", "avg_score", "value"), m.rightColumns());
        assertEquals(List.of("stu_id", "score_1", "avg_score", "value"), m.columns());
    }

    @Test
    void noKeyIsGuessedWithoutADistinctIdColumn() {
        List<Object> dup = List.of(map("id", 1, "v", "a"), map("id", 1, "v", "b"));
        assertEquals(null, KeyGuess.of(dup, dup), "ids repeat");
        assertEquals(null, KeyGuess.of(List.of(map("name", "a")), List.of(map("name", "a"))), "no id-like column");
        assertEquals(null, KeyGuess.of(List.of("plain"), List.of("plain")), "not objects");
        assertEquals("stu_id", KeyGuess.of(List.of(map("stu_id", 1, "s", 2)), List.of(new Avg(1, 2.0))), "maps and records alike");
    }
}
