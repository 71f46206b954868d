package io.kisflow.designer.debug.inspect;

/**
 * One row of the inspector's table, made on demand when the table asks for a visible row and never
 * stored: a million-row level costs no million objects. A TableColumn's cell value factory calls
 * {@link #cell}.
 *
 * <pre>{@code column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell("stu_id")));}</pre>
 *
 * @param viewIndex the position in the filtered/sorted view
 * @param rowIndex  the row's index in the level (0-based; the table's "#" column shows rowIndex + 1)
 */
public record InspectorRow(int viewIndex, int rowIndex, InspectorModel model) {
    /** The text of one column of this row ("" when the row has no such field). */
    public String cell(String column) {
        return model.cellOfRow(rowIndex, column);
    }

    /** The row itself, as the function committed it. */
    public Object value() {
        return model.level().rows().get(rowIndex);
    }

    @Override
    public boolean equals(Object o) {
        // Two lookups of the same level row are the same table row (keeps selection stable).
        return o instanceof InspectorRow r && r.rowIndex == rowIndex && r.model == model;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(rowIndex);
    }

    @Override
    public String toString() {
        return "row " + (rowIndex + 1);
    }
}
