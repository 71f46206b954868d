package io.kisflow.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Snapshots of row lists for observers: immutable, and unlike List.copyOf they allow null rows. */
final class Rows {
    private Rows() {
    }

    static List<Object> snapshot(List<Object> rows) {
        return rows.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(rows));
    }
}
