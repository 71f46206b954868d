package io.kisflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Params are written in the order Go's yaml.v3 sorts map keys, so exports match Go's bytes. */
class GoKeyOrderTest {
    @Test
    void numbersInsideKeysCompareAsNumbers() {
        assertEquals(List.of("k1", "k2", "k10", "k20"), GoKeyOrder.sorted(List.of("k10", "k2", "k20", "k1")));
    }

    @Test
    void plainTextOrderOtherwise() {
        assertEquals(List.of("args1", "args2", "default1", "myKey1", "myKey2"),
                GoKeyOrder.sorted(List.of("myKey2", "default1", "args2", "myKey1", "args1")));
        assertEquals(List.of("B", "a", "b"), GoKeyOrder.sorted(List.of("b", "a", "B")));
    }

    @Test
    void punctuationBeforeLettersAndShorterNumbersFirst() {
        assertEquals(List.of("#hash", "a"), GoKeyOrder.sorted(List.of("a", "#hash")));
        assertEquals(List.of("a_b", "ab"), GoKeyOrder.sorted(List.of("ab", "a_b")));
        assertEquals(List.of("k1a", "k10"), GoKeyOrder.sorted(List.of("k10", "k1a")));
        assertEquals(List.of("a1", "a01"), GoKeyOrder.sorted(List.of("a01", "a1")));
        assertEquals(List.of("a", "a1"), GoKeyOrder.sorted(List.of("a1", "a")));
    }

    @Test
    void sortingDoesNotDependOnInputOrder() {
        List<String> keys = List.of("x10", "x9", "x", "x_1", "X", "1", "10", "2", "é", "a0", "a00", "b-2");
        List<String> once = GoKeyOrder.sorted(keys);
        List<String> reversed = new java.util.ArrayList<>(keys);
        java.util.Collections.reverse(reversed);
        assertEquals(once, GoKeyOrder.sorted(reversed));
        assertEquals(once, GoKeyOrder.sorted(once));
    }
}
