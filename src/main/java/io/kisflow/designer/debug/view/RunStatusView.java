package io.kisflow.designer.debug.view;

import io.kisflow.config.Problem;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.RunRecord;
import io.kisflow.designer.debug.SessionState;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Subscription;

/**
 * The right column of the run panel, about the shown flow only: its state and status line, its last
 * run, the problems that refused its run (or warned about it); a run of another flow in progress is
 * named, never shown as this flow's. Also threads Stop gave up on, and the Prometheus endpoint when
 * the global config serves one.
 *
 * <pre>{@code RunStatusView status = new RunStatusView(session);
 * status.showFlow(session.flow("StuScore"));}</pre>
 */
public final class RunStatusView extends VBox {
    private final DebugSession session;
    private final Label state = RunViewParts.chip("runState", "run-chip-subtle");
    private final Label message = new Label();
    private final Label lastRun = RunViewParts.sentence("runLast", "");
    private final Label problemsTitle = RunViewParts.sectionTitle("");
    private final VBox problems = new VBox(4);
    private final VBox problemBox;
    private final Label abandoned = new Label();
    private final Label metrics = new Label();
    private Subscription flowSubscription = Subscription.EMPTY;
    private FlowDebugState flow;

    public RunStatusView(DebugSession session) {
        this.session = session;
        getStyleClass().add("run-status");
        setSpacing(6);
        message.setId("runMessage");
        message.getStyleClass().add("run-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox top = new HBox(8, state, message);
        top.setAlignment(Pos.TOP_LEFT);
        RunViewParts.collapsible(lastRun);

        problems.setId("runProblems");
        problems.getStyleClass().add("run-problems");
        ScrollPane scroll = new ScrollPane(problems);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("run-problems-scroll");
        scroll.setMinHeight(36);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        problemBox = RunViewParts.collapsible(new VBox(2, problemsTitle, scroll));
        VBox.setVgrow(problemBox, Priority.SOMETIMES);

        abandoned.setId("runAbandoned");
        abandoned.getStyleClass().add("run-warning-box");
        abandoned.setWrapText(true);
        abandoned.setMinHeight(Region.USE_PREF_SIZE);
        abandoned.setMaxWidth(Double.MAX_VALUE);
        RunViewParts.collapsible(abandoned);

        metrics.setId("runMetrics");
        metrics.getStyleClass().add("run-endpoint");
        metrics.setMinWidth(0);
        Button copy = new Button("Copy");
        copy.getStyleClass().add("small-button");
        copy.setTooltip(new Tooltip("Copy the metrics address"));
        copy.setOnAction(e -> RunViewParts.copy(session.metricsEndpointProperty().get()));
        HBox metricsRow = RunViewParts.collapsible(new HBox(6, metrics, copy));
        metricsRow.setAlignment(Pos.CENTER_LEFT);
        metricsRow.visibleProperty().bind(session.metricsEndpointProperty().isNotEmpty());
        metrics.textProperty().bind(session.metricsEndpointProperty().map(u -> "Prometheus metrics: " + u));

        getChildren().addAll(top, lastRun, problemBox, abandoned, metricsRow);

        // The session's state says whether another flow's run is in progress.
        session.stateProperty().subscribe(s -> showState());
        session.abandonedThreadsProperty().subscribe(n -> {
            int k = n.intValue();
            abandoned.setVisible(k > 0);
            abandoned.setText(k + (k == 1 ? " run thread" : " run threads") + " that Stop gave up on "
                    + (k == 1 ? "is" : "are") + " still running (a function blocks or loops without checking for"
                    + " interruption). They use a CPU while they loop; restart the designer to end them.");
        });
    }

    /** Shows this flow's status, problems and last run (null: none). */
    public void showFlow(FlowDebugState flow) {
        flowSubscription.unsubscribe();
        this.flow = flow;
        if (flow == null) {
            lastRun.setVisible(false);
            flowSubscription = Subscription.EMPTY;
            showProblems();
            return;
        }
        flowSubscription = Subscription.combine(
                flow.lastRunProperty().subscribe(r -> showLastRun(flow, r)),
                flow.runStateProperty().subscribe(st -> showState()),
                flow.messageProperty().subscribe(m -> showState()),
                RunViewParts.onChange(flow.problems(), this::showProblems));
        showProblems();
    }

    private void showLastRun(FlowDebugState flow, RunRecord r) {
        lastRun.setVisible(true);
        lastRun.setText(r == null ? flow.name() + " has not run yet in this session."
                : "Last run of " + flow.name() + ": " + r.label());
    }

    private void showState() {
        SessionState s = flow == null ? SessionState.IDLE : flow.runStateProperty().get();
        boolean refused = refused();
        state.setText(refused ? "Refused" : switch (s) {
            case IDLE -> "Ready";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case FINISHED -> "Finished";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        });
        state.getStyleClass().removeAll("run-chip-subtle", "run-chip-accent", "run-chip-warning", "run-chip-error");
        state.getStyleClass().add(refused ? "run-chip-error" : switch (s) {
            case IDLE, STOPPED -> "run-chip-subtle";
            case RUNNING, FINISHED -> "run-chip-accent";
            case PAUSED -> "run-chip-warning";
            case FAILED -> "run-chip-error";
        });
        String m = flow == null ? "" : flow.messageProperty().get();
        String other = session.activeFlowProperty().get();
        if (flow != null && session.state().isActive() && !flow.name().equals(other)) {
            // Run and Step are disabled here: say why, without taking on the other flow's status.
            m = "A run of " + other + " is in progress (" + (session.state() == SessionState.PAUSED ? "paused" : "running")
                    + "): stop it or let it finish to run " + flow.name() + "." + (m.isEmpty() ? "" : " " + m);
        }
        message.setText(m.isEmpty() ? "Press Run (F5) to run the flow, or Step (F10) to go one function at a time." : m);
        message.getStyleClass().remove("run-error-text");
        if (s == SessionState.FAILED || refused) {
            message.getStyleClass().add("run-error-text");
        }
    }

    /** The last start was refused: its problems hold errors (a run that started has only warnings). */
    private boolean refused() {
        return flow != null && !flow.runStateProperty().get().isActive() && flow.problems().stream().anyMatch(Problem::isError);
    }

    private void showProblems() {
        java.util.List<Problem> found = flow == null ? java.util.List.of() : flow.problems();
        problemBox.setVisible(!found.isEmpty());
        long errors = found.stream().filter(Problem::isError).count();
        String name = flow == null ? "" : flow.name();
        problemsTitle.setText(errors > 0 ? "FIX BEFORE RUNNING " + name + " (" + errors + ")" : "WARNINGS OF THE LAST RUN OF " + name);
        problems.getChildren().setAll(found.stream().map(RunStatusView::problemRow).toList());
        showState();
    }

    /** A problem: a coloured dot and its sentence, wrapped. */
    private static HBox problemRow(Problem p) {
        Circle dot = new Circle(4);
        dot.getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
        Label text = new Label(p.message());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("run-problem-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        StackPane dotBox = new StackPane(dot);
        dotBox.setMinHeight(16);
        HBox row = new HBox(6, dotBox, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add(p.isError() ? "run-problem-error" : "run-problem-warning");
        return row;
    }
}
