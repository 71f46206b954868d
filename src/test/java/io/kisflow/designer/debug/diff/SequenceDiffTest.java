package io.kisflow.designer.debug.diff;

import io.kisflow.designer.debug.data.LevelData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue 13 §3: the diff's sequence-aligned mode (Myers) beside the id-paired one. */
class SequenceDiffTest {
    private static Map<String, Object> row(int id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stu_id", id);
        m.put("name", name);
        return m;
    }

    private static List<Object> rows(int count) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(row(i, "row " + i));
        }
        return out;
    }

    private static List<String> kinds(LevelDiff d) {
        List<String> out = new ArrayList<>();
        for (int e = 0; e < d.size(); e++) {
            out.add(d.kind(e) + " " + d.leftIndex(e) + "/" + d.rightIndex(e));
        }
        return out;
    }

    @Test
    void oneInsertedRowIsOneAddedRowAndEveryLaterRowStaysPairedWithItsTwin() {
        List<Object> left = rows(6);
        List<Object> right = new ArrayList<>(left);
        right.add(2, "inserted");
        LevelDiff byIndex = LevelDiff.byIndex(left, right, () -> false);
        assertEquals(4, byIndex.count(DiffKind.CHANGED), "by index every row after the insert looks changed");

        LevelDiff seq = LevelDiff.bySequence(left, right, () -> false);
        assertEquals(List.of("SAME 0/0", "SAME 1/1", "ADDED -1/2", "SAME 2/3", "SAME 3/4", "SAME 4/5", "SAME 5/6"), kinds(seq));
        assertEquals(1, seq.count(DiffKind.ADDED));
        assertEquals(6, seq.count(DiffKind.SAME));
    }

    @Test
    void removedReplacedAndReorderedStretchesComeOutAsRemovedChangedAndAdded() {
        List<Object> left = List.of(row(1, "a"), row(2, "b"), row(3, "c"), row(4, "d"), row(5, "e"));
        List<Object> right = List.of(row(1, "a"), row(3, "C"), row(4, "d"), row(5, "e"), row(6, "f"));
        LevelDiff seq = LevelDiff.bySequence(left, right, () -> false);
        assertEquals(List.of("SAME 0/0", "CHANGED 1/1", "REMOVED 2/-1", "SAME 3/2", "SAME 4/3", "ADDED -1/4"), kinds(seq));
        assertEquals(List.of("stu_id", "name"), seq.changedColumns(1));

        // rows whose JSON differs only in key order are the same rows
        Map<String, Object> swapped = new LinkedHashMap<>();
        swapped.put("name", "b");
        swapped.put("stu_id", 2);
        LevelDiff spelled = LevelDiff.bySequence(List.of(row(1, "a"), row(2, "b")), List.of(row(1, "a"), swapped), () -> false);
        assertEquals(List.of("SAME 0/0", "SAME 1/1"), kinds(spelled));
        assertEquals(List.of("ADDED -1/0"), kinds(LevelDiff.bySequence(List.of(), List.of("x"), () -> false)));
        assertEquals(List.of("REMOVED 0/-1"), kinds(LevelDiff.bySequence(List.of("x"), List.of(), () -> false)));
        assertNull(LevelDiff.bySequence(rows(10), rows(11), () -> true), "cancelled");
    }

    @Test
    void theDiffModelSwitchesBetweenPairedAndSequenceAndKeepsTheKeyForPaired() {
        DiffModel m = new DiffModel(Runnable::run, Runnable::run);
        List<Object> left = rows(100);
        List<Object> right = new ArrayList<>(left);
        right.add(50, row(999, "new"));
        right.set(80, row(79, "edited"));   // was row 79 (now at 80)
        m.compare(LevelData.of("F", "A", 0, left), LevelData.of("F", "A", 0, right));
        assertEquals("stu_id", m.keyColumnProperty().get(), "paired by the id column both levels have");
        assertEquals(1, m.addedProperty().get());
        assertEquals(1, m.changedProperty().get());

        m.alignmentProperty().set(DiffAlignment.SEQUENCE);
        assertEquals(1, m.addedProperty().get());
        assertEquals(1, m.changedProperty().get());
        assertEquals(99, m.sameProperty().get());
        m.onlyDifferencesProperty().set(true);
        assertEquals(List.of(DiffKind.ADDED, DiffKind.CHANGED), m.rows().stream().map(DiffRow::kind).toList());

        m.alignmentProperty().set(DiffAlignment.PAIRED);
        m.keyColumnProperty().set("");
        assertEquals(50, m.changedProperty().get(), "by index the insert shifts every later row");
    }
}
