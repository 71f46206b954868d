package io.kisflow.designer.debug;

import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.Problem;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.input.InputEditor;
import io.kisflow.engine.FunctionStart;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The debugger's state of one flow: its cards (one per chain position), the source level, the input
 * editor, the run history, the run shown on the cards and its timings. Views get it from
 * {@link DebugSession#flow(String)}; everything changes on the UI thread.
 *
 * <pre>{@code FlowDebugState f = session.flow("StuAvg");
 * lane.getCards().forEach(card -> card.bind(f.card(card.position())));
 * timingsTable.setItems(f.timings());}</pre>
 */
public final class FlowDebugState {
    private String name;
    private final ObservableList<CardState> cards = FXCollections.observableArrayList();
    private final ObservableList<CardState> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyObjectWrapper<LevelData> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final InputEditor input;
    private final RunHistory history;
    private final ReadOnlyObjectWrapper<RunRecord> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final ReadOnlyObjectWrapper<RunRecord> shownRun = new ReadOnlyObjectWrapper<>(this, "shownRun");
    private final ObservableList<FunctionTiming> timings = FXCollections.observableArrayList();
    private final ObservableList<FunctionTiming> timingsView = FXCollections.unmodifiableObservableList(timings);
    // This flow's own status: the run panel of another flow never shows it.
    private final ReadOnlyObjectWrapper<SessionState> runState = new ReadOnlyObjectWrapper<>(this, "runState", SessionState.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    // Read by the run thread's breakpoint check, changed on the UI thread.
    private final Set<Integer> breakpoints = ConcurrentHashMap.newKeySet();
    /** Conditions of conditional breakpoints by position; read by the run thread too. */
    private final java.util.Map<Integer, BreakCondition> conditions = new ConcurrentHashMap<>();

    FlowDebugState(String name, InputEditor input, int historySize) {
        this.name = name;
        this.input = input;
        this.history = new RunHistory(historySize);
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        name = newName;
        List<CardState> renamed = new ArrayList<>();
        for (CardState c : cards) {
            CardState n = new CardState(new CardKey(newName, c.position()), c.function(), c.mode());
            copyResults(c, n);
            n.setCodeSource(c.codeSourceProperty().get(), c.builtInProperty().get());
            n.setBreakpoint(c.breakpointProperty().get());
            n.setCondition(c.conditionProperty().get());
            renamed.add(n);
        }
        cards.setAll(renamed);
    }

    /**
     * Makes the cards match the flow's chain. Cards before {@code firstChanged} are kept as they are;
     * later ones are made anew, keeping the results of the same function's card (matched by name and
     * occurrence, so results and breakpoints follow a function that moved); the caller marks them stale.
     */
    void reconcile(FlowConfig flow, Function<String, FuncConfig> funcs, int firstChanged) {
        List<FlowStep> steps = flow.flows();
        List<String> oldNames = new ArrayList<>();
        for (CardState c : cards) {
            oldNames.add(c.function());
        }
        Set<Integer> oldBreakpoints = Set.copyOf(breakpoints);
        java.util.Map<Integer, BreakCondition> oldConditions = java.util.Map.copyOf(conditions);
        List<CardState> next = new ArrayList<>();
        for (int p = 0; p < steps.size(); p++) {
            String fname = steps.get(p).fname();
            if (p < cards.size() && p < firstChanged && cards.get(p).function().equals(fname)) {
                next.add(cards.get(p));
                continue;
            }
            FuncConfig fc = funcs.apply(fname);
            CardState card = new CardState(new CardKey(name, p), fname, fc == null ? "" : fc.fmode());
            int old = oldPlace(oldNames, steps, p);
            if (old >= 0) {
                copyResults(cards.get(old), card);
                card.setCodeSource(cards.get(old).codeSourceProperty().get(), cards.get(old).builtInProperty().get());
                card.setDryRunEffect(cards.get(old).dryRunEffectProperty().get());
            }
            next.add(card);
        }
        breakpoints.clear();
        conditions.clear();
        for (int old : oldBreakpoints) {
            int moved = old < oldNames.size() ? samePlace(oldNames, old, steps) : -1;
            if (moved >= 0) {
                breakpoints.add(moved);
                if (oldConditions.containsKey(old)) {
                    conditions.put(moved, oldConditions.get(old));
                }
            }
        }
        cards.setAll(next);
        for (CardState c : cards) {
            c.setBreakpoint(breakpoints.contains(c.position()));
            BreakCondition bc = conditions.get(c.position());
            c.setCondition(bc == null ? "" : bc.text());
        }
    }

    /** The old position of the function now at {@code p} (its k-th occurrence then and now); -1 when it is new. */
    private static int oldPlace(List<String> oldNames, List<FlowStep> steps, int p) {
        String fname = steps.get(p).fname();
        int occurrence = 0;
        for (int i = 0; i < p; i++) {
            if (steps.get(i).fname().equals(fname)) {
                occurrence++;
            }
        }
        for (int i = 0; i < oldNames.size(); i++) {
            if (oldNames.get(i).equals(fname) && occurrence-- == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The new position of the k-th occurrence of the function that was at {@code old}; -1 when gone. */
    private static int samePlace(List<String> oldNames, int old, List<FlowStep> steps) {
        String fname = oldNames.get(old);
        int occurrence = 0;
        for (int i = 0; i < old; i++) {
            if (oldNames.get(i).equals(fname)) {
                occurrence++;
            }
        }
        for (int p = 0; p < steps.size(); p++) {
            if (steps.get(p).fname().equals(fname) && occurrence-- == 0) {
                return p;
            }
        }
        return -1;
    }

    private static void copyResults(CardState from, CardState to) {
        to.setCalls(List.copyOf(from.calls()));
        to.setLevel(from.outputProperty().get());
        to.setInput(from.inputProperty().get());
        to.setStatus(from.statusProperty().get());
        to.setError(from.errorProperty().get());
        to.setStale(from.staleProperty().get());
    }

    /** Each card's code source, with the card text of the functions whose code is built in (by name), and its dry-run effect. */
    void refreshCodeSources(Function<String, CodeSource> sourceOf, java.util.Map<String, String> builtIn,
                            Function<CardState, DryRunEffect> dryRunOf) {
        for (CardState c : cards) {
            c.setCodeSource(sourceOf.apply(c.function()), builtIn.get(c.function()));
            c.setDryRunEffect(dryRunOf.apply(c));
        }
    }

    /** Marks the results of cards from {@code position} on as stale (only cards that have results). */
    void markStaleFrom(int position) {
        for (CardState c : cards) {
            if (c.position() >= position && c.rowCountProperty().get() >= 0) {
                c.setStale(true);
            }
        }
    }

    boolean setBreakpoint(int position, boolean on) {
        if (position < 0 || position >= cards.size()) {
            return false;
        }
        if (on) {
            breakpoints.add(position);
        } else {
            breakpoints.remove(position);
            conditions.remove(position);
            cards.get(position).setCondition("");
        }
        cards.get(position).setBreakpoint(on);
        return true;
    }

    /** A conditional breakpoint at the position (null: the breakpoint pauses before every call). */
    boolean setCondition(int position, BreakCondition condition) {
        if (!setBreakpoint(position, true)) {
            return false;
        }
        if (condition == null) {
            conditions.remove(position);
        } else {
            conditions.put(position, condition);
        }
        cards.get(position).setCondition(condition == null ? "" : condition.text());
        return true;
    }

    boolean hasBreakpoint(int position) {
        return breakpoints.contains(position);
    }

    /** On the run thread: a breakpoint here, and no condition or a row of the input matches it. */
    boolean breaksBefore(FunctionStart e) {
        if (!breakpoints.contains(e.position())) {
            return false;
        }
        BreakCondition c = conditions.get(e.position());
        return c == null || c.matchesAny(e.inputRows());
    }

    // ------------------------------------------------------------ a live run (UI thread)

    void beginRun() {
        for (CardState c : cards) {
            c.clearResults();
        }
        source.set(null);
        shownRun.set(null);
        timings.clear();
    }

    void runStarted(LevelData sourceLevel) {
        source.set(sourceLevel);
    }

    /** The run waits before this call, or is about to make it. */
    void callComing(FunctionStart e) {
        for (CardState c : cards) {
            if (c.statusProperty().get() == CardStatus.CURRENT) {
                c.setStatus(c.calls().isEmpty() ? CardStatus.NOT_RUN : CardStatus.DONE);
            }
        }
        CardState card = card(e.position());
        if (card != null) {
            card.setStatus(CardStatus.CURRENT);
            card.setInput(new LevelData(name, e.inputLevel(), e.position() - 1, e.inputRows(), false));
        }
    }

    void callEnded(CallRecord call, LevelData level) {
        CardState card = card(call.position());
        if (card != null) {
            card.addCall(call, level);
            card.setStatus(CardStatus.DONE);
        }
    }

    void runEnded(RunRecord run) {
        history.add(run);
        lastRun.set(run);
        show(run);
    }

    /**
     * Opens a run kept on disk or imported from a trace: it joins the history (not as the latest run,
     * so "Compare with current" compares it with the last run made here) and the cards show it.
     */
    public void open(RunRecord run) {
        RunRecord same = history.find(run.number());
        if (same != null && !same.startedAt().equals(run.startedAt())) {
            same = null;
        }
        if (same == null) {
            history.add(run);
        }
        show(same == null ? run : same);
    }

    // ------------------------------------------------------------ this flow's status (set by the run controller)

    void setRunState(SessionState s) {
        runState.set(s);
    }

    void setMessage(String text) {
        message.set(text == null ? "" : text);
    }

    void setProblems(List<Problem> found) {
        problems.setAll(found);
    }

    void addProblem(Problem p) {
        problems.add(p);
    }

    // ------------------------------------------------------------ history

    /**
     * Shows a finished run on the cards (reopening one from the history): levels, calls, errors and
     * timings as they were then. Cards beyond that run's chain show nothing.
     */
    public void show(RunRecord run) {
        for (CardState c : cards) {
            int p = c.position();
            boolean sameFunction = p < run.chain().size() && run.chain().get(p).equals(c.function());
            c.clearResults();
            if (!sameFunction) {
                continue;
            }
            c.setCalls(run.callsAt(p));
            c.setLevel(run.level(p));
            c.setInput(p == 0 ? run.source() : run.level(p - 1));
            if (p == run.failedPosition()) {
                c.setStatus(run.outcome() == RunOutcome.STOPPED ? CardStatus.STOPPED : CardStatus.FAILED);
                c.setError(run.outcome() == RunOutcome.STOPPED ? null : run.error());
            } else {
                c.setStatus(run.ran(p) ? CardStatus.DONE : CardStatus.NOT_RUN);
            }
        }
        source.set(run.source());
        timings.setAll(run.timings());
        shownRun.set(run);
    }

    /** Compares two runs of this flow card by card (for example a reopened run with the last one). */
    public RunComparison compare(RunRecord before, RunRecord after) {
        return new RunComparison(before, after);
    }

    // ------------------------------------------------------------ what views bind to

    public ObservableList<CardState> cards() {
        return cardsView;
    }

    /** The card at a chain position, or null when the chain is shorter. */
    public CardState card(int position) {
        return position >= 0 && position < cards.size() ? cards.get(position) : null;
    }

    /** The source level of the shown (or running) run. */
    public ReadOnlyObjectProperty<LevelData> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public InputEditor input() {
        return input;
    }

    public RunHistory history() {
        return history;
    }

    /** The most recent finished run of this flow. */
    public ReadOnlyObjectProperty<RunRecord> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** The finished run the cards show; null while a run is live. */
    public ReadOnlyObjectProperty<RunRecord> shownRunProperty() {
        return shownRun.getReadOnlyProperty();
    }

    /** Where this flow's own run is: IDLE before its first run, then as the session for its runs only. */
    public ReadOnlyObjectProperty<SessionState> runStateProperty() {
        return runState.getReadOnlyProperty();
    }

    /** This flow's status line: its last run's outcome, why its last start was refused, or where its run is. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why this flow's last start was refused, or the warnings of its last run. */
    public ObservableList<Problem> problems() {
        return problemsView;
    }

    /** Per-function timings of the shown run. */
    public ObservableList<FunctionTiming> timings() {
        return timingsView;
    }
}
