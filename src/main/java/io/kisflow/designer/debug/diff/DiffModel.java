package io.kisflow.designer.debug.diff;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.data.RowJson;
import io.kisflow.designer.debug.data.VirtualList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The view-model of "compare two levels side by side": a function's input and output, or one level
 * in two runs. The diff is computed on the background executor; the table pages through
 * {@link #rows()}, optionally only the rows that differ.
 *
 * <pre>{@code DiffModel diff = new DiffModel(Platform::runLater, pool);
 * diff.compare(inputLevel, outputLevel);
 * diff.keyColumnProperty().set("stu_id");   // align by key instead of by index}</pre>
 */
public final class DiffModel {
    private final Executor ui;
    private final Executor background;

    private final ReadOnlyObjectWrapper<LevelData> left = new ReadOnlyObjectWrapper<>(this, "left");
    private final ReadOnlyObjectWrapper<LevelData> right = new ReadOnlyObjectWrapper<>(this, "right");
    private final StringProperty keyColumn = new SimpleStringProperty(this, "keyColumn", "");
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(this, "onlyDifferences", false);
    private final javafx.beans.property.ObjectProperty<DiffAlignment> alignment =
            new javafx.beans.property.SimpleObjectProperty<>(this, "alignment", DiffAlignment.PAIRED);
    private final ReadOnlyObjectWrapper<LevelDiff> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<String> leftColumns = FXCollections.observableArrayList();
    private final ObservableList<String> leftColumnsView = FXCollections.unmodifiableObservableList(leftColumns);
    private final ObservableList<String> rightColumns = FXCollections.observableArrayList();
    private final ObservableList<String> rightColumnsView = FXCollections.unmodifiableObservableList(rightColumns);
    private final VirtualList<DiffRow> rows = new VirtualList<>();
    private final ReadOnlyIntegerWrapper same = new ReadOnlyIntegerWrapper(this, "same");
    private final ReadOnlyIntegerWrapper changed = new ReadOnlyIntegerWrapper(this, "changed");
    private final ReadOnlyIntegerWrapper added = new ReadOnlyIntegerWrapper(this, "added");
    private final ReadOnlyIntegerWrapper removed = new ReadOnlyIntegerWrapper(this, "removed");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final AtomicInteger generation = new AtomicInteger();
    /** Once the user picks how rows pair (a column or the position), compares stop guessing. */
    private boolean userPickedKey;
    private boolean guessing;

    public DiffModel(Executor ui, Executor background) {
        this.ui = ui;
        this.background = background;
        keyColumn.addListener((obs, old, now) -> {
            if (!guessing) {
                userPickedKey = true;
            }
            recompute();
        });
        onlyDifferences.addListener((obs, old, now) -> showRows());
        alignment.addListener((obs, old, now) -> recompute());
    }

    /**
     * Compares two levels (left = before, right = after). Unless the user picked the key column, rows
     * are paired by an id column both levels have ({@link KeyGuess}), else by position.
     */
    public void compare(LevelData before, LevelData after) {
        left.set(before);
        right.set(after);
        String current = keyColumn.get() == null ? "" : keyColumn.get();
        if (!userPickedKey) {
            String guess = KeyGuess.of(before.rows(), after.rows());
            String wanted = guess == null ? "" : guess;
            if (!wanted.equals(current)) {
                guessing = true;
                try {
                    keyColumn.set(wanted);   // recomputes
                } finally {
                    guessing = false;
                }
                return;
            }
        }
        recompute();
    }


    private void recompute() {
        LevelData l = left.get();
        LevelData r = right.get();
        if (l == null || r == null) {
            return;
        }
        int gen = generation.incrementAndGet();
        String key = keyColumn.get() == null ? "" : keyColumn.get().trim();
        DiffAlignment align = alignment.get();
        computing.set(true);
        error.set("");
        background.execute(() -> {
            try {
                LevelDiff d = align == DiffAlignment.SEQUENCE
                        ? LevelDiff.bySequence(l.rows(), r.rows(), () -> generation.get() != gen)
                        : key.isEmpty()
                        ? LevelDiff.byIndex(l.rows(), r.rows(), () -> generation.get() != gen)
                        : LevelDiff.byKey(l.rows(), r.rows(), key, () -> generation.get() != gen);
                if (d == null) {
                    return;
                }
                Set<String> leftNames = RowJson.columnsOf(l.rows(), 0, l.rows().size(), () -> generation.get() != gen);
                Set<String> rightNames = RowJson.columnsOf(r.rows(), 0, r.rows().size(), () -> generation.get() != gen);
                if (leftNames == null || rightNames == null) {
                    return;
                }
                ui.execute(() -> publish(gen, d, List.copyOf(leftNames), List.copyOf(rightNames)));
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (generation.get() == gen) {
                        computing.set(false);
                        error.set("could not compare the levels: " + e.getMessage());
                    }
                });
            }
        });
    }

    private void publish(int gen, LevelDiff d, List<String> leftNames, List<String> rightNames) {
        if (generation.get() != gen) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(leftNames);
        names.addAll(rightNames);
        result.set(d);
        columns.setAll(names);
        leftColumns.setAll(leftNames);
        rightColumns.setAll(rightNames);
        same.set(d.count(DiffKind.SAME));
        changed.set(d.count(DiffKind.CHANGED));
        added.set(d.count(DiffKind.ADDED));
        removed.set(d.count(DiffKind.REMOVED));
        computing.set(false);
        showRows();
    }

    private void showRows() {
        LevelDiff d = result.get();
        if (d == null) {
            return;
        }
        if (!onlyDifferences.get()) {
            rows.reset(d.size(), e -> new DiffRow(e, d.kind(e), d.leftIndex(e), d.rightIndex(e), d));
            return;
        }
        int[] differing = new int[d.size() - d.count(DiffKind.SAME)];
        int n = 0;
        for (int e = 0; e < d.size(); e++) {
            if (d.kind(e) != DiffKind.SAME) {
                differing[n++] = e;
            }
        }
        rows.reset(n, i -> {
            int e = differing[i];
            return new DiffRow(e, d.kind(e), d.leftIndex(e), d.rightIndex(e), d);
        });
    }

    public ReadOnlyObjectProperty<LevelData> leftProperty() {
        return left.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LevelData> rightProperty() {
        return right.getReadOnlyProperty();
    }

    /** A column to pair rows by; "" pairs them by index. */
    public StringProperty keyColumnProperty() {
        return keyColumn;
    }

    /**
     * How rows pair: by id (the key column, else the index), or aligned as sequences (Myers), where
     * one inserted row does not mark every later row as changed. The key column applies to the first only.
     */
    public javafx.beans.property.ObjectProperty<DiffAlignment> alignmentProperty() {
        return alignment;
    }

    /** Show only changed, added and removed rows. */
    public BooleanProperty onlyDifferencesProperty() {
        return onlyDifferences;
    }

    /** The last computed diff, null until one is ready. */
    public ReadOnlyObjectProperty<LevelDiff> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The union of both levels' columns. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    /** The left (before) level's columns, in first-seen order: the left half of a side-by-side table. */
    public ObservableList<String> leftColumns() {
        return leftColumnsView;
    }

    /** The right (after) level's columns, in first-seen order. */
    public ObservableList<String> rightColumns() {
        return rightColumnsView;
    }

    /** The diff's lines, made on demand: bind a TableView's items to it. */
    public ObservableList<DiffRow> rows() {
        return rows;
    }

    public ReadOnlyIntegerProperty sameProperty() {
        return same.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty addedProperty() {
        return added.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty removedProperty() {
        return removed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
