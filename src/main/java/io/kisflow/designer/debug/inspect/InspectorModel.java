package io.kisflow.designer.debug.inspect;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data inspector's view-model: one level at a time as a virtual table (columns from the rows'
 * fields, rows made on demand), with filter, sort, raw JSON, copy and export. Opening a level reads
 * only the first {@value ColumnScan#SAMPLE} rows on the calling thread; the remaining columns, the
 * filtered/sorted index and exports are computed on the background executor and published through
 * the UI executor, so a million-row level never blocks the window.
 *
 * <pre>{@code InspectorModel inspector = new InspectorModel(Platform::runLater, backgroundPool);
 * table.setItems(inspector.rows());
 * inspector.show(level);
 * inspector.filterProperty().bind(filterField.textProperty());}</pre>
 *
 * All methods and properties are for the UI thread, except {@link #copy}, which may run anywhere.
 */
public final class InspectorModel {
    private static final int TREE_CACHE_SIZE = 1_024;
    private static final LevelData NOTHING = LevelData.source("", List.of());

    private final Executor ui;
    private final Executor background;

    private final ReadOnlyObjectWrapper<LevelData> level = new ReadOnlyObjectWrapper<>(this, "level", NOTHING);
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final VirtualList<InspectorRow> rows = new VirtualList<>();
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(this, "rowCount");
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper(this, "visibleCount");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty matchCase = new SimpleBooleanProperty(this, "matchCase", false);
    private final ReadOnlyObjectWrapper<SortOrder> sort = new ReadOnlyObjectWrapper<>(this, "sort");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyBooleanWrapper columnsComplete = new ReadOnlyBooleanWrapper(this, "columnsComplete", true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    // Bumped on every change; background work compares and gives up when it is outdated.
    private final AtomicInteger levelGeneration = new AtomicInteger();
    private final AtomicInteger viewGeneration = new AtomicInteger();
    private RowView view = RowView.identity(0);
    private final Map<Integer, JsonNode> treeCache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, JsonNode> eldest) {
            return size() > TREE_CACHE_SIZE;
        }
    };

    /**
     * @param ui         runs results on the UI thread ({@code Platform::runLater}; direct in tests)
     * @param background runs filters, sorts, column scans and exports (a daemon pool; direct in tests)
     */
    public InspectorModel(Executor ui, Executor background) {
        this.ui = ui;
        this.background = background;
        filter.addListener((obs, old, now) -> recomputeView());
        matchCase.addListener((obs, old, now) -> recomputeView());
    }

    /** Shows a level; keeps the filter, and the sort when the new level has that column. */
    public void show(LevelData newLevel) {
        int gen = levelGeneration.incrementAndGet();
        level.set(newLevel);
        treeCache.clear();
        error.set("");
        List<Object> data = newLevel.rows();
        rowCount.set(data.size());
        int sampled = Math.min(ColumnScan.SAMPLE, data.size());
        columns.setAll(ColumnScan.columns(data, 0, sampled));
        if (sort.get() != null && !columns.contains(sort.get().column()) && sampled == data.size()) {
            sort.set(null);
        }
        columnsComplete.set(sampled == data.size());
        if (sampled < data.size()) {
            background.execute(() -> scanRemainingColumns(data, sampled, gen));
        }
        if (!new ViewSpec(filter.get(), matchCase.get(), sort.get()).isIdentity()) {
            // The old view's indexes point into the old level: show no row until the new view is ready.
            applyView(RowView.identity(0));
        }
        recomputeView();
    }

    /** False until the first {@link #show}: the inspector then shows how to get a level instead of a table. */
    public boolean hasLevel() {
        return level.get() != NOTHING;
    }

    private void scanRemainingColumns(List<Object> data, int from, int gen) {
        try {
            Set<String> more = ColumnScan.columnsFrom(data, from, () -> levelGeneration.get() != gen);
            if (more != null) {
                ui.execute(() -> {
                    if (levelGeneration.get() == gen) {
                        for (String c : more) {
                            if (!columns.contains(c)) {
                                columns.add(c);
                            }
                        }
                        columnsComplete.set(true);
                    }
                });
            }
        } catch (RuntimeException e) {
            ui.execute(() -> error.set("could not read the columns of row: " + e.getMessage()));
        }
    }

    /** Sorts the view by a column (stable: equal keys keep the level's order). */
    public void sortBy(String column, boolean ascending) {
        sort.set(new SortOrder(column, ascending));
        recomputeView();
    }

    public void clearSort() {
        sort.set(null);
        recomputeView();
    }

    private void recomputeView() {
        ViewSpec spec = new ViewSpec(filter.get(), matchCase.get(), sort.get());
        int gen = viewGeneration.incrementAndGet();
        List<Object> data = level.get().rows();
        if (spec.isIdentity()) {
            applyView(RowView.identity(data.size()));
            computing.set(false);
            return;
        }
        computing.set(true);
        background.execute(() -> {
            try {
                RowView v = RowViewBuilder.build(data, spec, () -> viewGeneration.get() != gen);
                if (v != null) {
                    ui.execute(() -> {
                        if (viewGeneration.get() == gen) {
                            applyView(v);
                            computing.set(false);
                        }
                    });
                }
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (viewGeneration.get() == gen) {
                        computing.set(false);
                        error.set("could not filter or sort the rows: " + e.getMessage());
                    }
                });
            }
        });
    }

    private void applyView(RowView v) {
        view = v;
        visibleCount.set(v.size());
        rows.reset(v.size(), i -> new InspectorRow(i, v.rowIndex(i), this));
    }

    /** The text of a cell; visible rows' trees are cached so scrolling a table of POJOs stays cheap. */
    String cellOfRow(int rowIndex, String column) {
        Object row = level.get().rows().get(rowIndex);
        if (!RowJson.needsTree(row)) {
            return RowJson.cellText(RowJson.field(row, column));
        }
        JsonNode tree = treeCache.computeIfAbsent(rowIndex, i -> RowJson.tree(row));
        return RowJson.cellText(RowJson.fieldOfTree(tree, column));
    }

    /** The level index of the row shown at a view position. */
    public int rowIndex(int viewIndex) {
        return view.rowIndex(viewIndex);
    }

    /** The text of one cell at a view position. */
    public String cell(int viewIndex, String column) {
        return cellOfRow(view.rowIndex(viewIndex), column);
    }

    /** One row as indented JSON (the raw view of the selected row). */
    public String rawJson(int viewIndex) {
        return RowJson.pretty(level.get().rows().get(view.rowIndex(viewIndex)));
    }

    /** The first {@code maxRows} rows of the view as a JSON array (the raw view of the level). */
    public String levelJson(int maxRows) {
        return RowText.jsonArray(viewRows(firstIndexes(Math.min(maxRows, view.size()))));
    }

    /**
     * The rows at the given view positions as clipboard text: TSV (a header line of the columns, one
     * line per row) or a JSON array.
     */
    public String copy(int[] viewIndexes, CopyFormat format) {
        List<Object> picked = viewRows(viewIndexes);
        if (format == CopyFormat.JSON) {
            return RowText.jsonArray(picked);
        }
        Set<String> names = new LinkedHashSet<>(columns);
        for (Object row : picked) {
            RowJson.collectColumns(row, names);
        }
        return RowText.tsv(picked, new ArrayList<>(names));
    }

    /**
     * Writes the level (all rows in level order, or only the filtered/sorted view) to a file,
     * off the UI thread. The future completes on the UI executor; it fails with an IOException whose
     * message names the file and the reason.
     */
    public CompletableFuture<ExportResult> export(Path file, ExportFormat format, boolean viewOnly) {
        List<Object> data = level.get().rows();
        RowView v = viewOnly ? view : RowView.identity(data.size());
        CompletableFuture<ExportResult> result = new CompletableFuture<>();
        background.execute(() -> {
            try {
                ExportResult r = LevelExport.write(file, format, data, v);
                ui.execute(() -> result.complete(r));
            } catch (IOException | RuntimeException e) {
                IOException failure = LevelExport.describe(file, e);
                ui.execute(() -> result.completeExceptionally(failure));
            }
        });
        return result;
    }

    private List<Object> viewRows(int[] viewIndexes) {
        List<Object> data = level.get().rows();
        List<Object> out = new ArrayList<>(viewIndexes.length);
        for (int v : viewIndexes) {
            out.add(data.get(view.rowIndex(v)));
        }
        return out;
    }

    private static int[] firstIndexes(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    public LevelData level() {
        return level.get();
    }

    public ReadOnlyObjectProperty<LevelData> levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** The columns, in first-seen order; grows while {@link #columnsCompleteProperty()} is false. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    /** The rows of the view, made on demand: bind a TableView's items to it. */
    public ObservableList<InspectorRow> rows() {
        return rows;
    }

    /** Rows in the level. */
    public ReadOnlyIntegerProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    /** Rows the filter lets through. */
    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    /** Substring of the rendered row (case-insensitive unless {@link #matchCaseProperty()}); empty shows all. */
    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty matchCaseProperty() {
        return matchCase;
    }

    public ReadOnlyObjectProperty<SortOrder> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    /** True while a filter or sort is being computed (the table still shows the previous view). */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** False while rows beyond the sample are still being scanned for more columns. */
    public ReadOnlyBooleanProperty columnsCompleteProperty() {
        return columnsComplete.getReadOnlyProperty();
    }

    /** The last failure of background work, for a message line; "" when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
