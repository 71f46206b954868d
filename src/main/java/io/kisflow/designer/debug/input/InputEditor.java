package io.kisflow.designer.debug.input;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The run panel's input editor for one flow: the source rows as text (one per line) or as JSON
 * values, parsed as the user types; the row count or the error (with its line) shows under it.
 * Paste goes into {@link #textProperty()}; "Load from file" calls {@link #loadFile}. What the project
 * keeps is {@link #stored()}: one string per row, plus the mode.
 *
 * <pre>{@code textArea.textProperty().bindBidirectional(editor.textProperty());
 * errorLabel.textProperty().bind(editor.errorProperty());}</pre>
 */
public final class InputEditor {
    /** Files larger than this are refused: the designer keeps input rows in the sidecar file. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final String flowName;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<InputMode> mode = new SimpleObjectProperty<>(this, "mode", InputMode.TEXT);
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(this, "rowCount");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private ParsedRows parsed = RowsText.parse("", InputMode.TEXT);

    public InputEditor(String flowName) {
        this.flowName = flowName;
        text.addListener((obs, old, now) -> reparse());
        mode.addListener((obs, old, now) -> reparse());
    }

    /** An editor holding rows as the sidecar stores them. */
    public static InputEditor of(String flowName, List<String> stored, InputMode mode) {
        InputEditor e = new InputEditor(flowName);
        e.mode.set(mode == null ? InputMode.TEXT : mode);
        e.text.set(RowsText.join(stored == null ? List.of() : stored));
        return e;
    }

    private void reparse() {
        InputMode m = mode.get() == null ? InputMode.TEXT : mode.get();
        parsed = RowsText.parse(text.get(), m);
        rowCount.set(parsed.rows().size());
        error.set(parsed.ok() ? "" : "input of flow " + flowName + ", " + parsed.error()
                + (m == InputMode.JSON ? " (or switch the input to text mode: one string per line)" : ""));
    }

    /** Replaces the text with a file's content (UTF-8); the mode stays as it is. */
    public void loadFile(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot load input rows: " + file + " does not exist", e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new IOException("cannot load input rows: " + file + " has " + size / (1024 * 1024)
                    + " MB; the designer takes up to " + MAX_FILE_BYTES / (1024 * 1024) + " MB of input rows");
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("cannot load input rows: " + file + " is not UTF-8 text", e);
        }
        text.set(content.startsWith("\uFEFF") ? content.substring(1) : content);
    }

    public String flowName() {
        return flowName;
    }

    /** The rows as of the current text; check {@link #isValid()} first. */
    public ParsedRows parsed() {
        return parsed;
    }

    public boolean isValid() {
        return parsed.ok();
    }

    /** One string per row, for the project's sidecar (compact JSON in JSON mode). */
    public List<String> stored() {
        return parsed.ok() ? parsed.stored() : RowsText.parse(text.get(), InputMode.TEXT).stored();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<InputMode> modeProperty() {
        return mode;
    }

    public ReadOnlyIntegerProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    /** "" when the text parses; otherwise the flow, line and reason. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
