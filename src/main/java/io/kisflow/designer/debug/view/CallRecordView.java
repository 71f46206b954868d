package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CallRecord;
import io.kisflow.designer.debug.ErrorInfo;
import io.kisflow.engine.KisFlowRun;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One call of a function: the level it read and its rows, the rows it committed, its duration, the
 * actions it asked for and what the engine did with them, where a Go server would differ, the connector calls a dry run recorded,
 * its params, its log lines and its error.
 *
 * <pre>{@code CallRecordView view = new CallRecordView();  view.show(call, card.errorProperty().get());}</pre>
 */
final class CallRecordView extends VBox {
    private final Label input = value("callInput");
    private final Label committed = value("callCommitted");
    private final Label duration = value("callDuration");
    private final Label actions = value("callActions");
    private final Label outcome = value("callOutcome");
    private final CallParamsTable params = new CallParamsTable();
    private final Label noParams = RunViewParts.sentence("callNoParams",
            "No params: neither the function's default_params nor the flow set any.");
    private final CallLogView log = new CallLogView();
    private final ConnectorCallsView connectorCalls = new ConnectorCallsView();
    private final CallErrorView error = new CallErrorView();
    private final GoNotesView goNotes = new GoNotesView();

    CallRecordView() {
        getStyleClass().add("call-record");
        setSpacing(8);
        GridPane facts = new GridPane();
        facts.getStyleClass().add("call-facts");
        facts.setHgap(10);
        facts.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setHalignment(HPos.LEFT);
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(names, values);
        row(facts, 0, "Read", input);
        row(facts, 1, "Committed", committed);
        row(facts, 2, "Duration", duration);
        row(facts, 3, "Actions", actions);
        row(facts, 4, "Engine did", outcome);
        RunViewParts.collapsible(error);
        RunViewParts.collapsible(params);
        RunViewParts.collapsible(noParams);
        RunViewParts.collapsible(connectorCalls);
        getChildren().addAll(facts, error, goNotes, connectorCalls, RunViewParts.sectionTitle("PARAMS"), params, noParams, log);
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("call-fact");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static void row(GridPane grid, int r, String name, Label value) {
        Label n = new Label(name);
        n.getStyleClass().add("call-fact-name");
        n.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(r, n, value);
    }

    /**
     * Shows a call. {@code cardError} is the run's error on the card, shown when the call itself has
     * none (an engine verdict such as a JumpFunc loop belongs to the card, not to one call).
     */
    void show(CallRecord call, ErrorInfo cardError) {
        input.setText(RunViewParts.rows(call.inputRows()) + (KisFlowRun.SOURCE_LEVEL.equals(call.inputLevel())
                ? " of the source" : " of " + call.inputLevel() + "'s level"));
        committed.setText(RunViewParts.rows(call.committedRows()));
        duration.setText(RunViewParts.millis(call.durationMillis()));
        actions.setText(call.actions().isEmpty() ? "none" : String.join(", ", call.actions()));
        outcome.setText(call.outcome());
        outcome.getStyleClass().remove("run-error-text");
        if (call.failed()) {
            outcome.getStyleClass().add("run-error-text");
        }
        params.show(call.params());
        params.setVisible(!call.params().isEmpty());
        noParams.setVisible(call.params().isEmpty());
        log.show(call);
        connectorCalls.show(call.connectorCalls());
        goNotes.show(call.goNotes());
        error.show(call.error() != null ? call.error() : cardError);
    }

    CallErrorView errorView() {
        return error;
    }

    GoNotesView goNotesView() {
        return goNotes;
    }

    ConnectorCallsView connectorCallsView() {
        return connectorCalls;
    }

    CallLogView logView() {
        return log;
    }

    CallParamsTable paramsTable() {
        return params;
    }
}
