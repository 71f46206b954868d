package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.FunctionTiming;
import io.kisflow.designer.debug.RunRecord;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import java.util.Locale;
import java.util.function.Function;

/**
 * The "Timings" tab under the canvas: time spent in each function of the run the cards show, in
 * chain order (calls, total, mean and longest call, and its share of the run as a bar), and the
 * switch that serves the engine's Prometheus metrics on 127.0.0.1 ({@link MetricsSwitch}).
 *
 * <pre>{@code TimingsView timings = new TimingsView(session);
 * timings.showFlow("StuScore");}</pre>
 */
public final class TimingsView extends BorderPane {
    private final DebugSession session;
    private final Label title = RunViewParts.sectionTitle("TIMINGS");
    private final TableView<FunctionTiming> table = new TableView<>();
    private final Label empty = RunViewParts.sentence("timingsEmpty", "");
    private FlowDebugState flow;
    private long totalNanos;
    private Subscription subscriptions = Subscription.EMPTY;

    public TimingsView(DebugSession session) {
        this.session = session;
        setId("timingsView");
        getStyleClass().add("timings-view");
        table.setId("timingsTable");
        table.getStyleClass().add("timings-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(empty);
        table.getColumns().add(column("#", 40, t -> String.valueOf(t.position() + 1)));
        table.getColumns().add(column("Function", 180, FunctionTiming::function));
        table.getColumns().add(column("Calls", 60, t -> String.valueOf(t.calls())));
        table.getColumns().add(column("Total", 90, t -> RunViewParts.millis(t.totalMillis())));
        table.getColumns().add(column("Mean", 90, t -> RunViewParts.millis(t.totalMillis() / t.calls())));
        table.getColumns().add(column("Longest", 90, t -> RunViewParts.millis(t.maxMillis())));
        TableColumn<FunctionTiming, FunctionTiming> share = new TableColumn<>("Share of the time in functions");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        share.setCellFactory(c -> new ShareCell());
        share.setPrefWidth(260);
        share.setSortable(false);
        table.getColumns().add(share);
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox box = new VBox(4, title, table, new MetricsSwitch(session));
        setCenter(box);
        BorderPane.setMargin(box, new Insets(4));
        showFlow(null);
    }

    /** Shows the timings of this flow's shown run; null shows none. */
    public void showFlow(String flowName) {
        subscriptions.unsubscribe();
        flow = flowName == null ? null : session.flow(flowName);
        if (flow == null) {
            table.setItems(null);
            title.setText("TIMINGS");
            empty.setText("Select a flow lane on the canvas to see how long its functions took.");
            subscriptions = Subscription.EMPTY;
            return;
        }
        FlowDebugState f = flow;
        table.setItems(f.timings());
        subscriptions = Subscription.combine(RunViewParts.onChange(f.timings(), this::refresh),
                f.shownRunProperty().subscribe(r -> refresh()));
        refresh();
    }

    private void refresh() {
        if (flow == null) {
            return;
        }
        totalNanos = flow.timings().stream().mapToLong(FunctionTiming::totalNanos).sum();
        RunRecord shown = flow.shownRunProperty().get();
        title.setText(shown == null ? "TIMINGS OF " + flow.name()
                : String.format(Locale.ROOT, "TIMINGS OF RUN #%d OF %s · %s", shown.number(), flow.name(),
                shown.times().toUpperCase(Locale.ROOT)));
        empty.setText(flow.name() + " has no finished run to time yet: run it (F5); the timings of the run the cards"
                + " show appear here.");
        table.refresh();
    }

    TableView<FunctionTiming> table() {
        return table;
    }

    private static TableColumn<FunctionTiming, String> column(String name, double width, Function<FunctionTiming, String> text) {
        TableColumn<FunctionTiming, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** A bar as wide as the function's share of the time spent in functions, and the percentage. */
    private final class ShareCell extends TableCell<FunctionTiming, FunctionTiming> {
        private final Region bar = new Region();
        private final StackPane track = new StackPane(bar);
        private final Label percent = new Label();
        private final HBox box = new HBox(6, track, percent);

        ShareCell() {
            bar.getStyleClass().add("timings-bar");
            track.getStyleClass().add("timings-track");
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            track.setMinWidth(60);
            track.setPrefHeight(10);
            track.setMaxHeight(10);
            HBox.setHgrow(track, Priority.ALWAYS);
            percent.setMinWidth(44);
            percent.setAlignment(Pos.CENTER_RIGHT);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(FunctionTiming t, boolean empty) {
            super.updateItem(t, empty);
            setText(null);
            if (empty || t == null) {
                setGraphic(null);
                return;
            }
            double share = totalNanos <= 0 ? 0 : (double) t.totalNanos() / totalNanos;
            bar.maxWidthProperty().bind(track.widthProperty().multiply(share));
            percent.setText(String.format(Locale.ROOT, "%.0f%%", share * 100));
            setGraphic(box);
        }
    }
}
