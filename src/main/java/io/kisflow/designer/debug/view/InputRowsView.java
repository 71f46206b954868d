package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.RowJson;
import io.kisflow.designer.debug.input.InputEditor;
import io.kisflow.designer.debug.input.InputMode;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The source rows of one flow, as the run panel edits them: a text area bound to the flow's
 * {@link InputEditor}, the mode (text lines or JSON values), "Load from file…", the row count, and the
 * parse error with a link to its line. The rows live in the project's sidecar file, never in YAML.
 * Big inputs never go into the text area (a text control holding megabytes freezes the window): rows
 * read from a file, or typed rows beyond {@link #TEXT_AREA_MAX_CHARS}, show in a virtual list that
 * makes only the visible lines, with the file's name, a progress bar and Cancel while it is read.
 *
 * <pre>{@code InputRowsView input = new InputRowsView(InputFileChooser.SYSTEM, session::projectDir);
 * input.show(session.flow("StuScore").input());}</pre>
 */
public final class InputRowsView extends VBox {
    /** Typed rows longer than this show in the list, not in the text area. */
    public static final int TEXT_AREA_MAX_CHARS = 256 * 1024;

    private final InputFileChooser chooser;
    private final Supplier<Path> initialFolder;
    private final TextArea area = new TextArea();
    private final ToggleButton textMode = new ToggleButton("Text lines");
    private final ToggleButton jsonMode = new ToggleButton("JSON values");
    private final ToggleGroup modes = new ToggleGroup();
    private final Button load = new Button("Load from file…");
    private final Label count = new Label();
    private final Label error = new Label();
    private final Hyperlink errorLine = new Hyperlink();
    private final Label loadError = new Label();
    private final Label hint = RunViewParts.sentence("inputHint", "");
    private final ListView<Object> list = new ListView<>();
    private final Label fileName = new Label();
    private final Button reload = new Button("Reload");
    private final Button typeInstead = new Button("Type rows instead");
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final HBox fileRow;
    private final HBox progressRow;
    private boolean areaBound;
    private InputEditor editor;
    private Subscription subscriptions = Subscription.EMPTY;

    /** @param initialFolder where "Load from file…" starts (the project directory; may give null) */
    public InputRowsView(InputFileChooser chooser, Supplier<Path> initialFolder) {
        this.chooser = chooser;
        this.initialFolder = initialFolder;
        getStyleClass().add("input-rows");
        setSpacing(4);
        area.setId("inputText");
        area.getStyleClass().add("input-text");
        area.setPromptText("One row per line, or JSON values in JSON mode, e.g. {\"stu_id\": 101, \"score_1\": 90}");
        VBox.setVgrow(area, Priority.ALWAYS);

        textMode.setId("inputModeText");
        textMode.setUserData(InputMode.TEXT);
        textMode.setTooltip(new Tooltip("Each line is one row, as a string"));
        jsonMode.setId("inputModeJson");
        jsonMode.setUserData(InputMode.JSON);
        jsonMode.setTooltip(new Tooltip("Each JSON value is one row; objects become maps that typed functions convert"));
        textMode.setToggleGroup(modes);
        jsonMode.setToggleGroup(modes);
        textMode.getStyleClass().add("left-pill");
        jsonMode.getStyleClass().add("right-pill");
        HBox mode = new HBox(textMode, jsonMode);
        mode.getStyleClass().add("input-mode");
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                modes.selectToggle(old);   // one mode is always chosen
            } else if (editor != null) {
                editor.modeProperty().set((InputMode) now.getUserData());
            }
        });
        load.setId("inputLoad");
        load.getStyleClass().add("small-button");
        load.setTooltip(new Tooltip("Replace the rows with a file's rows (UTF-8); the mode stays as it is. A file over 64 KB is"
                + " read from where it is each time the project opens (the project keeps its path), never copied"));
        load.setOnAction(e -> loadFile());
        count.setId("inputRowCount");
        count.getStyleClass().add("input-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label title = RunViewParts.sectionTitle("SOURCE ROWS");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The bottom pane can be narrow: these keep their words and the text area gives way.
        for (Region r : List.of(title, textMode, jsonMode, load)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, title, mode, load, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);

        error.setId("inputError");
        error.getStyleClass().add("run-error-text");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        errorLine.setId("inputErrorLine");
        errorLine.setOnAction(e -> selectErrorLine());
        errorLine.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(error, Priority.ALWAYS);
        HBox errorRow = RunViewParts.collapsible(new HBox(6, error, errorLine));
        errorRow.setAlignment(Pos.TOP_LEFT);
        errorRow.visibleProperty().bind(error.textProperty().isNotEmpty());
        RunViewParts.collapsible(errorLine).visibleProperty().bind(errorLine.textProperty().isNotEmpty());
        loadError.setId("inputLoadError");
        loadError.getStyleClass().add("run-error-text");
        loadError.setWrapText(true);
        RunViewParts.collapsible(loadError).visibleProperty().bind(loadError.textProperty().isNotEmpty());
        RunViewParts.collapsible(hint);

        list.setId("inputRowsList");
        list.getStyleClass().add("input-rows-list");
        list.setFixedCellSize(22);   // no per-row measuring: a million rows scroll like ten
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Object row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty ? null : (getIndex() + 1) + "  " + (row instanceof String str ? str : RowJson.compact(row)));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        RunViewParts.collapsible(list);
        fileName.setId("inputFile");
        fileName.getStyleClass().add("run-sentence");
        fileName.setMinWidth(0);
        HBox.setHgrow(fileName, Priority.ALWAYS);
        fileName.setMaxWidth(Double.MAX_VALUE);
        reload.setId("inputReload");
        reload.getStyleClass().add("small-button");
        reload.setTooltip(new Tooltip("Read the file again (after it changed on disk)"));
        reload.setOnAction(e -> {
            if (editor != null) {
                editor.reload();
            }
        });
        typeInstead.setId("inputTypeInstead");
        typeInstead.getStyleClass().add("small-button");
        typeInstead.setTooltip(new Tooltip("Stop reading the rows from the file and type them here"));
        typeInstead.setOnAction(e -> {
            if (editor != null) {
                editor.setFile("");
            }
        });
        for (Region r : List.of(reload, typeInstead)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        fileRow = RunViewParts.collapsible(new HBox(6, fileName, reload, typeInstead));
        fileRow.setAlignment(Pos.CENTER_LEFT);
        progress.setId("inputProgress");
        progress.setPrefWidth(160);
        progressText.setId("inputProgressText");
        progressText.getStyleClass().add("run-sentence");
        cancel.setId("inputCancel");
        cancel.getStyleClass().add("small-button");
        cancel.setOnAction(e -> {
            if (editor != null) {
                editor.cancelLoading();
            }
        });
        progressRow = RunViewParts.collapsible(new HBox(6, progress, progressText, cancel));
        progressRow.setAlignment(Pos.CENTER_LEFT);
        RunViewParts.collapsible(area);
        getChildren().addAll(bar, fileRow, progressRow, area, list, errorRow, loadError, hint);
        show(null);
    }

    /** Edits this flow's rows; null shows an empty, disabled editor. */
    public void show(InputEditor next) {
        subscriptions.unsubscribe();
        unbindArea();
        editor = next;
        loadError.setText("");
        boolean none = next == null;
        area.setDisable(none);
        textMode.setDisable(none);
        jsonMode.setDisable(none);
        load.setDisable(none);
        if (none) {
            area.setText("");
            count.setText("");
            error.setText("");
            errorLine.setText("");
            hint.setVisible(false);
            fileRow.setVisible(false);
            progressRow.setVisible(false);
            list.setVisible(false);
            list.setItems(null);
            area.setVisible(true);
            subscriptions = Subscription.EMPTY;
            return;
        }
        subscriptions = Subscription.combine(
                next.modeProperty().subscribe(m -> modes.selectToggle(m == InputMode.JSON ? jsonMode : textMode)),
                next.rowCountProperty().subscribe(n -> count.setText(RunViewParts.rows(n.intValue()))),
                next.errorProperty().subscribe(this::showError),
                next.textProperty().subscribe(t -> {
                    loadError.setText("");
                    showWhere();
                }),
                next.fileProperty().subscribe(f -> showWhere()),
                next.parsedRevisionProperty().subscribe(r -> showWhere()),
                next.loadingProperty().subscribe(l -> showProgress()),
                next.progressProperty().subscribe(p -> showProgress()));
        hint.setText("No source rows yet for " + next.flowName() + ": type or paste one row per line, or load a file."
                + " In JSON mode each JSON value is one row. The rows are kept in .kisflow-studio.json,"
                + " never in the KisFlow YAML.");
    }

    /**
     * The text area for typed rows of a reasonable size; the virtual list for a file's rows and for
     * typed rows too long to edit as text (restored from an old sidecar). The area is bound only while
     * shown, so megabytes of text never reach it.
     */
    private void showWhere() {
        InputEditor e = editor;
        if (e == null) {
            return;
        }
        String t = e.textProperty().get();
        boolean fromFile = !e.fileProperty().get().isEmpty();
        boolean asText = !fromFile && (t == null || t.length() <= TEXT_AREA_MAX_CHARS);
        if (asText && !areaBound) {
            area.textProperty().bindBidirectional(e.textProperty());
            areaBound = true;
        } else if (!asText) {
            unbindArea();
        }
        area.setVisible(asText);
        list.setVisible(!asText);
        if (!asText) {
            List<Object> rows = e.parsed().rows();
            if (list.getItems() == null || !(list.getItems() instanceof RowsItems r && r.rows == rows)) {
                list.setItems(new RowsItems(rows));
            }
        } else {
            list.setItems(null);
        }
        fileRow.setVisible(fromFile || !asText);
        typeInstead.setVisible(fromFile);
        reload.setVisible(fromFile);
        fileName.setText(fromFile ? "Rows read from " + e.fileProperty().get() + " (kept as a reference: the project file holds its path)"
                : "Too many rows to edit as text here: they are shown as a list.");
        hint.setVisible(!fromFile && (t == null || t.isBlank()));
    }

    private void unbindArea() {
        if (areaBound && editor != null) {
            area.textProperty().unbindBidirectional(editor.textProperty());
        }
        areaBound = false;
        area.clear();
    }

    private void showProgress() {
        InputEditor e = editor;
        boolean on = e != null && e.loadingProperty().get();
        progressRow.setVisible(on);
        if (on) {
            progress.setProgress(e.progressProperty().get());
            progressText.setText("Reading the rows… " + Math.round(e.progressProperty().get() * 100) + "%");
        }
    }

    /** A read-only list over the rows, without copying them (the ListView asks only for visible rows). */
    private static final class RowsItems extends javafx.collections.ObservableListBase<Object> {
        final List<Object> rows;

        RowsItems(List<Object> rows) {
            this.rows = rows;
        }

        @Override
        public Object get(int index) {
            return rows.get(index);
        }

        @Override
        public int size() {
            return rows.size();
        }
    }

    private void showError(String message) {
        error.setText(message == null ? "" : message);
        int line = message == null || message.isEmpty() || editor == null ? 0 : editor.parsed().errorLine();
        errorLine.setText(line > 0 ? "Show line " + line : "");
        area.getStyleClass().remove("input-invalid");
        if (message != null && !message.isEmpty()) {
            area.getStyleClass().add("input-invalid");
        }
    }

    /** Selects the line the parse error is on, so the user sees it in the text. */
    private void selectErrorLine() {
        if (editor == null || editor.parsed().errorLine() <= 0) {
            return;
        }
        String text = area.getText();
        int line = editor.parsed().errorLine();
        int start = 0;
        for (int i = 1; i < line && start >= 0; i++) {
            int nl = text.indexOf('\n', start);
            start = nl < 0 ? -1 : nl + 1;
        }
        if (start < 0) {
            return;
        }
        int end = text.indexOf('\n', start);
        area.requestFocus();
        area.selectRange(start, end < 0 ? text.length() : end);
    }

    private void loadFile() {
        if (editor == null) {
            return;
        }
        Path initial = initialFolder.get();
        chooser.chooseInputFile(getScene() == null ? null : getScene().getWindow(), initial).ifPresent(file -> {
            try {
                editor.loadFile(file);
            } catch (IOException e) {
                loadError.setText(e.getMessage());
            }
        });
    }

    public TextArea textArea() {
        return area;
    }

    /** The editor shown, or null. */
    public InputEditor editor() {
        return editor;
    }
}
