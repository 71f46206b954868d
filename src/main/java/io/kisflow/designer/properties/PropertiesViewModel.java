package io.kisflow.designer.properties;

import io.kisflow.config.FlowStep;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.edit.StepEdits;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Map;
import java.util.Set;

/**
 * The properties panel's logic: which sections the selection shows (a card shows its function,
 * the params this flow gives it, and its flow), and the field models of every section, kept in
 * step with the project after every edit, undo and redo.
 *
 * <pre>{@code doc.select(Selection.function("AvgStuScore")); props.function.retryTimes.setText("3");}</pre>
 */
public final class PropertiesViewModel {
    /** Which sections are shown. */
    public enum Shown { NOTHING, FLOW, CARD, FUNCTION, CONNECTOR, GLOBAL }

    private final ProjectDocument doc;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown", Shown.NOTHING);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyLongWrapper renameRequests = new ReadOnlyLongWrapper(this, "renameRequests");
    private final ReadOnlyLongWrapper refreshes = new ReadOnlyLongWrapper(this, "refreshes");
    private final ObjectProperty<Set<String>> implemented = new SimpleObjectProperty<>(this, "implemented", Set.of());
    /** The source file (functions/*.java) holding a function's code, or null: a rename offers to rename it too. */
    private final ObjectProperty<java.util.function.Function<String, String>> codeFiles =
            new SimpleObjectProperty<>(this, "codeFiles", fname -> null);
    public final FlowProperties flow;
    public final FunctionProperties function;
    public final ParamsModel cardParams;
    public final ConnectorProperties connector;
    public final GlobalProperties global;

    public PropertiesViewModel(ProjectDocument doc) {
        this.doc = doc;
        flow = new FlowProperties(doc, this::flowName);
        function = new FunctionProperties(doc, this::functionName, implemented::get, fname -> codeFiles.get().apply(fname));
        connector = new ConnectorProperties(doc, this::connectorName);
        global = new GlobalProperties(doc);
        cardParams = new ParamsModel(doc, "card.params", "Params this flow gives the function", this::cardParamsValue, m -> {
            Selection.OfStep st = (Selection.OfStep) doc.selection();
            return StepEdits.setParams(st.flow(), st.index(), m);
        });
        doc.selectionProperty().addListener((o, a, b) -> refresh(!sameSubject(a, b)));
        doc.stateProperty().addListener((o, a, b) -> refresh(false));
        refresh(true);
    }

    /**
     * Renaming the shown function, flow or connector changes the selection to the new name; that is
     * still the same subject, so the field being typed in is not reloaded under the cursor.
     */
    private static boolean sameSubject(Selection a, Selection b) {
        if (a instanceof Selection.OfStep || b instanceof Selection.OfStep) {
            return a != null && a.equals(b);
        }
        return a != null && b != null && a.getClass() == b.getClass();
    }

    private void refresh(boolean force) {
        Selection sel = doc.selection();
        Shown s;
        String head;
        if (sel instanceof Selection.OfStep st) {
            s = Shown.CARD;
            head = "Card " + (st.index() + 1) + " of flow " + st.flow();
        } else if (sel instanceof Selection.OfFlow f) {
            s = Shown.FLOW;
            head = "Flow " + f.flow();
        } else if (sel instanceof Selection.OfFunction f) {
            s = Shown.FUNCTION;
            head = "Function " + f.fname();
        } else if (sel instanceof Selection.OfConnector c) {
            s = Shown.CONNECTOR;
            head = "Connector " + c.cname();
        } else if (sel instanceof Selection.Global) {
            s = Shown.GLOBAL;
            head = "Global config";
        } else {
            s = Shown.NOTHING;
            head = "Project";
        }
        shown.set(s);
        heading.set(head);
        flow.refresh(force);
        function.refresh(force);
        connector.refresh(force);
        global.refresh(force);
        cardParams.refresh(force);
        refreshes.set(refreshes.get() + 1);
    }

    private String flowName() {
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            return st.flow();
        }
        return sel instanceof Selection.OfFlow f ? f.flow() : null;
    }

    private String functionName() {
        Selection sel = doc.selection();
        if (sel instanceof Selection.OfStep st) {
            return st.fname(doc.state());
        }
        return sel instanceof Selection.OfFunction f ? f.fname() : null;
    }

    private String connectorName() {
        return doc.selection() instanceof Selection.OfConnector c ? c.cname() : null;
    }

    private Map<String, String> cardParamsValue() {
        if (doc.selection() instanceof Selection.OfStep st && st.existsIn(doc.state())) {
            FlowStep step = doc.state().configs().flow(st.flow()).flows().get(st.index());
            return step.params();
        }
        return null;
    }

    /** Function names the project's plugins implement: renaming one of them warns at the name field. */
    /** Where each function's code lives in the project's sources (see {@code designer.code.CodeTabModel}). */
    public ObjectProperty<java.util.function.Function<String, String>> codeFilesProperty() {
        return codeFiles;
    }

    public ObjectProperty<Set<String>> implementedProperty() {
        return implemented;
    }

    /** F2: asks the view to focus the name field of the shown object. */
    public void requestRename() {
        renameRequests.set(renameRequests.get() + 1);
    }

    /** Shows the global config (it has no card or palette entry). */
    public void selectGlobal() {
        doc.select(Selection.GLOBAL);
    }

    /** A one-line summary for the panel when nothing is selected. */
    public String projectSummary() {
        var c = doc.state().configs();
        return c.flows().size() + " flows, " + c.funcs().size() + " functions, " + c.conns().size() + " connectors"
                + (c.hasGlobal() ? ", global config" : "");
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Shown shown() {
        return shown.get();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty renameRequestsProperty() {
        return renameRequests.getReadOnlyProperty();
    }

    /** Changes after each refresh, so a view can update labels that are not field models. */
    public ReadOnlyLongProperty refreshesProperty() {
        return refreshes.getReadOnlyProperty();
    }
}
