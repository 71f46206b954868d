package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.LevelData;

import java.util.Locale;

/** Numbers and level names as the data views print them: "1,000,000 rows", "StuScore › #2 AvgStuScore". */
final class RowsFormat {
    private RowsFormat() {
    }

    /** A count with thousands separators ("1,000,000"), the same whatever the user's locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 row", "3,400 rows". */
    static String rows(long n) {
        return count(n) + (n == 1 ? " row" : " rows");
    }

    /** "StuScore › source" or "StuScore › #2 AvgStuScore". */
    static String level(LevelData level) {
        return level.flowName() + " › " + level.label();
    }
}
