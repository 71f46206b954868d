package io.kisflow.designer.document;

import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.edit.ConnectorEdits;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.FlowEdits;
import io.kisflow.designer.edit.FunctionEdits;
import io.kisflow.designer.edit.Names;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.edit.StepEdits;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.Map;

/**
 * The menu and keyboard actions that act on the selection: delete, copy, paste, duplicate, new
 * flow/function/connector, moving cards and lanes with the keyboard, moving the selection. Each
 * turns the selection into an {@link Edit} and performs it on the document; with nothing suitable
 * selected it says so in the status line instead.
 *
 * <pre>{@code actions.copy(); actions.paste();}</pre>
 */
public final class EditActions {
    private final ProjectDocument doc;
    private final ReadOnlyObjectWrapper<Copied> clipboard = new ReadOnlyObjectWrapper<>(this, "clipboard");

    /** The last card or lane selected: palette Enter / double click inserts or binds there, although selecting the entry moved the selection. */
    private Selection lastCanvasTarget = Selection.NONE;

    public EditActions(ProjectDocument doc) {
        this.doc = doc;
        doc.selectionProperty().addListener((o, a, b) -> {
            if (b instanceof Selection.OfStep || b instanceof Selection.OfFlow) {
                lastCanvasTarget = b;
            }
        });
    }

    /** The selected card or lane, else the last one selected while it still exists. */
    private Selection canvasTarget() {
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep || sel instanceof Selection.OfFlow) {
            return sel;
        }
        return lastCanvasTarget.existsIn(s()) ? lastCanvasTarget : Selection.NONE;
    }

    private DesignState s() {
        return doc.state();
    }

    public boolean delete() {
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            return doc.perform(StepEdits.remove(st.flow(), st.index()));
        }
        if (sel instanceof Selection.OfFlow f) {
            return doc.perform(FlowEdits.remove(f.flow()));
        }
        if (sel instanceof Selection.OfFunction f) {
            return doc.perform(FunctionEdits.remove(f.fname()));
        }
        if (sel instanceof Selection.OfConnector c) {
            return doc.perform(ConnectorEdits.remove(c.cname()));
        }
        return nothing("Select a card, lane, function or connector to delete.");
    }

    public boolean copy() {
        Selection sel = doc.selection();
        Copied copied = null;
        if (sel instanceof Selection.OfStep st) {
            FlowStep step = s().configs().flow(st.flow()).flows().get(st.index());
            FuncConfig f = s().configs().func(step.fname());
            copied = f == null ? null : new Copied.Function(f, step.params());
        } else if (sel instanceof Selection.OfFunction f) {
            copied = new Copied.Function(s().configs().func(f.fname()), Map.of());
        } else if (sel instanceof Selection.OfFlow f) {
            copied = new Copied.Flow(s().configs().flow(f.flow()));
        }
        if (copied == null) {
            return nothing("Select a card, function or lane to copy.");
        }
        clipboard.set(copied);
        doc.tell(StatusMessage.info("Copied " + describe(copied)));
        return true;
    }

    /** Pastes a copy with a free name: a function after the selected card (or at the end of the selected lane), a flow below the selected lane. */
    public boolean paste() {
        Copied copied = clipboard.get();
        if (copied == null) {
            return nothing("Copy a card, function or lane first.");
        }
        if (copied instanceof Copied.Flow fl) {
            return doc.perform(FlowEdits.paste(fl.flow(), laneAfterSelection(), s()));
        }
        Copied.Function f = (Copied.Function) copied;
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            return doc.perform(FunctionEdits.paste(f.func(), f.params(), st.flow(), st.index() + 1, s()));
        }
        if (sel instanceof Selection.OfFlow fl) {
            return doc.perform(FunctionEdits.paste(f.func(), f.params(), fl.flow(), laneSize(fl.flow()), s()));
        }
        return doc.perform(FunctionEdits.paste(f.func(), Map.of(), null, 0, s()));
    }

    public boolean duplicate() {
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            String fname = st.fname(s());
            return s().configs().func(fname) == null ? nothing("Card " + fname + " has no function config to duplicate.")
                    : doc.perform(FunctionEdits.duplicate(fname, st.flow(), st.index(), s()));
        }
        if (sel instanceof Selection.OfFunction f) {
            return doc.perform(FunctionEdits.duplicate(f.fname(), null, 0, s()));
        }
        if (sel instanceof Selection.OfFlow f) {
            return doc.perform(FlowEdits.duplicate(f.flow(), s()));
        }
        return nothing("Select a card, function or lane to duplicate.");
    }

    /** A new empty flow below the selected lane (or at the bottom). */
    public boolean newFlow() {
        return doc.perform(FlowEdits.add(Names.fresh("NewFlow", s().configs().flows().keySet()), laneAfterSelection()));
    }

    /** A new Calculate function; with a card or lane selected, its card goes right after the selection. */
    public boolean newFunction() {
        FuncConfig f = FuncConfig.of(Names.fresh("NewFunction", s().configs().funcs().keySet()), "Calculate");
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            return doc.perform(FunctionEdits.addAndInsert(f, st.flow(), st.index() + 1));
        }
        if (sel instanceof Selection.OfFlow fl) {
            return doc.perform(FunctionEdits.addAndInsert(f, fl.flow(), laneSize(fl.flow())));
        }
        return doc.perform(FunctionEdits.add(f));
    }

    public boolean newConnector() {
        ConnConfig c = ConnConfig.of(Names.fresh("NewConnector", s().configs().conns().keySet()), "redis", "127.0.0.1:6379", "");
        return doc.perform(ConnectorEdits.add(c));
    }

    /** Inserts a card for {@code fname} after the selected card (or at the end of the selected lane): the keyboard's palette drag. */
    public boolean insertFunction(String fname) {
        Selection sel = canvasTarget();
        if (sel instanceof Selection.OfStep st) {
            return doc.perform(StepEdits.insert(st.flow(), st.index() + 1, fname));
        }
        if (sel instanceof Selection.OfFlow fl) {
            return doc.perform(StepEdits.insert(fl.flow(), laneSize(fl.flow()), fname));
        }
        return nothing("Select a card or a lane to insert " + fname + " into.");
    }

    /** Binds {@code cname} ("" unbinds) to the function of the selected card or function: the keyboard's connector drag. */
    public boolean bindConnector(String cname) {
        Selection target = canvasTarget();
        String fname = target instanceof Selection.OfStep st ? st.fname(s()) : selectedFunction();
        if (fname == null) {
            return nothing("Select a Save or Load card to bind " + cname + " to.");
        }
        return cname.isEmpty() ? doc.perform(ConnectorEdits.unbind(fname)) : doc.perform(ConnectorEdits.bind(fname, cname));
    }

    /** Moves the selected card one place left (-1) or right (+1) in its lane. */
    public boolean moveAlong(int delta) {
        if (!(doc.selection() instanceof Selection.OfStep st)) {
            return nothing("Select a card to move it along its lane.");
        }
        int target = st.index() + delta;
        if (target < 0 || target >= laneSize(st.flow())) {
            return nothing("The card is already at the " + (delta < 0 ? "start" : "end") + " of " + st.flow() + ".");
        }
        return doc.perform(StepEdits.move(st.flow(), st.index(), st.flow(), delta < 0 ? target : target + 1));
    }

    /** Moves the selected card into the lane above (-1) or below (+1), keeping its position; or moves the selected lane. */
    public boolean moveAcross(int delta) {
        List<String> lanes = s().lanes();
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            int lane = lanes.indexOf(st.flow()) + delta;
            if (lane < 0 || lane >= lanes.size()) {
                return nothing("There is no lane " + (delta < 0 ? "above " : "below ") + st.flow() + ".");
            }
            return doc.perform(StepEdits.move(st.flow(), st.index(), lanes.get(lane), st.index()));
        }
        if (sel instanceof Selection.OfFlow f) {
            int lane = lanes.indexOf(f.flow()) + delta;
            return lane < 0 || lane >= lanes.size() ? nothing("The lane is already at the " + (delta < 0 ? "top." : "bottom."))
                    : doc.perform(FlowEdits.moveLane(f.flow(), lane));
        }
        return nothing("Select a card or a lane to move it.");
    }

    /** Enables a disabled selected flow, or disables an enabled one. */
    public boolean toggleFlowStatus() {
        String flow = selectedFlow();
        if (flow == null) {
            return nothing("Select a lane or card to enable or disable its flow.");
        }
        FlowConfig f = s().configs().flow(flow);
        return doc.perform(FlowEdits.setStatus(flow, f.enabled() ? FlowConfig.DISABLED : FlowConfig.ENABLED));
    }

    /** Moves the selection with the arrow keys: along a lane (dx) or to the lane above/below (dy). Not an edit. */
    public void navigate(int dx, int dy) {
        List<String> lanes = s().lanes();
        if (lanes.isEmpty()) {
            return;
        }
        Selection sel = doc.selection();
        String flow;
        int index;
        if (sel instanceof Selection.OfStep st) {
            flow = st.flow();
            index = st.index();
        } else if (sel instanceof Selection.OfFlow f) {
            flow = f.flow();
            index = -1;
        } else {
            doc.navigateTo(Selection.flow(lanes.get(0)));
            return;
        }
        int lane = Math.max(0, Math.min(lanes.size() - 1, lanes.indexOf(flow) + dy));
        String target = lanes.get(lane);
        int newIndex = Math.min(index + dx, laneSize(target) - 1);
        doc.navigateTo(newIndex < 0 ? Selection.flow(target) : Selection.step(target, newIndex));
    }

    /** The function of the selected card or palette function, or null. */
    public String selectedFunction() {
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            return st.fname(s());
        }
        return sel instanceof Selection.OfFunction f ? f.fname() : null;
    }

    /** The flow of the selected lane or card, or null. */
    public String selectedFlow() {
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            return st.flow();
        }
        return sel instanceof Selection.OfFlow f ? f.flow() : null;
    }

    public ReadOnlyObjectProperty<Copied> clipboardProperty() {
        return clipboard.getReadOnlyProperty();
    }

    private int laneAfterSelection() {
        String flow = selectedFlow();
        List<String> lanes = s().lanes();
        return flow == null ? lanes.size() : lanes.indexOf(flow) + 1;
    }

    private boolean nothing(String why) {
        doc.tell(StatusMessage.refused(why));
        return false;
    }

    private int laneSize(String flow) {
        return s().configs().flow(flow).flows().size();
    }

    private static String describe(Copied c) {
        return c instanceof Copied.Flow f ? "flow " + f.flow().flowName() : "function " + ((Copied.Function) c).func().fname();
    }
}
