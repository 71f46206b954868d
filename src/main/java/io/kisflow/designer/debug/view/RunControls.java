package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.SessionState;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Run, Step, Continue and Stop for the flow shown in the run panel, enabled by the session's
 * {@code can*} bindings. The tooltips name the keys the window binds (F5, F10, F8, Shift+F5); the
 * window's key handlers should call the same methods so keys and buttons behave alike.
 *
 * <pre>{@code RunControls controls = new RunControls(session, flowNameProperty);
 * scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), controls::run);}</pre>
 */
public final class RunControls extends HBox {
    private final DebugSession session;
    private final ObservableStringValue flowName;
    private final Button run;
    private final Button step;
    private final Button cont;
    private final Button stop;

    public RunControls(DebugSession session, ObservableStringValue flowName) {
        this.session = session;
        this.flowName = flowName;
        getStyleClass().add("run-controls");
        setSpacing(4);
        var noFlow = Bindings.createBooleanBinding(() -> flowName.get() == null || flowName.get().isEmpty(), flowName);
        run = button("runButton", "Run", RunGlyphs.RUN, "run-glyph-run",
                "Run the flow to the end, pausing at breakpoints (F5)", this::run);
        run.disableProperty().bind(session.canRunProperty().not().or(noFlow));
        step = button("stepButton", "Step", RunGlyphs.STEP, "run-glyph-step",
                "Run one function and pause before the next (F10); with no run, start the flow paused before its first function",
                this::step);
        var paused = Bindings.equal(session.stateProperty(), SessionState.PAUSED);
        step.disableProperty().bind(session.canStepProperty().not().or(noFlow.and(paused.not())));
        cont = button("continueButton", "Continue", RunGlyphs.CONTINUE, "run-glyph-continue",
                "Run on to the next breakpoint or the end (F8)", this::continueRun);
        cont.disableProperty().bind(session.canContinueProperty().not());
        stop = button("stopButton", "Stop", RunGlyphs.STOP, "run-glyph-stop",
                "Stop the run (Shift+F5); a function that does not return is abandoned after a grace period", this::stop);
        stop.disableProperty().bind(session.canStopProperty().not());
        run.getStyleClass().add("run-primary");
        javafx.scene.control.CheckBox pauseOnError = new javafx.scene.control.CheckBox("Pause on error");
        pauseOnError.setId("pauseOnError");
        pauseOnError.setMinWidth(USE_PREF_SIZE);
        pauseOnError.setTooltip(new Tooltip("A function that fails pauses the run at its card, with the levels as the failure"
                + " left them; Continue then ends the run"));
        pauseOnError.selectedProperty().bindBidirectional(session.pauseOnErrorProperty());
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(run, step, cont, stop, pauseOnError);
    }

    private static Button button(String id, String text, String glyph, String glyphClass, String tip, Runnable action) {
        Button b = new Button(text, RunGlyphs.node(glyph, 12, glyphClass));
        b.setId(id);
        b.getStyleClass().add("run-button");
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Runs the shown flow (F5). False when refused: the session's problems say why. */
    public boolean run() {
        String f = flowName.get();
        return f != null && !f.isEmpty() && session.run(f);
    }

    /** Paused: runs one function. Otherwise starts the shown flow paused before its first function (F10). */
    public boolean step() {
        if (session.state() == SessionState.PAUSED) {
            return session.step();
        }
        String f = flowName.get();
        return f != null && !f.isEmpty() && session.step(f);
    }

    /** Runs on to the next breakpoint or the end (F8). */
    public boolean continueRun() {
        return session.continueRun();
    }

    /** Stops the run (Shift+F5). */
    public void stop() {
        session.stop();
    }

    public Button runButton() {
        return run;
    }

    public Button stepButton() {
        return step;
    }

    public Button continueButton() {
        return cont;
    }

    public Button stopButton() {
        return stop;
    }
}
