package io.kisflow.designer.debug.input;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
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
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run panel's input editor for one flow: the source rows as text (one per line) or as JSON
 * values, or a file of rows the project refers to. What the project keeps is {@link #stored()} (the
 * rows of the text, one string each) or {@link #fileProperty()} (the file's path, relative to the
 * project when inside it), plus the mode.
 *
 * <p>Big inputs never block the window: a loaded file larger than {@link #INLINE_MAX_BYTES} is
 * referred to, not copied, and read and parsed on the background executor with
 * {@link #progressProperty()} and {@link #cancelLoading()}; so is text longer than
 * {@link #BACKGROUND_PARSE_CHARS} (rows restored from an old sidecar or recovery copy). While that
 * runs, {@link #loadingProperty()} is on and a run is refused.
 *
 * <pre>{@code editor.attach(projectDir, Platform::runLater, pool);
 * editor.loadFile(Path.of("big.jsonl"));          // 6 MB: referred to, read in the background
 * countLabel.textProperty().bind(editor.rowCountProperty().asString());}</pre>
 */
public final class InputEditor {
    /** Files larger than this are refused. */
    public static final long MAX_FILE_BYTES = 1024L * 1024 * 1024;
    /** A loaded file up to this size is copied into the text (and the sidecar); a larger one is referred to. */
    public static final long INLINE_MAX_BYTES = 64 * 1024;
    /** Text longer than this is parsed off the UI thread. */
    public static final int BACKGROUND_PARSE_CHARS = 64 * 1024;

    private final String flowName;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<InputMode> mode = new SimpleObjectProperty<>(this, "mode", InputMode.TEXT);
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper(this, "file", "");
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(this, "rowCount");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyIntegerWrapper parsedRevision = new ReadOnlyIntegerWrapper(this, "parsedRevision");
    private final AtomicInteger generation = new AtomicInteger();
    private ParsedRows parsed = RowsText.parse("", InputMode.TEXT);
    private Path projectDir;
    private Executor ui = Runnable::run;
    private Executor background = Runnable::run;

    public InputEditor(String flowName) {
        this.flowName = flowName;
        text.addListener((obs, old, now) -> {
            if (file.get().isEmpty()) {
                reparse();
            }
        });
        mode.addListener((obs, old, now) -> reparse());
    }

    /** An editor holding rows as the sidecar stores them. */
    public static InputEditor of(String flowName, List<String> stored, InputMode mode) {
        InputEditor e = new InputEditor(flowName);
        e.mode.set(mode == null ? InputMode.TEXT : mode);
        e.text.set(RowsText.join(stored == null ? List.of() : stored));
        return e;
    }

    /**
     * Where files are resolved and how the work is split: {@code ui} runs results on the UI thread,
     * {@code background} reads and parses big inputs. Without it (tests) everything runs at once on
     * the caller's thread and relative files resolve against the working directory.
     */
    public void attach(Path projectDir, Executor ui, Executor background) {
        this.projectDir = projectDir;
        this.ui = ui;
        this.background = background;
    }

    private void reparse() {
        if (!file.get().isEmpty()) {
            readFile();
            return;
        }
        String t = text.get() == null ? "" : text.get();
        InputMode m = currentMode();
        if (t.length() <= BACKGROUND_PARSE_CHARS) {
            generation.incrementAndGet();
            loading.set(false);
            accept(RowsText.parse(t, m), m, "");
            return;
        }
        int gen = begin();
        background.execute(() -> {
            ParsedRows p = RowsText.parse(t, m);
            ui.execute(() -> finish(gen, p, m, ""));
        });
    }

    private InputMode currentMode() {
        return mode.get() == null ? InputMode.TEXT : mode.get();
    }

    private int begin() {
        int gen = generation.incrementAndGet();
        progress.set(0);
        loading.set(true);
        return gen;
    }

    private void finish(int gen, ParsedRows p, InputMode m, String where) {
        if (generation.get() != gen) {
            return;   // cancelled, or the input changed again meanwhile
        }
        loading.set(false);
        progress.set(1);
        accept(p, m, where);
    }

    private void accept(ParsedRows p, InputMode m, String where) {
        parsed = p;
        rowCount.set(p.rows().size());
        error.set(p.ok() ? "" : "input of flow " + flowName + ", " + where + p.error()
                + (m == InputMode.JSON && p.errorLine() > 0 ? " (or switch the input to text mode: one string per line)" : ""));
        parsedRevision.set(parsedRevision.get() + 1);
    }

    /**
     * Loads a file of rows (UTF-8): one up to {@link #INLINE_MAX_BYTES} replaces the text, as if
     * pasted; a larger one becomes the flow's input file, read in the background. The mode stays.
     */
    public void loadFile(Path path) throws IOException {
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot load input rows: " + path + " does not exist", e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new IOException("cannot load input rows: " + path + " has " + size / (1024 * 1024)
                    + " MB; the designer takes up to " + MAX_FILE_BYTES / (1024 * 1024) + " MB of input rows");
        }
        if (size > INLINE_MAX_BYTES) {
            setFile(relative(path));
            return;
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("cannot load input rows: " + path + " is not UTF-8 text", e);
        }
        setFile("");
        text.set(content.startsWith("\uFEFF") ? content.substring(1) : content);
    }

    /** The path as the sidecar keeps it: relative to the project directory when inside it, with forward slashes. */
    private String relative(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (projectDir != null) {
            Path dir = projectDir.toAbsolutePath().normalize();
            if (abs.startsWith(dir)) {
                return dir.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }

    /** Refers to a file of rows (as the sidecar stores it; "" goes back to the typed text) and reads it. */
    public void setFile(String stored) {
        String f = stored == null ? "" : stored;
        if (f.equals(file.get())) {
            return;
        }
        file.set(f);
        reparse();
    }

    /** Reads the referred file again (it changed on disk, or reading it was cancelled). */
    public void reload() {
        reparse();
    }

    /** Stops reading a file or parsing a big text; the rows stay unread (a run is refused) until {@link #reload()}. */
    public void cancelLoading() {
        if (!loading.get()) {
            return;
        }
        generation.incrementAndGet();
        loading.set(false);
        accept(ParsedRows.failed("reading the rows was cancelled: reload them to run the flow", 0), currentMode(), "");
    }

    /** The referred file on disk, or null when the rows are the text. */
    public Path resolvedFile() {
        String f = file.get();
        if (f.isEmpty()) {
            return null;
        }
        Path p = Path.of(f);
        return p.isAbsolute() || projectDir == null ? p : projectDir.resolve(p);
    }

    private void readFile() {
        Path path = resolvedFile();
        String shown = file.get();
        InputMode m = currentMode();
        int gen = begin();
        background.execute(() -> {
            ParsedRows p;
            String where = "file " + shown + ", ";
            try {
                p = RowsFile.read(path, m, () -> generation.get() != gen,
                        share -> ui.execute(() -> {
                            if (generation.get() == gen) {
                                progress.set(share);
                            }
                        }));
            } catch (NoSuchFileException e) {
                p = ParsedRows.failed("file " + shown + " does not exist (" + path + "): load the rows again or type them", 0);
                where = "";
            } catch (IOException e) {
                p = ParsedRows.failed("cannot read file " + shown + ": " + e.getMessage(), 0);
                where = "";
            }
            if (p == null) {
                return;   // cancelled
            }
            showFirstRowOnce(p);
            ParsedRows result = p;
            String prefix = where;
            ui.execute(() -> finish(gen, result, m, prefix));
        });
    }

    /**
     * Makes the first row and its line as the rows list shows them, here on the reading thread: the
     * first row made in a process and the first written back as JSON load and build Jackson's map
     * readers and writers, which on the UI thread (the list's first cells) held it for a cold
     * first load (issue 8, item 4). Later rows cost microseconds.
     */
    private static void showFirstRowOnce(ParsedRows p) {
        if (p.ok() && !p.rows().isEmpty()) {
            io.kisflow.designer.debug.data.RowJson.compact(p.rows().get(0));
        }
    }

    public String flowName() {
        return flowName;
    }

    /** The rows as of the current text or file; check {@link #isValid()} first. */
    public ParsedRows parsed() {
        return parsed;
    }

    /** The rows are read and parse. */
    public boolean isValid() {
        return parsed.ok() && !loading.get();
    }

    /**
     * The typed rows, one string per row, for the project's sidecar (compact JSON in JSON mode; the raw
     * lines while the text does not parse or is being parsed). Empty when the rows come from a file.
     */
    public List<String> stored() {
        if (!file.get().isEmpty()) {
            return List.of();
        }
        return parsed.ok() && !loading.get() ? parsed.stored() : RowsText.parse(text.get(), InputMode.TEXT).stored();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<InputMode> modeProperty() {
        return mode;
    }

    /** The file the rows come from, as the sidecar stores it; "" when they are the text. */
    public ReadOnlyStringProperty fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    /** "" when the rows parse; otherwise the flow, file or line, and reason. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** On while a file is read or a big text parsed in the background. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How much of the file is read (0 to 1) while {@link #loadingProperty()} is on. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Goes up each time new rows (or a new error) are in {@link #parsed()}. */
    public ReadOnlyIntegerProperty parsedRevisionProperty() {
        return parsedRevision.getReadOnlyProperty();
    }
}
