package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.ui.Icons;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The "Run" tab under the canvas, for one flow at a time: the flow's name, Run / Step / Continue /
 * Stop, the dry-run switch (with a loud chip while on), the project's call limit, its source rows (text lines or JSON values, "Load from file…", row count, parse error), and
 * the session's status, problems and warnings. The window calls {@link #showFlow} when the selection
 * moves to another lane and binds its keys to {@link #controls()}.
 *
 * <pre>{@code RunPanel run = new RunPanel(session, InputFileChooser.SYSTEM);
 * bottomTabs.getTabs().add(new Tab("Run", run));
 * run.showFlow("StuScore");
 * accelerators.put(new KeyCodeCombination(KeyCode.F5), run.controls()::run);}</pre>
 */
public final class RunPanel extends BorderPane {
    private final DebugSession session;
    private final ReadOnlyStringWrapper flowName = new ReadOnlyStringWrapper(this, "flowName", "");
    private final Label title = new Label();
    private final RunControls controls;
    private final CallLimitField callLimit;
    private final DryRunSwitch dryRun;
    private final GoSemanticsSwitch goSemantics;
    private final InputRowsView input;
    private final RunStatusView status;
    private final Label noFlow = RunViewParts.sentence("runNoFlow", "");
    private final SplitPane body;

    public RunPanel(DebugSession session, InputFileChooser chooser) {
        this.session = session;
        getStyleClass().add("run-panel");
        setId("runPanel");
        title.setId("runFlowName");
        title.getStyleClass().add("run-flow-name");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region flowIcon = iconBox();
        controls = new RunControls(session, flowName.getReadOnlyProperty());
        dryRun = new DryRunSwitch(session);
        goSemantics = new GoSemanticsSwitch(session);
        callLimit = new CallLimitField(session);
        // Two groups that wrap: with the dry-run chip shown, one row needed more than the tab's width
        // at the default window size, and the whole panel was laid out wider than its tab (the
        // switch, the chip and the run's status were cut off at the right).
        HBox left = new HBox(10, flowIcon, title, controls);
        left.setAlignment(Pos.CENTER_LEFT);
        HBox right = new HBox(10, callLimit, dryRun, goSemantics);
        right.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(24, 6, left, right);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinWidth(0);
        header.prefWrapLengthProperty().bind(widthProperty());
        header.getStyleClass().add("run-header");

        input = new InputRowsView(chooser, session::projectDir);
        status = new RunStatusView(session);
        body = new SplitPane(input, status);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.58);
        body.getStyleClass().add("run-body");
        SplitPane.setResizableWithParent(status, false);
        noFlow.setAlignment(Pos.CENTER);
        StackPane center = new StackPane(body, RunViewParts.collapsible(noFlow));
        StackPane.setMargin(noFlow, new Insets(24));
        setTop(header);
        setCenter(center);
        BorderPane.setMargin(center, new Insets(6, 0, 0, 0));
        showFlow(null);
    }

    private static Region iconBox() {
        StackPane box = new StackPane(Icons.node("flow", 18, "icon-flow"));
        box.setMinSize(20, 20);
        box.setPrefSize(20, 20);
        box.setMaxSize(20, 20);
        return box;
    }

    /**
     * Shows a flow: its input rows and last run; Run and Step act on it. Null (or a name the project
     * does not have) shows a sentence asking to select a lane.
     */
    public void showFlow(String name) {
        FlowDebugState flow = name == null ? null : session.flow(name);
        flowName.set(flow == null ? "" : flow.name());
        input.show(flow == null ? null : flow.input());
        status.showFlow(flow);
        body.setVisible(flow != null);
        noFlow.setVisible(flow == null);
        title.setText(flow == null ? "No flow selected" : flow.name());
        noFlow.setText(name == null || name.isEmpty()
                ? "Select a flow lane on the canvas to edit its source rows and run it here."
                : "The project has no flow named " + name + " any more: select a lane on the canvas.");
    }

    /** The flow shown ("" when none). */
    public ReadOnlyStringProperty flowNameProperty() {
        return flowName.getReadOnlyProperty();
    }

    /** Run, Step, Continue, Stop: the window's keys call the same methods. */
    public RunControls controls() {
        return controls;
    }

    /** The project's "Go semantics" switch. */
    public GoSemanticsSwitch goSemantics() {
        return goSemantics;
    }

    /** The project's "Call limit" field. */
    public CallLimitField callLimit() {
        return callLimit;
    }

    /** The dry-run switch and its chip, at the right of the header. */
    public DryRunSwitch dryRun() {
        return dryRun;
    }

    public InputRowsView input() {
        return input;
    }

    public RunStatusView status() {
        return status;
    }
}
