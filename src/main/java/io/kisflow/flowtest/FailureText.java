package io.kisflow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A failed case in words, for a terminal and for a JUnit report: its problems, then per differing
 * level the counts and the first differing rows, expected and actual side by side, each row compact
 * and cut to a column's width.
 */
public final class FailureText {
    /** Differing rows shown per level; the rest are counted. */
    public static final int ROWS_SHOWN = 5;
    static final int COLUMN = 60;

    private FailureText() {
    }

    public static List<String> lines(CaseResult r) {
        List<String> lines = new ArrayList<>(r.problems());
        for (LevelDiff d : r.diffs()) {
            lines.add("level " + d.level() + ": expected " + d.expectedCount() + " row" + (d.expectedCount() == 1 ? "" : "s")
                    + ", got " + d.actualCount());
            lines.add("  " + pad("row", 5) + pad("expected", COLUMN) + " | actual");
            for (int i = 0; i < Math.min(ROWS_SHOWN, d.rows().size()); i++) {
                LevelDiff.RowPair p = d.rows().get(i);
                lines.add("  " + pad(p.index() == 0 ? "-" : String.valueOf(p.index()), 5) + pad(cell(p.expected()), COLUMN)
                        + " | " + cell(p.actual()));
            }
            if (d.rows().size() > ROWS_SHOWN) {
                lines.add("  ... and " + (d.rows().size() - ROWS_SHOWN) + " more differing rows");
            }
        }
        return lines;
    }

    private static String cell(JsonNode row) {
        String text = row == null ? "(none)" : row.toString();
        return text.length() <= COLUMN ? text : text.substring(0, COLUMN - 1) + "…";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
