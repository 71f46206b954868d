package io.kisflow.designer.debug;

import io.kisflow.designer.debug.data.LevelData;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * What the debugger shows on one function card (and in the inspector when the card is selected):
 * status (dimmed, highlighted, failed), rows in its level (the count on the arrow leaving it), its
 * calls, error, badges (pinned rows, pass-through, dry run, breakpoint) and the stale mark. Read-only for
 * views; the session changes it on the UI thread.
 *
 * <pre>{@code CardState card = session.flow("StuAvg").card(1);
 * arrowLabel.textProperty().bind(card.rowCountProperty().asString());
 * badge.visibleProperty().bind(card.pinnedProperty());}</pre>
 */
public final class CardState {
    private final CardKey key;
    private final String function;
    private final String mode;
    private final ReadOnlyObjectWrapper<CodeSource> codeSource = new ReadOnlyObjectWrapper<>(this, "codeSource", CodeSource.PLUGIN);
    private final BooleanBinding pinned = Bindings.equal(codeSource, CodeSource.PINNED);
    private final javafx.beans.property.ReadOnlyStringWrapper builtIn = new javafx.beans.property.ReadOnlyStringWrapper(this, "builtIn");
    private final ReadOnlyObjectWrapper<DryRunEffect> dryRun = new ReadOnlyObjectWrapper<>(this, "dryRun", DryRunEffect.NONE);
    private final ReadOnlyBooleanWrapper breakpoint = new ReadOnlyBooleanWrapper(this, "breakpoint");
    private final javafx.beans.property.ReadOnlyStringWrapper condition = new javafx.beans.property.ReadOnlyStringWrapper(this, "condition", "");
    private final ReadOnlyObjectWrapper<CardStatus> status = new ReadOnlyObjectWrapper<>(this, "status", CardStatus.NOT_RUN);
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(this, "rowCount", -1);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyObjectWrapper<ErrorInfo> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<LevelData> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<LevelData> output = new ReadOnlyObjectWrapper<>(this, "output");
    private final ObservableList<CallRecord> calls = FXCollections.observableArrayList();
    private final ObservableList<CallRecord> callsView = FXCollections.unmodifiableObservableList(calls);
    private final ReadOnlyObjectWrapper<CallRecord> lastCall = new ReadOnlyObjectWrapper<>(this, "lastCall");
    private final ReadOnlyLongWrapper totalNanos = new ReadOnlyLongWrapper(this, "totalNanos");
    private final ReadOnlyIntegerWrapper goNotes = new ReadOnlyIntegerWrapper(this, "goNotes");

    CardState(CardKey key, String function, String mode) {
        this.key = key;
        this.function = function;
        this.mode = mode;
    }

    public CardKey key() {
        return key;
    }

    public int position() {
        return key.position();
    }

    public String function() {
        return function;
    }

    public String mode() {
        return mode;
    }

    // ------------------------------------------------------------ changes (session, UI thread)

    void setCodeSource(CodeSource source) {
        setCodeSource(source, null);
    }

    /** The source, with what built-in code does when it is {@link CodeSource#BUILT_IN} (set first: views redraw on the source). */
    void setCodeSource(CodeSource source, String builtInText) {
        builtIn.set(source == CodeSource.BUILT_IN ? builtInText : null);
        codeSource.set(source);
    }

    void setDryRunEffect(DryRunEffect effect) {
        dryRun.set(effect);
    }

    void setBreakpoint(boolean on) {
        breakpoint.set(on);
    }

    void setCondition(String text) {
        condition.set(text == null ? "" : text);
    }

    void setStale(boolean on) {
        stale.set(on);
    }

    /** Forgets the results: the card looks as before any run. */
    void clearResults() {
        status.set(CardStatus.NOT_RUN);
        rowCount.set(-1);
        error.set(null);
        input.set(null);
        output.set(null);
        calls.clear();
        lastCall.set(null);
        totalNanos.set(0);
        goNotes.set(0);
        stale.set(false);
    }

    void setStatus(CardStatus s) {
        status.set(s);
    }

    void setInput(LevelData level) {
        input.set(level);
    }

    void setError(ErrorInfo e) {
        error.set(e);
    }

    /** A call ended: its record, and the card's level after it (null: the function left no level). */
    void addCall(CallRecord call, LevelData level) {
        calls.add(call);
        lastCall.set(call);
        totalNanos.set(totalNanos.get() + call.durationNanos());
        goNotes.set(goNotes.get() + call.goNotes().size());
        setLevel(level);
    }

    void setCalls(List<CallRecord> all) {
        calls.setAll(all);
        lastCall.set(all.isEmpty() ? null : all.get(all.size() - 1));
        totalNanos.set(all.stream().mapToLong(CallRecord::durationNanos).sum());
        goNotes.set(all.stream().mapToInt(c -> c.goNotes().size()).sum());
    }

    void setLevel(LevelData level) {
        output.set(level);
        rowCount.set(level == null ? (calls.isEmpty() ? -1 : 0) : level.size());
    }

    // ------------------------------------------------------------ what views bind to

    /** Plugin code, pass-through or pinned rows. */
    /** What the built-in code of this card does ("built-in · RPUSH scores"), or null when its code is not built in. */
    public javafx.beans.property.ReadOnlyStringProperty builtInProperty() {
        return builtIn.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CodeSource> codeSourceProperty() {
        return codeSource.getReadOnlyProperty();
    }

    /** True when designer runs use the user's pinned rows for this function: show a loud badge. */
    public BooleanBinding pinnedProperty() {
        return pinned;
    }

    /** What the session's dry run does to this function: nothing, its connector calls recorded, or refused until pinned. */
    public ReadOnlyObjectProperty<DryRunEffect> dryRunEffectProperty() {
        return dryRun.getReadOnlyProperty();
    }

    /**
     * How many points of this card's calls a Go server would do otherwise (with Go semantics: where
     * the calls did as Go does); the card shows "Go differs" when not 0 and the Call tab says what.
     */
    public ReadOnlyIntegerProperty goNotesProperty() {
        return goNotes.getReadOnlyProperty();
    }

    /** Pause before this card (toggle with {@link DebugSession#toggleBreakpoint}). */
    public ReadOnlyBooleanProperty breakpointProperty() {
        return breakpoint.getReadOnlyProperty();
    }

    /** The breakpoint's condition ("" for none: it pauses before every call), see {@link DebugSession#setBreakpointCondition}. */
    public javafx.beans.property.ReadOnlyStringProperty conditionProperty() {
        return condition.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CardStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Rows in the card's level: -1 before it runs (no count on the arrow), 0 when it left no level. */
    public ReadOnlyIntegerProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    /** The results shown are from before an edit of this function or of something before it in the flow. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The error of the failed run, on the card it belongs to; null otherwise. */
    public ReadOnlyObjectProperty<ErrorInfo> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The level the function read in its last call (known as soon as the run pauses before it). */
    public ReadOnlyObjectProperty<LevelData> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /** The card's own level (its output), null when it has none. */
    public ReadOnlyObjectProperty<LevelData> outputProperty() {
        return output.getReadOnlyProperty();
    }

    /** Every call of this card in the shown run, in order (several in a JumpFunc loop). */
    public ObservableList<CallRecord> calls() {
        return callsView;
    }

    public ReadOnlyObjectProperty<CallRecord> lastCallProperty() {
        return lastCall.getReadOnlyProperty();
    }

    /** Time spent in this card's calls in the shown run. */
    public ReadOnlyLongProperty totalNanosProperty() {
        return totalNanos.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return key.flowName() + "#" + key.position() + " " + function;
    }
}
