package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CallRecord;
import io.kisflow.designer.debug.CardState;
import io.kisflow.designer.debug.CardStatus;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.RunRecord;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The "Call" side tab for the selected function card: the function, where its code comes from, its
 * status and stale mark; its calls in the shown run (several when a JumpFunc loops) and, for the
 * selected call, the params it saw, the actions it asked for and what the engine did, its rows,
 * duration, log lines and error with the stack trace one click away; then its pinned output rows.
 *
 * <pre>{@code CallDetailsView call = new CallDetailsView(session);
 * sideTabs.getTabs().add(new Tab("Call", call));
 * call.showCard(session.card(new CardKey("StuScore", 1)));}</pre>
 */
public final class CallDetailsView extends BorderPane {
    private static final double CALL_ROW = 26;

    private final CallHeader header = new CallHeader();
    private final Label empty = RunViewParts.sentence("callEmpty", "");
    private final Label callsTitle = RunViewParts.sectionTitle("CALLS");
    private final ListView<CallRecord> calls = new ListView<>();
    private final CallRecordView record = new CallRecordView();
    private final CallErrorView cardError = new CallErrorView();
    private final PinRowsView pins;
    private final VBox callsBox;
    private final DebugSession session;
    private CardState card;
    private Subscription subscriptions = Subscription.EMPTY;

    public CallDetailsView(DebugSession session) {
        this.session = session;
        setId("callDetails");
        getStyleClass().add("call-details");
        pins = new PinRowsView(session);
        calls.setId("callList");
        calls.getStyleClass().add("call-list");
        calls.setCellFactory(l -> new CallCell());
        calls.setFixedCellSize(CALL_ROW);
        calls.getSelectionModel().selectedItemProperty().subscribe(c -> showCall());
        callsBox = RunViewParts.collapsible(new VBox(2, callsTitle, calls));
        RunViewParts.collapsible(record);
        RunViewParts.collapsible(cardError);
        RunViewParts.collapsible(header);
        VBox content = new VBox(10, header, empty, callsBox, record, cardError, new Separator(), pins);
        content.getStyleClass().add("call-content");
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("call-scroll");
        setCenter(scroll);
        showCard(null);
    }

    /** Shows a card's calls and pins; null shows a sentence asking to select one. */
    public void showCard(CardState next) {
        subscriptions.unsubscribe();
        card = next;
        header.setVisible(next != null);
        pins.showFunction(next == null ? null : next.function());
        if (next == null) {
            calls.setItems(null);
            subscriptions = Subscription.EMPTY;
            showCalls();
            return;
        }
        header.show(next);
        calls.setItems(next.calls());
        subscriptions = Subscription.combine(
                RunViewParts.onChange(next.calls(), this::followNewCalls),
                next.statusProperty().subscribe(s -> showCalls()),
                next.errorProperty().subscribe(e -> showCalls()));
        calls.getSelectionModel().selectLast();
        showCalls();
    }

    /** A new call arrived (or the shown run changed): select the newest unless the user picked an earlier one. */
    private void followNewCalls() {
        int n = calls.getItems().size();
        int selected = calls.getSelectionModel().getSelectedIndex();
        if (selected < 0 || selected >= n - 2) {
            calls.getSelectionModel().selectLast();
        }
        showCalls();
    }

    private void showCalls() {
        int n = card == null ? 0 : card.calls().size();
        callsBox.setVisible(n > 0);
        callsTitle.setText(n > 1 ? "CALLS (" + n + ", a JumpFunc loop)" : "CALL");
        calls.setPrefHeight(Math.min(n, 4) * CALL_ROW + 4);
        calls.setMinHeight(calls.getPrefHeight());
        calls.setMaxHeight(calls.getPrefHeight());
        empty.setVisible(n == 0);
        empty.setManaged(n == 0);
        empty.setText(emptySentence());
        cardError.show(n == 0 && card != null ? card.errorProperty().get() : null);
        showCall();
    }

    private String emptySentence() {
        if (card == null) {
            return "Select a function card on the canvas to see its calls, the params it saw, the actions it asked"
                    + " for and what it printed.";
        }
        if (card.statusProperty().get() == CardStatus.CURRENT) {
            return "The run is paused before " + card.function() + ": Step (F10) calls it.";
        }
        FlowDebugState flow = session.flow(card.key().flowName());
        RunRecord shown = flow == null ? null : flow.shownRunProperty().get();
        if (shown != null) {
            return card.function() + " was not called in run #" + shown.number() + ": the run "
                    + shown.outcome().name().toLowerCase(java.util.Locale.ROOT) + " before it.";
        }
        return card.function() + " has not run yet: run the flow (F5) or step to it (F10) to see what it does.";
    }

    private void showCall() {
        CallRecord c = calls.getSelectionModel().getSelectedItem();
        record.setVisible(c != null);
        if (c != null) {
            boolean last = card != null && !card.calls().isEmpty() && card.calls().get(card.calls().size() - 1) == c;
            record.show(c, last ? card.errorProperty().get() : null);
        }
    }

    /** The card shown, or null. */
    public CardState card() {
        return card;
    }

    public PinRowsView pinRows() {
        return pins;
    }

    /** The calls of the shown card; select one to see it. */
    public ListView<CallRecord> callList() {
        return calls;
    }

    /** A call in the list: its number in the run, duration and what the engine did next. */
    private static final class CallCell extends ListCell<CallRecord> {
        @Override
        protected void updateItem(CallRecord c, boolean empty) {
            super.updateItem(c, empty);
            getStyleClass().remove("call-failed");
            if (empty || c == null) {
                setText(null);
                return;
            }
            setText("Call " + c.seq() + " · " + RunViewParts.millis(c.durationMillis()) + " · " + c.outcome());
            if (c.failed()) {
                getStyleClass().add("call-failed");
            }
        }
    }
}
