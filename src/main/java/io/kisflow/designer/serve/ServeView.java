package io.kisflow.designer.serve;

import io.kisflow.designer.ui.ValidationMark;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The Serve tab: on the left the selected flow's deployment settings and the buttons (Start locally,
 * Stop, Export deployment…); on the right what the local service does: its state and last message,
 * records per second, records processed, lag per partition, and its error lines.
 *
 * <pre>{@code bottomTabs.getTabs().add(new Tab("Serve", new ServeView(vm.serve, () -> stage)));}</pre>
 */
public final class ServeView extends HBox {
    private final ServeTabModel model;
    private final Supplier<javafx.stage.Window> owner;

    public ServeView(ServeTabModel model, Supplier<javafx.stage.Window> owner) {
        this.model = model;
        this.owner = owner;
        setId("serveView");
        setSpacing(16);
        setPadding(new Insets(10));
        VBox settings = settings();
        VBox live = live();
        HBox.setHgrow(live, Priority.ALWAYS);
        live.setMinWidth(LIVE_MIN_WIDTH);
        live.setPrefWidth(LIVE_MIN_WIDTH); // its message's one-line width is no claim: the settings get theirs first, it the rest
        // the tab's height is the window's to give: the form scrolls and the table and list give way, rather
        // than the tab asking the split above for more room
        setMinHeight(0);
        getChildren().addAll(settings, live);
    }

    /** The settings column's width: the fields, their help and a refusal's line wrap in it instead of widening it. */
    static final double SETTINGS_WIDTH = 460;
    /** Narrower in a small window, so that the live figures keep {@link #LIVE_MIN_WIDTH}. */
    static final double SETTINGS_MIN_WIDTH = 360;
    static final double LIVE_MIN_WIDTH = 270;

    private VBox settings() {
        Label title = new Label();
        title.getStyleClass().add("run-section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.flowProperty().get() == null ? "NO FLOW TO SERVE"
                : "SERVE " + model.flowProperty().get().toUpperCase(java.util.Locale.ROOT), model.flowProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        // label, field, label, field: the short numbers two to a row, so the form fits the tab's usual height
        ColumnConstraints label = new ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE, Region.USE_PREF_SIZE);
        // narrow enough at the least that the form fits the column's least width beside a scroll bar
        ColumnConstraints number = new ColumnConstraints(40, 60, Double.MAX_VALUE);
        number.setHgrow(Priority.ALWAYS);
        ColumnConstraints interval = new ColumnConstraints(46, 60, Double.MAX_VALUE); // "1000" whole
        interval.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, number, label, interval);
        int row = 0;
        field(grid, row++, 0, 3, "Broker", "serveKafka", model.kafka, "Kafka bootstrap brokers, HOST:PORT[,HOST:PORT]");
        field(grid, row++, 0, 3, "Topic", "serveTopic", model.topic, "The topic whose records become the flow's source rows");
        CheckBox json = new CheckBox("Record values are JSON");
        json.setId("serveJson");
        json.setTooltip(new Tooltip("Each record value is parsed as JSON (objects become maps); else the row is the value as a string"));
        json.selectedProperty().bindBidirectional(model.json);
        grid.add(json, 1, row++, 3, 1);
        field(grid, row++, 0, 3, "Group", "serveGroup", model.group, "The consumer group: every instance with this group shares the partitions");
        field(grid, row++, 0, 3, "Dead letter", "serveDeadLetter", model.deadLetter, "Topic for failed batches; empty: a failed batch pauses its partition");
        field(grid, row, 0, 1, "Threads", "serveThreads", model.threads, "Consumers in one process, each with its own fork of the flow");
        field(grid, row++, 2, 1, "Batch size", "serveBatchSize", model.batchSize, "Records per poll at most (one run per partition's batch)");
        field(grid, row, 0, 1, "Batch wait (ms)", "serveBatchWait", model.batchWait, "How long a poll waits for records");
        field(grid, row++, 2, 1, "Commit interval (ms)", "serveCommitInterval", model.commitInterval,
                "How long finished batches may wait for their offsets' commit (--commit-interval); 0: after every poll");
        Label commitHelp = sentence("");
        commitHelp.setId("serveCommitIntervalHelp");
        commitHelp.setStyle("-fx-font-size: 11px;");
        commitHelp.textProperty().bind(model.commitIntervalHelpProperty());
        grid.add(commitHelp, 0, row, 4, 1);

        // one line under the form (the field itself carries ControlsFX's mark); the whole sentence shows
        // on hover when it is longer than the line
        Label error = new Label();
        error.setId("serveFieldError");
        error.getStyleClass().add("field-error");
        error.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        error.textProperty().bind(model.fieldErrorProperty());
        error.setMinHeight(16);
        error.setPrefHeight(16);
        // there only while a value is refused: it takes its line from the form's scrolled view, and the
        // buttons above it never move
        error.visibleProperty().bind(model.fieldErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.fieldErrorProperty());
        error.tooltipProperty().bind(Bindings.when(model.fieldErrorProperty().isNull()).then((Tooltip) null).otherwise(whole));

        grid.setPadding(new Insets(0, 4, 0, 0)); // the fields' right edge clear of a scroll bar
        grid.disableProperty().bind(model.flowProperty().isNull());
        // the tab may be shorter than the form: the form scrolls, the refusal's line and the buttons stay in view
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("serveSettings");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setStyle("-fx-background-color: transparent;");
        scroll.setMinHeight(60);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button start = new Button("Start locally");
        start.setId("serveStart");
        start.setTooltip(new Tooltip("Run serve for this flow in a child process against the broker above (the project's saved files)"));
        start.setOnAction(e -> model.start());
        start.disableProperty().bind(model.stateProperty().isNotEqualTo(ServeTabModel.State.STOPPED).or(model.flowProperty().isNull()));
        Button stop = new Button("Stop");
        stop.setId("serveStop");
        stop.setTooltip(new Tooltip("SIGTERM: the batches in flight finish and are committed; killed if it has not ended after the batch wait plus 10 s"));
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.stateProperty().isEqualTo(ServeTabModel.State.STOPPED)
                .or(model.stateProperty().isEqualTo(ServeTabModel.State.CHECKING))
                .or(model.stateProperty().isEqualTo(ServeTabModel.State.STOPPING)));
        Button export = new Button("Export deployment…");
        export.setId("serveExport");
        export.setTooltip(new Tooltip("Write a folder with the configs, functions/, the deployment file and start.sh"));
        export.setOnAction(e -> export());
        export.disableProperty().bind(model.flowProperty().isNull());
        // the buttons share the title's row (a row of their own left the form too little of the tab's usual
        // height) and go under it when the column is narrow
        title.setTooltip(new Tooltip("Kept in the project's .kisflow-studio.json, never in the KisFlow YAML"));
        HBox buttons = new HBox(6, start, stop, export);
        for (Button b : java.util.List.of(start, stop, export)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane head = new FlowPane(12, 4, title, buttons);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, head, scroll, error);
        box.setMinWidth(SETTINGS_MIN_WIDTH);
        box.setPrefWidth(SETTINGS_WIDTH);
        box.setMaxWidth(SETTINGS_WIDTH);
        return box;
    }

    /** A label at {@code column} and its text field beside it, over {@code span} columns, marked while the model refuses its value. */
    private void field(GridPane grid, int row, int column, int span, String label, String id, StringProperty value, String tip) {
        Label l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        TextField f = new TextField();
        f.setId(id);
        f.setTooltip(new Tooltip(tip));
        f.textProperty().bindBidirectional(value);
        ValidationMark.decorate(f, model.errorProperty(value));
        l.setLabelFor(f);
        grid.add(l, column, row);
        grid.add(f, column + 1, row, span, 1);
    }

    private VBox live() {
        LiveFigures f = model.figures();
        Label state = new Label();
        state.setId("serveState");
        state.getStyleClass().addAll("run-chip", "run-chip-accent");
        state.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case STOPPED -> "Not running";
            case CHECKING -> "Checking the broker";
            case STARTING -> "Starting";
            case RUNNING -> "Running";
            case STOPPING -> "Stopping";
        }, model.stateProperty()));
        Label rate = new Label();
        rate.setId("serveRate");
        rate.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,.0f records/s   %,d processed",
                f.perSecondProperty().get(), f.processedProperty().get()), f.perSecondProperty(), f.processedProperty()));
        HBox head = new HBox(10, state, rate);
        head.setAlignment(Pos.CENTER_LEFT);
        Label message = sentence("");
        message.setId("serveMessage");
        message.textProperty().bind(model.messageProperty());

        TableView<LiveFigures.PartitionLag> lag = new TableView<>(f.partitions());
        lag.setId("serveLag");
        lag.setPlaceholder(sentence("Partitions appear here once the service has them."));
        TableColumn<LiveFigures.PartitionLag, String> partition = new TableColumn<>("Partition");
        partition.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().partition()));
        partition.setPrefWidth(110);
        TableColumn<LiveFigures.PartitionLag, String> committed = new TableColumn<>("Next offset");
        committed.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(String.format("%,d", c.getValue().committed())));
        committed.setPrefWidth(95);
        TableColumn<LiveFigures.PartitionLag, String> behind = new TableColumn<>("Lag");
        behind.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(
                c.getValue().lag() < 0 ? "–" : String.format("%,d", c.getValue().lag())));
        behind.setPrefWidth(70);
        lag.getColumns().addAll(java.util.List.of(partition, committed, behind));
        lag.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lag.setPrefHeight(140);
        lag.setMinHeight(48); // gives way first when the tab is short: the errors below stay in view
        VBox.setVgrow(lag, Priority.ALWAYS);

        ListView<String> errors = new ListView<>(f.errors());
        errors.setId("serveErrors");
        errors.setPlaceholder(sentence("No errors."));
        errors.setPrefHeight(70);
        errors.setMinHeight(40);
        errors.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                // a long line ends in "…" instead of widening the list: a horizontal scroll bar took a third of its height
                setPrefWidth(0);
                setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty ? null : new Tooltip(item)); // the whole line, however long
            }
        });
        Label lagTitle = new Label("LAG PER PARTITION");
        lagTitle.getStyleClass().add("run-section-title");
        Label errorsTitle = new Label("ERRORS");
        errorsTitle.getStyleClass().add("run-section-title");
        return new VBox(4, head, message, lagTitle, lag, errorsTitle, errors);
    }

    private static Label sentence(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("run-sentence");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void export() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the deployment of " + model.flowProperty().get() + " to a new or empty folder");
        File dir = chooser.showDialog(owner.get());
        if (dir != null) {
            model.export(dir.toPath(), runningJarName());
        }
    }

    /** The jar this designer runs from (its file name: the README puts it beside the deployment), or the studio jar's usual name. */
    static String runningJarName() {
        String cp = System.getProperty("java.class.path", "");
        if (!cp.contains(File.pathSeparator) && cp.endsWith(".jar")) {
            return Path.of(cp).getFileName().toString();
        }
        return "kisflow-studio.jar";
    }
}
