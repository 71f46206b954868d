package io.kisflow.designer.tests;

import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.flowtest.CaseResult;
import io.kisflow.flowtest.FailureText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Supplier;

/**
 * The Tests tab: "Save run as test", "Run all", "Run" (the selected cases) and Cancel with the
 * progress; the cases with their status (pass, fail, stale, not run), flow and first line; under the
 * list, the selected failure in words and a button per differing level that shows its expected and
 * actual rows in the Diff tab.
 *
 * <pre>{@code new TestsView(vm.tests, () -> session.diff(), () -> window.showTab("diffTab"), window::saveRunAsTest)}</pre>
 */
public final class TestsView extends BorderPane {
    private final TestsModel model;
    private final TableView<TestCaseRow> table = new TableView<>();
    private final TextArea failure = new TextArea();
    private final FlowPane compareButtons = new FlowPane(6, 4);

    /**
     * @param diff       the debugger's diff model (null before a project is open)
     * @param showDiff   brings the Diff tab forward
     * @param saveRun    opens "Save run as test" for the selected flow
     */
    public TestsView(TestsModel model, Supplier<DiffModel> diff, Runnable showDiff, Runnable saveRun) {
        this.model = model;
        setId("tests");
        Button save = new Button("Save run as test\u2026");
        save.setId("saveRunAsTestButton");
        save.setOnAction(e -> saveRun.run());
        Button runAll = new Button("Run all");
        runAll.setId("runAllTests");
        runAll.setOnAction(e -> model.runAll());
        Button runSelected = new Button("Run");
        runSelected.setId("runSelectedTests");
        runSelected.setOnAction(e -> model.run(table.getSelectionModel().getSelectedItems().stream().map(TestCaseRow::name).toList()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTests");
        cancel.setOnAction(e -> model.cancel());
        runAll.disableProperty().bind(model.runningProperty().or(Bindings.isEmpty(model.cases())));
        runSelected.disableProperty().bind(model.runningProperty().or(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())));
        cancel.disableProperty().bind(model.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        Label message = new Label();
        message.setId("testsMessage");
        message.textProperty().bind(model.messageProperty());
        setTop(new ToolBar(save, runAll, runSelected, cancel, progress, message));

        table.setId("testsTable");
        table.setItems(model.cases());
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No tests yet: run a flow, check its levels, then \"Save run as test\"."));
        TableColumn<TestCaseRow, TestStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TestStatus s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove("run-error-text");
                setText(empty || s == null ? null : s.label());
                // the theme's colours: red for a failure, the warning colour (readable on the panel) for stale
                setStyle(!empty && s == TestStatus.STALE ? "-fx-text-fill: -kf-warning-text;" : null);
                if (!empty && s == TestStatus.FAILED) {
                    getStyleClass().add("run-error-text");
                }
            }
        });
        status.setPrefWidth(70);
        TableColumn<TestCaseRow, String> name = new TableColumn<>("Test");
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().name()));
        name.setPrefWidth(200);
        TableColumn<TestCaseRow, String> flow = new TableColumn<>("Flow");
        flow.setCellValueFactory(c -> c.getValue().flowProperty());
        flow.setPrefWidth(120);
        TableColumn<TestCaseRow, String> detail = new TableColumn<>("Result");
        detail.setCellValueFactory(c -> c.getValue().detailProperty());
        detail.setPrefWidth(460);
        table.getColumns().setAll(List.of(status, name, flow, detail));

        failure.setId("testFailure");
        failure.setEditable(false);
        failure.setWrapText(false);
        failure.setStyle("-fx-font-family: monospace;");
        VBox details = new VBox(6, compareButtons, failure);
        details.setPadding(new Insets(6));
        VBox.setVgrow(failure, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);

        Runnable showSelected = () -> show(table.getSelectionModel().getSelectedItem(), diff, showDiff);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            showSelected.run();
        });
        model.cases().addListener((javafx.collections.ListChangeListener<TestCaseRow>) c -> showSelected.run());
        // a result arriving for the selected case shows at once
        model.runningProperty().addListener((o, a, b) -> showSelected.run());
    }

    public TableView<TestCaseRow> table() {
        return table;
    }

    private void show(TestCaseRow row, Supplier<DiffModel> diff, Runnable showDiff) {
        compareButtons.getChildren().clear();
        CaseResult r = row == null ? null : row.result();
        if (r == null || r.passed()) {
            failure.setText(row == null ? "" : r == null ? "Not run yet." : "Passed in " + r.millis() + " ms.");
            return;
        }
        failure.setText(String.join("\n", FailureText.lines(r)));
        for (String level : model.differingLevels(row)) {
            Button b = new Button("Compare " + level + " in Diff");
            b.setId("compare-" + level);
            b.setOnAction(e -> {
                DiffModel d = diff.get();
                if (d != null && model.compare(row, level, d)) {
                    showDiff.run();
                }
            });
            compareButtons.getChildren().add(b);
        }
    }
}
