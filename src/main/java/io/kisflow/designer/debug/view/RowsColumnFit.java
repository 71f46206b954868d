package io.kisflow.designer.debug.view;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.List;

/**
 * A table column's starting width and alignment, from its header and the first rows' cells: wide
 * enough for what the user sees first, never wider than {@link #MAX} (a long JSON cell is cut, and
 * the raw JSON view shows all of it). Columns whose cells are all numbers are right-aligned.
 *
 * @param width   the column's preferred width in pixels
 * @param numeric true when every non-empty sampled cell is a number
 */
record RowsColumnFit(double width, boolean numeric) {
    static final double MIN = 48;
    static final double MAX = 420;
    /** Rows sampled: the ones on screen when a level opens. */
    static final int SAMPLE = 40;
    // The header shows the sort arrow next to its text; cells have padding on both sides.
    private static final double HEADER_EXTRA = 30;
    private static final double CELL_EXTRA = 18;

    static RowsColumnFit of(String header, List<String> cells) {
        double width = textWidth(header) + HEADER_EXTRA;
        boolean numeric = false;
        boolean allNumbers = true;
        for (String cell : cells) {
            width = Math.max(width, textWidth(cell) + CELL_EXTRA);
            if (!cell.isEmpty()) {
                numeric = true;
                allNumbers &= isNumber(cell);
            }
        }
        return new RowsColumnFit(Math.ceil(Math.min(MAX, Math.max(MIN, width))), numeric && allNumbers);
    }

    private static double textWidth(String s) {
        Text text = new Text(s.length() > 200 ? s.substring(0, 200) : s);
        // The designer's style sheet sets 13 px on the root; a table cell uses that font.
        text.setFont(Font.font(Font.getDefault().getFamily(), 13));
        return text.getLayoutBounds().getWidth();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
