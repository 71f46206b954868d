package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.RunComparison;
import io.kisflow.designer.debug.RunRecord;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The "History" tab under the canvas: the last runs of the shown flow (kept while the project is
 * open) above the runs kept on disk ({@link StoredRunsView}: open, delete, import and export traces), "Show this run" to put an earlier run back on the cards, and "Compare with current" to see
 * it next to the latest run level by level, with the levels whose counts differ highlighted. "Diff
 * this level" compares the rows of one level in the session's diff; the window then shows the diff.
 *
 * <pre>{@code HistoryView history = new HistoryView(session);
 * history.setOnCompareLevel(() -> bottomTabs.getSelectionModel().select(diffTab));
 * history.showFlow("StuScore");}</pre>
 */
public final class HistoryView extends BorderPane {
    private final DebugSession session;
    private final Label title = RunViewParts.sectionTitle("RUNS");
    private final HistoryRunsTable runs;
    private final Button show = new Button("Show this run");
    private final Button compare = new Button("Compare with current");
    private final Label comparisonTitle = RunViewParts.sectionTitle("COMPARISON");
    private final HistoryComparisonTable comparison = new HistoryComparisonTable();
    private final Button diffLevel = new Button("Diff this level");
    private final Label differences = RunViewParts.sentence("historyDifferences", "");
    private FlowDebugState flow;
    private final ObjectProperty<RunRecord> current = new SimpleObjectProperty<>(this, "current");
    private RunComparison shownComparison;
    private Runnable onCompareLevel = () -> { };
    private Subscription subscriptions = Subscription.EMPTY;

    private final StoredRunsView stored;

    public HistoryView(DebugSession session) {
        this(session, TraceFileChooser.SYSTEM);
    }

    /** @param traces asks for the trace to import or where to export one (tests answer it) */
    public HistoryView(DebugSession session, TraceFileChooser traces) {
        this.session = session;
        this.stored = new StoredRunsView(session.storedRuns(), traces, this::runToExport);
        setId("historyView");
        getStyleClass().add("history-view");
        runs = new HistoryRunsTable(() -> flow == null ? null : flow.shownRunProperty().get());
        VBox.setVgrow(runs, Priority.ALWAYS);
        show.setId("historyShow");
        show.setTooltip(new Tooltip("Put this run's rows, calls and errors back on the cards"));
        show.setOnAction(e -> showSelected());
        compare.setId("historyCompare");
        compare.setTooltip(new Tooltip("Compare this run with the latest run of the flow, level by level"));
        compare.setOnAction(e -> compareSelected());
        var selected = runs.getSelectionModel().selectedItemProperty();
        show.disableProperty().bind(selected.isNull());
        compare.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get() == current.get(), selected, current));
        runs.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                showSelected();
            }
        });
        HBox runButtons = new HBox(6, show, compare);
        runButtons.setAlignment(Pos.CENTER_LEFT);
        VBox inMemory = new VBox(4, title, runs, runButtons);
        SplitPane left = new SplitPane(inMemory, stored);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.5);

        // one line: a wrapped label in a row would ask for the height of one word per line
        differences.setWrapText(false);
        differences.setMinHeight(Region.USE_COMPUTED_SIZE);
        differences.setMinWidth(0);
        diffLevel.setMinWidth(Region.USE_PREF_SIZE);
        diffLevel.setId("historyDiffLevel");
        diffLevel.setTooltip(new Tooltip("Compare the rows of the selected level in both runs, row by row"));
        diffLevel.disableProperty().bind(comparison.getSelectionModel().selectedItemProperty().isNull());
        diffLevel.setOnAction(e -> diffSelectedLevel());
        comparison.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                diffSelectedLevel();
            }
        });
        VBox.setVgrow(comparison, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox diffBar = new HBox(8, differences, spacer, diffLevel);
        diffBar.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(4, comparisonTitle, comparison, diffBar);

        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(4));
        showFlow(null);
    }

    /** Shows the runs of this flow; null (or a flow the project no longer has) shows none. */
    public void showFlow(String flowName) {
        subscriptions.unsubscribe();
        current.unbind();
        current.set(null);
        flow = flowName == null ? null : session.flow(flowName);
        stored.showFlow(flow == null ? null : flow.name());
        comparison.clearRuns();
        shownComparison = null;
        differences.setText("");
        comparisonTitle.setText("COMPARISON");
        if (flow == null) {
            runs.setItems(null);
            title.setText("RUNS");
            runs.setEmptySentence("Select a flow lane on the canvas to see its runs.");
            subscriptions = Subscription.EMPTY;
            return;
        }
        FlowDebugState f = flow;
        runs.setItems(f.history().runs());
        // short enough for the tab at the default window size; the rest on hover
        title.setText("RUNS OF " + f.name() + " · LAST " + f.history().capacity());
        title.setTooltip(new Tooltip("The last " + f.history().capacity() + " runs of " + f.name() + ", kept while the project is open"));
        runs.setEmptySentence(f.name() + " has not run yet: run it (F5) and its runs are kept here, so you can"
                + " reopen one and compare it with the latest.");
        current.bind(f.lastRunProperty());
        subscriptions = Subscription.combine(
                f.shownRunProperty().subscribe(r -> runs.refresh()),
                f.lastRunProperty().subscribe(r -> runs.refresh()));
    }

    /** Puts the selected run back on the cards (the canvas then shows its counts). */
    public void showSelected() {
        RunRecord r = runs.getSelectionModel().getSelectedItem();
        if (flow != null && r != null) {
            flow.show(r);
        }
    }

    /** Compares the selected run with the flow's latest run, level by level. */
    public void compareSelected() {
        RunRecord before = runs.getSelectionModel().getSelectedItem();
        RunRecord after = current.get();
        if (before == null || after == null || before == after) {
            return;
        }
        shownComparison = flow.compare(before, after);
        comparison.getItems().setAll(shownComparison.rows());
        comparisonTitle.setText("RUN #" + before.number() + " (BEFORE) → RUN #" + after.number() + " (CURRENT)");
        comparison.showRuns(before.number(), after.number());
        long differ = comparison.getItems().stream().filter(RunComparison.Row::countsDiffer).count();
        differences.setText(differ == 0 ? "Every level has the same rows, calls and outcome in both runs."
                : differ + (differ == 1 ? " level differs" : " levels differ") + " (highlighted): select one and diff its rows.");
        comparison.getSelectionModel().clearSelection();
        for (RunComparison.Row row : comparison.getItems()) {
            if (row.countsDiffer()) {
                comparison.getSelectionModel().select(row);
                break;
            }
        }
    }

    /** Diffs the selected level of the comparison in the session's diff, then tells the window. */
    public void diffSelectedLevel() {
        RunComparison.Row row = comparison.getSelectionModel().getSelectedItem();
        if (row == null || shownComparison == null || flow == null) {
            return;
        }
        session.compareRuns(flow.name(), row.position(), shownComparison.beforeRun(), shownComparison.afterRun());
        onCompareLevel.run();
    }

    /** Called after "Diff this level" filled the session's diff: the window shows the diff tab. */
    public void setOnCompareLevel(Runnable action) {
        onCompareLevel = action == null ? () -> { } : action;
    }

    HistoryRunsTable runsTable() {
        return runs;
    }

    /** The run "Export trace…" writes: the one selected in the runs list, else the one on the cards. */
    private RunRecord runToExport() {
        RunRecord r = runs.getSelectionModel().getSelectedItem();
        return r != null ? r : flow == null ? null : flow.shownRunProperty().get();
    }

    StoredRunsView storedRuns() {
        return stored;
    }

    HistoryComparisonTable comparisonTable() {
        return comparison;
    }
}
