package io.kisflow.designer.debug.input;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * The pinned output rows of one function that has no code: while {@link #pinnedProperty()} is on,
 * designer runs commit these rows (JSON values) instead of passing the input on. Pins live in the
 * project's sidecar file only; they never reach the KisFlow YAML nor a server.
 *
 * <pre>{@code PinEditor pins = session.pins("SaveAvgScore");
 * pins.textProperty().set("{\"stu_id\":1,\"avg_score\":90}");
 * pins.pinnedProperty().set(true);}</pre>
 */
public final class PinEditor {
    private final String functionName;
    private final BooleanProperty pinned = new SimpleBooleanProperty(this, "pinned", false);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(this, "rowCount");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private ParsedRows parsed = RowsText.parse("", InputMode.JSON);

    public PinEditor(String functionName) {
        this.functionName = functionName;
        text.addListener((obs, old, now) -> reparse());
    }

    /** Pinned rows as the sidecar stores them (JSON text, one row each). */
    public static PinEditor of(String functionName, List<String> stored) {
        PinEditor e = new PinEditor(functionName);
        e.text.set(RowsText.join(stored));
        e.pinned.set(true);
        return e;
    }

    private void reparse() {
        parsed = RowsText.parse(text.get(), InputMode.JSON);
        rowCount.set(parsed.rows().size());
        error.set(parsed.ok() ? "" : "pinned rows of function " + functionName + ", " + parsed.error());
    }

    public String functionName() {
        return functionName;
    }

    public ParsedRows parsed() {
        return parsed;
    }

    /** The sidecar's strings: compact JSON per row; the raw lines while the text does not parse (nothing is lost). */
    public List<String> stored() {
        return parsed.ok() ? parsed.stored() : RowsText.parse(text.get(), InputMode.TEXT).stored();
    }

    /** On: designer runs use these rows as the function's output. */
    public BooleanProperty pinnedProperty() {
        return pinned;
    }

    public boolean isPinned() {
        return pinned.get();
    }

    /** JSON values, one row each (one per line, or pretty-printed one after another). */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyIntegerProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
