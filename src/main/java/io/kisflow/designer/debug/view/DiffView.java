package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.debug.diff.DiffRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Two levels compared side by side (a function's input and output, or one level in two runs): the
 * counts of changed, added, removed and same rows, "Only differences", the key the rows are paired
 * by, and one table with the before and after halves, rows marked and changed fields highlighted.
 * Before anything is compared it says how to compare.
 *
 * <pre>{@code DiffView diff = new DiffView(session.diff());
 * bottomTabs.getTabs().add(new Tab("Compare", diff));}</pre>
 */
public final class DiffView extends StackPane {
    static final String EMPTY = "Right-click a card and choose Compare input/output… to see two levels side by side here.";

    private final DiffModel model;
    private final DiffTable table;
    private final VBox content;
    private final RowsEmptyState empty = new RowsEmptyState("diffEmpty", EMPTY);

    public DiffView(DiffModel model) {
        this.model = model;
        setId("diff");
        getStyleClass().add("diff-view");
        table = new DiffTable(model);
        VBox.setVgrow(table, Priority.ALWAYS);
        content = new VBox(new DiffHeader(model), table);
        content.getStyleClass().add("rows-content");
        getChildren().addAll(content, empty);
        model.leftProperty().addListener((obs, old, now) -> showEmptyState());
        model.rightProperty().addListener((obs, old, now) -> showEmptyState());
        showEmptyState();
    }

    /** The side-by-side table, for the window's focus handling and for tests. */
    public TableView<DiffRow> table() {
        return table;
    }

    private void showEmptyState() {
        boolean none = model.leftProperty().get() == null || model.rightProperty().get() == null;
        empty.setVisible(none);
        content.setVisible(!none);
    }
}
