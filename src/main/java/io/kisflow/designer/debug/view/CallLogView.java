package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CallRecord;
import io.kisflow.designer.debug.LogLine;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/**
 * The lines a call printed (standard error ones marked "[err]"), monospace and selectable, with the
 * number of lines not kept when the call printed too much.
 *
 * <pre>{@code CallLogView log = new CallLogView();  log.show(call);}</pre>
 */
final class CallLogView extends VBox {
    private final TextArea lines = new TextArea();
    private final Label dropped = RunViewParts.sentence("callLogDropped", "");
    private final Label nothing = RunViewParts.sentence("callLogEmpty", "The call printed nothing.");

    CallLogView() {
        getStyleClass().add("call-log");
        setSpacing(4);
        lines.setId("callLog");
        lines.setEditable(false);
        lines.setWrapText(false);
        lines.getStyleClass().addAll("code", "call-log-lines");
        RunViewParts.collapsible(lines);
        RunViewParts.collapsible(dropped).getStyleClass().add("run-warning-text");
        RunViewParts.collapsible(nothing);
        getChildren().addAll(RunViewParts.sectionTitle("LOG"), lines, dropped, nothing);
    }

    void show(CallRecord call) {
        boolean any = !call.log().isEmpty();
        lines.setVisible(any);
        nothing.setVisible(!any && call.droppedLogLines() == 0);
        lines.setText(call.log().stream().map(LogLine::toString).collect(Collectors.joining("\n")));
        lines.setPrefRowCount(Math.max(2, Math.min(call.log().size(), 10)));
        dropped.setVisible(call.droppedLogLines() > 0);
        dropped.setText(call.droppedLogLines() + (call.droppedLogLines() == 1 ? " more line was" : " more lines were")
                + " printed but not kept: the call printed too much.");
    }

    String text() {
        return lines.getText();
    }
}
