package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.diff.DiffModel;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The diff's first line: the counts ("3 changed · 1 added · 2 removed · 40 same", each in its mark's
 * colour), "comparing…" while the model works, its error, and the controls: "Only differences" and
 * the key the rows are paired by.
 */
final class DiffHeader extends HBox {
    private final DiffModel model;
    private final HBox counts = new HBox();
    private final Label busy = new Label("comparing…");
    private final Label error = new Label();

    DiffHeader(DiffModel model) {
        this.model = model;
        getStyleClass().add("rows-header");
        counts.setId("diffCounts");
        counts.getStyleClass().add("diff-counts");
        counts.setMinWidth(USE_PREF_SIZE);
        busy.setId("diffBusy");
        busy.getStyleClass().add("rows-busy");
        busy.setMinWidth(USE_PREF_SIZE);
        error.setId("diffError");
        error.getStyleClass().addAll("rows-message", "error");
        error.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        error.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(error, Priority.ALWAYS);
        CheckBox onlyDifferences = new CheckBox("Only differences");
        onlyDifferences.setId("diffOnlyDifferences");
        onlyDifferences.setMinWidth(USE_PREF_SIZE);
        onlyDifferences.selectedProperty().bindBidirectional(model.onlyDifferencesProperty());
        Label pairBy = new Label("Pair rows by");
        pairBy.getStyleClass().add("field-label");
        pairBy.setMinWidth(USE_PREF_SIZE);
        Region gap = new Region();
        gap.setMinWidth(8);
        // id-paired or sequence-aligned (Myers): one inserted row then is one added row, not a cascade of changes
        javafx.scene.control.ChoiceBox<io.kisflow.designer.debug.diff.DiffAlignment> alignment =
                new javafx.scene.control.ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                        io.kisflow.designer.debug.diff.DiffAlignment.values()));
        alignment.setId("diffAlignment");
        alignment.setMinWidth(USE_PREF_SIZE);
        alignment.setTooltip(new Tooltip("Pair by id: rows with the same key (or index) face each other. Align as sequence:"
                + " a Myers diff keeps rows in order, so one inserted row shows as one added row"));
        alignment.valueProperty().bindBidirectional(model.alignmentProperty());
        DiffKeyChooser key = new DiffKeyChooser(model);
        var paired = javafx.beans.binding.Bindings.equal(model.alignmentProperty(), io.kisflow.designer.debug.diff.DiffAlignment.PAIRED);
        key.disableProperty().bind(paired.not());
        pairBy.disableProperty().bind(paired.not());
        Region gap2 = new Region();
        gap2.setMinWidth(8);
        getChildren().addAll(counts, busy, error, onlyDifferences, gap, alignment, gap2, pairBy, key);

        InvalidationListener refresh = this::refresh;
        for (Observable o : new Observable[]{model.changedProperty(), model.addedProperty(), model.removedProperty(),
                model.sameProperty(), model.computingProperty(), model.errorProperty(), model.resultProperty()}) {
            o.addListener(refresh);
        }
        refresh(null);
    }

    /** The counts as one line of text ("3 changed · 1 added · 2 removed · 40 same"). */
    String countsText() {
        StringBuilder sb = new StringBuilder();
        counts.getChildren().forEach(n -> sb.append(((Label) n).getText()));
        return sb.toString();
    }

    private void refresh(Observable ignored) {
        counts.getChildren().clear();
        if (model.resultProperty().get() != null) {
            count(model.changedProperty(), "changed", "diff-count-changed");
            count(model.addedProperty(), "added", "diff-count-added");
            count(model.removedProperty(), "removed", "diff-count-removed");
            count(model.sameProperty(), "same", "diff-count-same");
        }
        boolean computing = model.computingProperty().get();
        busy.setVisible(computing);
        busy.setManaged(computing);
        error.setText(model.errorProperty().get());
        error.setTooltip(error.getText().isEmpty() ? null : new Tooltip(error.getText()));
    }

    private void count(ReadOnlyIntegerProperty value, String word, String style) {
        if (!counts.getChildren().isEmpty()) {
            Label dot = new Label(" · ");
            dot.getStyleClass().add("diff-count-separator");
            counts.getChildren().add(dot);
        }
        Label label = new Label(RowsFormat.count(value.get()) + " " + word);
        label.getStyleClass().addAll("diff-count", style);
        if (value.get() == 0) {
            label.getStyleClass().add("zero");   // quiet, so the eye goes to what did change
        }
        label.setMinWidth(USE_PREF_SIZE);
        counts.getChildren().add(label);
    }
}
