package io.kisflow.designer.debug.inspect;

import io.kisflow.designer.debug.data.RowJson;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The union of the rows' fields, in first-seen order. The inspector samples the first
 * {@link #SAMPLE} rows on the calling thread (so a table appears at once) and scans the rest in the
 * background, adding columns as they turn up.
 */
final class ColumnScan {
    /** Rows read on the calling thread when a level is opened. */
    static final int SAMPLE = 1_000;

    private ColumnScan() {
    }

    static Set<String> columns(List<Object> rows, int from, int to) {
        return RowJson.columnsOf(rows, from, to, () -> false);
    }

    /** The columns of rows [from, size), or null when cancelled (records: once per class, not per row). */
    static Set<String> columnsFrom(List<Object> rows, int from, BooleanSupplier cancelled) {
        return RowJson.columnsOf(rows, from, rows.size(), cancelled);
    }
}
