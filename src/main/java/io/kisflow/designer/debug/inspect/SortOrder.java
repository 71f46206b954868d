package io.kisflow.designer.debug.inspect;

import java.util.Objects;

/** The inspector's sort: one column, ascending or descending. Rows without the field go last either way. */
public record SortOrder(String column, boolean ascending) {
    public SortOrder {
        Objects.requireNonNull(column, "column");
    }
}
