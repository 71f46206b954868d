package io.kisflow.designer.debug.link;

import io.kisflow.config.KisType;
import io.kisflow.config.ObjectRef;
import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.CardState;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.DebugSettings;
import io.kisflow.designer.debug.LayoutSettings;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.project.ProjectLayout;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The debugger of a designer window: one {@link DebugSession} per open project, kept in step with
 * the document. Edits (and their undo) reach the session as new configs, renames and run settings;
 * what the user changes in the run panel (input rows, pinned rows, plugin paths, the dry-run switch) goes back into the
 * document as undoable edits of the sidecar layout, so Save, autosave and recovery keep it like any
 * other change. It also knows which flow and card the panels are about: the selection's.
 *
 * <pre>{@code ProjectDebugger dbg = new ProjectDebugger(vm.document, DebugOptions.defaults(), Platform::runLater, pool);
 * runButton.setOnAction(e -> dbg.run());}</pre>
 */
public final class ProjectDebugger implements AutoCloseable {
    private final ProjectDocument doc;
    private final io.kisflow.designer.status.StatusModel status;
    private final DebugOptions options;
    private final Executor ui;
    private final Executor background;
    private final ReadOnlyObjectWrapper<DebugSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper flow = new ReadOnlyStringWrapper(this, "flow");
    private final ReadOnlyObjectWrapper<CardKey> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper(this, "changes");
    private final CardWatcher watcher = new CardWatcher(() -> changes.set(changes.get() + 1));
    private DesignState seen;
    /** How much run history each project keeps on disk (its .kisflow-studio/runs/); null keeps none. */
    private io.kisflow.designer.debug.RunStoreLimits runHistory = io.kisflow.designer.debug.RunStoreLimits.defaults();
    /** On while the session takes settings from the document (undo): its echo is not a new edit. */
    private boolean applying;

    public ProjectDebugger(ProjectDocument doc, DebugOptions options, Executor ui, Executor background) {
        this(doc, options, ui, background, new io.kisflow.designer.status.StatusModel(ui));
    }

    /** @param status where long work (reloading plugins) shows its progress and Cancel: the window's status bar */
    public ProjectDebugger(ProjectDocument doc, DebugOptions options, Executor ui, Executor background, io.kisflow.designer.status.StatusModel status) {
        this.status = status;
        this.doc = doc;
        this.options = Objects.requireNonNull(options, "options");
        this.ui = ui;
        this.background = background;
        doc.opensProperty().addListener((o, a, b) -> startSession());
        doc.stateProperty().addListener((o, a, b) -> stateChanged(b));
        doc.selectionProperty().addListener((o, a, b) -> selectionChanged(b, true));
        if (doc.directory() != null) {
            startSession();
        }
    }

    private void startSession() {
        DebugSession old = session.get();
        if (old != null) {
            old.close();
        }
        DesignState s = doc.state();
        seen = s;
        // The built-in samples plugin serves the projects that name it (the samples), no other.
        DebugOptions own = options.withSamples(options.samples() && LayoutSettings.usesSamples(s.layout(), doc.directory()));
        DebugSession fresh = new DebugSession(doc.directory(), s.configs(), LayoutSettings.read(s.layout()), own, ui, background);
        if (doc.directory() != null && runHistory != null) {
            fresh.keepRuns(doc.directory().resolve(io.kisflow.designer.debug.RunStore.DIR), runHistory);
        }
        fresh.settingsRevisionProperty().addListener((o, a, b) -> settingsEdited(fresh));
        fresh.stateProperty().addListener((o, a, b) -> changed());
        fresh.pausedAtProperty().addListener((o, a, now) -> {
            if (now != null) {
                changed();
            }
        });
        flow.set(null);
        card.set(null);
        session.set(fresh);
        watcher.watch(fresh, s.configs().flows().keySet());
        selectionChanged(doc.selection(), false);
        changed();
    }

    // ---------------------------------------------------------------- document to session

    private void stateChanged(DesignState now) {
        DebugSession s = session.get();
        DesignState was = seen;
        seen = now;
        if (s == null || was == null || now == was) {
            return;
        }
        applying = true;
        try {
            for (Map.Entry<ObjectRef, ObjectRef> r : now.renamesSince(was).entrySet()) {
                if (r.getKey().type() == KisType.FLOW) {
                    s.flowRenamed(r.getKey().name(), r.getValue().name());
                    if (r.getKey().name().equals(flow.get())) {
                        flow.set(r.getValue().name());
                    }
                } else if (r.getKey().type() == KisType.FUNC) {
                    s.functionRenamed(r.getKey().name(), r.getValue().name());
                }
            }
            if (now.configs() != was.configs()) {
                s.configsChanged(now.configs());
            }
            watcher.watch(s, now.configs().flows().keySet());
            if (!sessionMatches(s, now.layout())) {
                s.applySettings(LayoutSettings.read(now.layout()));
            }
        } finally {
            applying = false;
        }
        selectionChanged(doc.selection(), false);
        changed();
    }

    private static boolean sessionMatches(DebugSession s, ProjectLayout layout) {
        return LayoutSettings.write(s.settings(), layout).equals(layout);
    }

    // ---------------------------------------------------------------- session to document

    private void settingsEdited(DebugSession s) {
        if (applying || s != session.get()) {
            return;
        }
        ProjectLayout layout = doc.state().layout();
        DebugSettings before = LayoutSettings.read(layout);
        DebugSettings after = s.settings();
        ProjectLayout wanted = LayoutSettings.write(after, layout);
        if (wanted.equals(layout)) {
            return;
        }
        String[] what = describe(before, after);
        // The edit comes from the session, which already holds it: the state listener must not push it back.
        applying = true;
        try {
            doc.perform(Edit.of(what[0], st -> st.withLayout(wanted), null), what[1]);
            seen = doc.state();
        } finally {
            applying = false;
        }
    }

    /** The Undo menu's words for a run-settings change, and the burst that merges a run of keystrokes. */
    private static String[] describe(DebugSettings before, DebugSettings after) {
        if (!before.pluginPaths().equals(after.pluginPaths())) {
            return new String[] {"Change plugin paths", null};
        }
        if (before.dryRun() != after.dryRun()) {
            return new String[] {after.dryRun() ? "Turn dry run on" : "Turn dry run off", null};
        }
        if (before.goSemantics() != after.goSemantics()) {
            return new String[] {after.goSemantics() ? "Turn Go semantics on" : "Turn Go semantics off", null};
        }
        if (!Objects.equals(before.callLimit(), after.callLimit())) {
            return new String[] {after.callLimit() == null ? "Reset the call limit"
                    : "Set the call limit to " + io.kisflow.designer.debug.CallLimit.text(after.callLimit()), null};
        }
        for (String f : union(before.inputFiles().keySet(), after.inputFiles().keySet())) {
            String was = before.inputFiles().get(f);
            String is = after.inputFiles().get(f);
            if (!Objects.equals(was, is)) {
                return new String[] {is == null ? "Type input rows of " + f : "Read input rows of " + f + " from " + is, null};
            }
        }
        for (String f : union(before.inputRows().keySet(), after.inputRows().keySet())) {
            if (!Objects.equals(before.inputRows().get(f), after.inputRows().get(f))
                    || before.inputModes().getOrDefault(f, InputMode.TEXT) != after.inputModes().getOrDefault(f, InputMode.TEXT)) {
                return new String[] {"Edit input rows of " + f, "input:" + f};
            }
        }
        for (String fn : union(before.pinnedRows().keySet(), after.pinnedRows().keySet())) {
            boolean was = before.pinnedRows().containsKey(fn);
            boolean is = after.pinnedRows().containsKey(fn);
            if (was != is) {
                return new String[] {(is ? "Pin output rows of " : "Unpin ") + fn, null};
            }
            if (!Objects.equals(before.pinnedRows().get(fn), after.pinnedRows().get(fn))) {
                return new String[] {"Edit pinned rows of " + fn, "pins:" + fn};
            }
        }
        return new String[] {"Edit run settings", "run-settings"};
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    // ---------------------------------------------------------------- selection

    private void selectionChanged(Selection sel, boolean userMoved) {
        DebugSession s = session.get();
        if (s == null) {
            return;
        }
        var flows = doc.state().configs().flows();
        CardKey newCard = null;
        String newFlow = flow.get();
        if (sel instanceof Selection.OfStep st && st.existsIn(doc.state())) {
            newFlow = st.flow();
            newCard = new CardKey(st.flow(), st.index());
        } else if (sel instanceof Selection.OfFlow f && flows.containsKey(f.flow())) {
            newFlow = f.flow();
        }
        if (newFlow == null || !flows.containsKey(newFlow)) {
            newFlow = doc.state().lanes().isEmpty() ? null : doc.state().lanes().get(0);
        }
        flow.set(newFlow);
        card.set(newCard);
        if (userMoved) {
            // The inspector follows the selection: a card shows its output, a lane its source rows, and
            // it stays on them through runs and steps (an empty level while the card has not run).
            if (newCard != null && s.card(newCard) != null) {
                s.inspect(newCard);
            } else if (newCard == null && sel instanceof Selection.OfFlow && newFlow != null && s.flow(newFlow) != null) {
                s.inspectSource(newFlow);
            }
        }
    }

    // ---------------------------------------------------------------- commands (Run menu, keys, buttons)

    /** Runs the selected flow to the end (pausing at breakpoints). */
    public boolean run() {
        return withFlow((s, f) -> s.run(f));
    }

    /** Paused: runs one function. Otherwise starts the selected flow and pauses before its first function. */
    public boolean step() {
        DebugSession s = session.get();
        if (s != null && s.state() == io.kisflow.designer.debug.SessionState.PAUSED) {
            return s.step();
        }
        return withFlow((ss, f) -> ss.step(f));
    }

    public boolean continueRun() {
        DebugSession s = session.get();
        return s != null && s.continueRun();
    }

    public void stop() {
        DebugSession s = session.get();
        if (s != null) {
            s.stop();
        }
    }

    /** Toggles the breakpoint of the selected card. */
    public boolean toggleBreakpoint() {
        return withCard("Select a function card to put a breakpoint on it.", (s, k) -> {
            s.toggleBreakpoint(k);
            changed();
            return true;
        });
    }

    /** The limits of the run history kept on disk for the projects opened from now on (null: keep none). */
    public void setRunHistoryLimits(io.kisflow.designer.debug.RunStoreLimits limits) {
        runHistory = limits;
    }

    /** "Run from here": runs the selected card's flow from it, reusing the levels the cards hold before it. */
    public boolean runFromHere() {
        return withCard("Select the card to run from.", DebugSession::runFromHere);
    }

    /**
     * Puts a conditional breakpoint on the selected card (blank: a plain breakpoint). Returns null when
     * done, else what is wrong ("column 7: use == to compare, not =").
     */
    public String setBreakpointCondition(String condition) {
        String[] error = {null};
        withCard("Select a function card to put a breakpoint on it.", (s, k) -> {
            try {
                s.setBreakpointCondition(k, condition);
                changed();
            } catch (io.kisflow.designer.debug.BreakCondition.Invalid e) {
                error[0] = e.getMessage();
            }
            return true;
        });
        return error[0];
    }

    /** Turns "pause on error" on or off for the open project's runs; false before a project is open. */
    public boolean togglePauseOnError() {
        DebugSession s = session.get();
        if (s == null) {
            return false;
        }
        s.pauseOnErrorProperty().set(!s.pauseOnErrorProperty().get());
        doc.tell(StatusMessage.info(s.pauseOnErrorProperty().get() ? "Pause on error is on: a failing function pauses the run at its card"
                : "Pause on error is off"));
        return true;
    }

    /** Runs until just before the selected card. */
    public boolean runToHere() {
        return withCard("Select the card to run to.", DebugSession::runToHere);
    }

    /** Shows the selected card's input level next to its output in the diff. */
    public boolean compareInputOutput() {
        return withCard("Select a card to compare its input with its output.", (s, k) -> {
            s.compareInputOutput(k);
            return true;
        });
    }

    /** Shows the selected card's output (or the flow's source when a lane is selected) in the inspector. */
    public boolean inspectSelected() {
        DebugSession s = session.get();
        if (s == null || flow.get() == null) {
            return false;
        }
        if (card.get() != null) {
            s.inspect(card.get());
        } else {
            s.inspectSource(flow.get());
        }
        return true;
    }

    /** Shows the level the selected card reads (the previous card's output, or the source). */
    public boolean inspectInput() {
        return withCard("Select a card to see its input rows.", (s, k) -> {
            if (k.position() == 0) {
                s.inspectSource(k.flowName());
            } else {
                s.inspect(new CardKey(k.flowName(), k.position() - 1));
            }
            return true;
        });
    }

    /** Selects the card that failed in the last run of the active flow; false when no card failed. */
    public boolean selectFailedCard() {
        DebugSession s = session.get();
        var f = s == null ? null : s.flow(s.activeFlowProperty().get());
        if (f == null) {
            return false;
        }
        for (CardState c : f.cards()) {
            if (c.statusProperty().get() == io.kisflow.designer.debug.CardStatus.FAILED) {
                doc.navigateTo(Selection.step(f.name(), c.position()));
                return true;
            }
        }
        return false;
    }

    /** Loads the plugins again (the user rebuilt a jar) off the UI thread, with progress and Cancel in {@link #status()}. */
    public java.util.concurrent.CompletableFuture<Boolean> reloadPlugins() {
        DebugSession s = session.get();
        return s == null ? java.util.concurrent.CompletableFuture.completedFuture(false) : s.reloadPlugins(status);
    }

    /** Where the debugger's long work (reloading plugins) is shown. */
    public io.kisflow.designer.status.StatusModel status() {
        return status;
    }

    private boolean withFlow(java.util.function.BiPredicate<DebugSession, String> action) {
        DebugSession s = session.get();
        if (s == null) {
            doc.tell(StatusMessage.refused("Open a project first."));
            return false;
        }
        if (flow.get() == null) {
            doc.tell(StatusMessage.refused("The project has no flow to run: create one first."));
            return false;
        }
        return action.test(s, flow.get());
    }

    private boolean withCard(String hint, java.util.function.BiPredicate<DebugSession, CardKey> action) {
        DebugSession s = session.get();
        CardKey k = card.get();
        if (s == null || k == null || s.card(k) == null) {
            doc.tell(StatusMessage.refused(hint));
            return false;
        }
        return action.test(s, k);
    }

    private void changed() {
        changes.set(changes.get() + 1);
    }

    // ---------------------------------------------------------------- what views bind to

    /** The session of the open project (a new one for each opened project); null before one is open. */
    public ReadOnlyObjectProperty<DebugSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public DebugSession session() {
        return session.get();
    }

    /** The flow the run panel is about: the selected lane's, else the last one picked, else the first. */
    public ReadOnlyStringProperty flowProperty() {
        return flow.getReadOnlyProperty();
    }

    /** The selected card, or null when no card is selected. */
    public ReadOnlyObjectProperty<CardKey> cardProperty() {
        return card.getReadOnlyProperty();
    }

    /** The selected card's debugger state, or null. */
    public CardState selectedCard() {
        DebugSession s = session.get();
        return s == null || card.get() == null ? null : s.card(card.get());
    }

    /** Goes up whenever anything the canvas shows of the debugger may have changed (repaint then). */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    @Override
    public void close() {
        DebugSession s = session.get();
        if (s != null) {
            s.close();
        }
    }
}
