package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.input.InputEditor;
import io.kisflow.designer.debug.input.InputMode;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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
 *
 * <pre>{@code InputRowsView input = new InputRowsView(InputFileChooser.SYSTEM, session::projectDir);
 * input.show(session.flow("StuScore").input());}</pre>
 */
public final class InputRowsView extends VBox {
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
        load.setTooltip(new Tooltip("Replace the rows with a file's content (UTF-8); the mode stays as it is"));
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
        getChildren().addAll(bar, area, errorRow, loadError, hint);
        show(null);
    }

    /** Edits this flow's rows; null shows an empty, disabled editor. */
    public void show(InputEditor next) {
        subscriptions.unsubscribe();
        if (editor != null) {
            area.textProperty().unbindBidirectional(editor.textProperty());
        }
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
            subscriptions = Subscription.EMPTY;
            return;
        }
        area.textProperty().bindBidirectional(next.textProperty());
        subscriptions = Subscription.combine(
                next.modeProperty().subscribe(m -> modes.selectToggle(m == InputMode.JSON ? jsonMode : textMode)),
                next.rowCountProperty().subscribe(n -> count.setText(RunViewParts.rows(n.intValue()))),
                next.errorProperty().subscribe(this::showError),
                next.textProperty().subscribe(t -> {
                    loadError.setText("");
                    hint.setVisible(t == null || t.isBlank());
                }));
        hint.setText("No source rows yet for " + next.flowName() + ": type or paste one row per line, or load a file."
                + " In JSON mode each JSON value is one row. The rows are kept in .kisflow-studio.json,"
                + " never in the KisFlow YAML.");
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
