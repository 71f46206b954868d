package io.kisflow.designer.debug.diff;

import io.kisflow.designer.debug.data.RowJson;

import java.util.List;

/**
 * One line of the side-by-side diff table, made on demand: the pair (or lone row) of an entry with its
 * mark. Cells are "" on the side where the row does not exist.
 *
 * <pre>{@code leftColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().leftCell("stu_id")));}</pre>
 */
public record DiffRow(int entry, DiffKind kind, int leftIndex, int rightIndex, LevelDiff diff) {
    public String leftCell(String column) {
        Object row = diff.leftRow(entry);
        return row == null ? "" : RowJson.cellText(RowJson.field(row, column));
    }

    public String rightCell(String column) {
        Object row = diff.rightRow(entry);
        return row == null ? "" : RowJson.cellText(RowJson.field(row, column));
    }

    /** The fields to highlight on a changed row. */
    public List<String> changedColumns() {
        return diff.changedColumns(entry);
    }
}
