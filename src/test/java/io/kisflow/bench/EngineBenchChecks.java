package io.kisflow.bench;

import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.Level;

import java.util.List;

/** Sanity checks run between measurements, so a benchmark never reports the speed of a wrong result. */
final class EngineBenchChecks {
    private EngineBenchChecks() {
    }

    /** The source and all five function levels exist and hold one of the allowed row counts (runs of N rows or of 1 row). */
    static void everyLevelHolds(KisFlowRun flow, List<Integer> allowedSizes) {
        List<Level> levels = flow.levels();
        if (levels.size() != 6) {
            throw new IllegalStateException("expected 6 levels, got " + levels.size());
        }
        int size = levels.get(0).rows().size();
        for (Level l : levels) {
            if (l.rows().size() != size || !allowedSizes.contains(size)) {
                throw new IllegalStateException("level " + l.name() + " holds " + l.rows().size() + " rows, source " + size);
            }
        }
    }
}
