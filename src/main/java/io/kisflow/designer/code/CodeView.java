package io.kisflow.designer.code;

import io.kisflow.config.Problem;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The Code tab: the selected function's or connector's source in RichTextFX's CodeArea (line
 * numbers, Java highlighting, the bracket matching the one at the caret, the editor's own undo with
 * Ctrl+Z), a red mark on each line the compiler reports (its message as the tooltip and in the list
 * below), a find bar (Ctrl+F, Enter for the next match), and "Write code" for a function without any.
 * All logic is in {@link CodeTabModel}; this class only shows it and passes typing on.
 *
 * <pre>{@code tabPane.getTabs().add(new Tab("Code", new CodeView(vm.codeTab)));}</pre>
 */
public final class CodeView extends BorderPane {
    private final CodeTabModel model;
    private final CodeArea area = new CodeArea();
    private final TextField find = new TextField();
    private final ListView<Problem> problemList = new ListView<>();
    private Map<Integer, List<Problem>> byLine = Map.of();
    private boolean showing;
    private String shownFile;

    public CodeView(CodeTabModel model) {
        this.model = model;
        getStyleClass().add("code-view");
        area.setId("codeArea");
        area.getStyleClass().add("code-area-kisflow");

        Button write = new Button("Write code");
        write.setId("writeCode");
        // The pressed button disappears with the new file; the editor takes the focus so the user
        // types into the code, not into the Find field that focus traversal would pick next.
        write.setOnAction(e -> { model.writeCode(false); area.requestFocus(); });
        Button writeTyped = new Button("Write typed code (record)");
        writeTyped.setOnAction(e -> { model.writeCode(true); area.requestFocus(); });
        write.visibleProperty().bind(model.canWriteCodeProperty());
        write.managedProperty().bind(write.visibleProperty());
        writeTyped.visibleProperty().bind(model.canWriteCodeProperty());
        writeTyped.managedProperty().bind(writeTyped.visibleProperty());
        Button delete = new Button("Delete code");
        delete.setOnAction(e -> model.deleteCode());
        delete.visibleProperty().bind(model.fileProperty().isNotNull());
        delete.managedProperty().bind(delete.visibleProperty());
        Label status = new Label();
        status.setId("codeStatus");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        find.setPromptText("Find (Ctrl+F)");
        find.setPrefColumnCount(14);
        find.setOnAction(e -> findNext());
        // The buttons keep their whole labels: on a narrow tab the status text wraps instead
        // (the trial saw both buttons squeezed to "..." beside a long "has no code" message).
        for (Region keep : new Region[] {write, writeTyped, delete, find}) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.SOMETIMES);
        HBox bar = new HBox(8, write, writeTyped, status, grow, find, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);

        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.visibleProperty().bind(model.fileProperty().isNotNull());
        setCenter(scroll);
        problemList.setId("codeProblems");
        problemList.setPrefHeight(70);
        problemList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.line() + ":" + p.column() + ": " + (p.isError() ? "" : "warning: ") + p.message());
            }
        });
        problemList.setOnMouseClicked(e -> {
            Problem p = problemList.getSelectionModel().getSelectedItem();
            if (p != null && p.line() > 0 && p.line() <= area.getParagraphs().size()) {
                area.moveTo(p.line() - 1, Math.max(0, Math.min(p.column() - 1, area.getParagraph(p.line() - 1).length())));
                area.requestFollowCaret();
                area.requestFocus();
            }
        });
        problemList.setItems(model.problems());
        problemList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.problems()));
        // the list takes room from the editor as errors appear: keep the line being typed in view
        problemList.visibleProperty().addListener((o, was, shown) -> area.requestFollowCaret());
        problemList.managedProperty().bind(problemList.visibleProperty());
        setBottom(new VBox(problemList));

        area.setParagraphGraphicFactory(graphics());
        area.textProperty().addListener((o, a, text) -> {
            restyle();
            if (!showing) {
                model.type(text);
            }
        });
        area.caretPositionProperty().addListener((o, a, b) -> restyle());
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
                find.requestFocus();
                find.selectAll();
                e.consume();
            }
        });
        model.textProperty().addListener((o, a, b) -> show());
        model.problems().addListener((ListChangeListener<Problem>) c -> markProblems());
        show();
        markProblems();
    }

    /** The editor, for tests and for focus. */
    public CodeArea area() {
        return area;
    }

    /** Puts the model's text in the editor when it is another file, or changed from outside (undo of a rename, a reload). */
    private void show() {
        String text = model.textProperty().get() == null ? "" : model.textProperty().get();
        String file = model.fileProperty().get();
        if (text.equals(area.getText()) && java.util.Objects.equals(file, shownFile)) {
            return;
        }
        showing = true;
        try {
            area.replaceText(text);
            if (!java.util.Objects.equals(file, shownFile)) {
                area.getUndoManager().forgetHistory();   // Ctrl+Z never undoes into another file's text
                area.moveTo(0);
                area.showParagraphAtTop(0);   // a file opens at its start, not scrolled to where the last one was
            }
            shownFile = file;
        } finally {
            showing = false;
        }
    }

    private void restyle() {
        String text = area.getText();
        int[] match = JavaSyntax.matchAt(text, area.getCaretPosition());
        if (!text.isEmpty()) {
            area.setStyleSpans(0, JavaSyntax.highlight(text, match[0], match[1]));
        }
    }

    private void markProblems() {
        byLine = model.problems().stream().filter(p -> p.line() > 0)
                .collect(Collectors.groupingBy(p -> p.line() - 1, HashMap::new, Collectors.toList()));
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            List<Problem> here = byLine.get(i);
            area.setParagraphStyle(i, here == null ? List.of() : List.of(here.stream().anyMatch(Problem::isError) ? "code-error-line" : "code-warning-line"));
        }
        area.setParagraphGraphicFactory(graphics());   // set again: the marks are drawn by the factory
    }

    private IntFunction<Node> graphics() {
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        return line -> {
            Node number = numbers.apply(line);
            Label mark = new Label();
            mark.setMinWidth(14);
            List<Problem> here = byLine.get(line);
            if (here != null) {
                boolean error = here.stream().anyMatch(Problem::isError);
                mark.setText(error ? "\u25CF" : "\u25B2");
                mark.getStyleClass().add(error ? "code-error-marker" : "code-warning-marker");
                Tooltip tip = new Tooltip(here.stream().map(p -> p.column() + ": " + p.message()).collect(Collectors.joining("\n")));
                mark.setTooltip(tip);
                mark.setUserData(tip.getText());
            }
            HBox box = new HBox(number, mark);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        };
    }

    private void findNext() {
        String needle = find.getText();
        if (needle.isEmpty()) {
            return;
        }
        String text = area.getText();
        int from = area.getSelection().getEnd();
        int at = text.indexOf(needle, from);
        if (at < 0) {
            at = text.indexOf(needle);   // wrap around
        }
        if (at >= 0) {
            area.selectRange(at, at + needle.length());
            area.requestFollowCaret();
        }
    }
}
