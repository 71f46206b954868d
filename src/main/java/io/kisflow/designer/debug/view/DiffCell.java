package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.diff.DiffRow;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;

/**
 * A field cell of one side of the diff. A field that differs between the paired rows is highlighted
 * (":changed-cell"); a side where the row does not exist (the before side of an added row, the after
 * side of a removed one) is ":absent".
 */
final class DiffCell extends TableCell<DiffRow, DiffRow> {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed-cell");
    private static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");

    private final boolean left;
    private final String column;
    private final DiffChangedColumns changes;

    DiffCell(boolean left, String column, DiffChangedColumns changes) {
        this.left = left;
        this.column = column;
        this.changes = changes;
        getStyleClass().add("diff-cell");
    }

    @Override
    protected void updateItem(DiffRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setText(null);
            pseudoClassStateChanged(CHANGED, false);
            pseudoClassStateChanged(ABSENT, false);
            return;
        }
        boolean absent = (left ? row.leftIndex() : row.rightIndex()) < 0;
        setText(absent ? "" : left ? row.leftCell(column) : row.rightCell(column));
        pseudoClassStateChanged(ABSENT, absent);
        pseudoClassStateChanged(CHANGED, !absent && changes.changed(row, column));
    }
}
