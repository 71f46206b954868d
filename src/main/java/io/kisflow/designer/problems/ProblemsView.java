package io.kisflow.designer.problems;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The problems list: errors first, each with where it is; a click (or Enter) selects the card,
 * lane or badge it is about, or reveals its file.
 */
public final class ProblemsView extends ListView<ProblemRow> {
    public ProblemsView(ProblemsViewModel vm) {
        super(vm.rows());
        setId("problemsList");
        getStyleClass().add("problems");
        setPlaceholder(new Label("No problems: every flow names existing functions, every function an existing connector."));
        setCellFactory(l -> new Cell(l));
        setOnMouseClicked(e -> vm.activate(getSelectionModel().getSelectedItem()));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.activate(getSelectionModel().getSelectedItem());
            }
        });
    }

    private static final class Cell extends ListCell<ProblemRow> {
        Cell(ListView<ProblemRow> list) {
            // a cell as wide as the list (not as its text), so the message wraps instead of being cut
            prefWidthProperty().bind(list.widthProperty().subtract(18));
            setMaxWidth(USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(ProblemRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Circle dot = new Circle(5);
            dot.getStyleClass().add(row.isError() ? "problem-error" : "problem-warning");
            Label message = new Label(row.message());
            message.getStyleClass().add("problem-message");
            // Long messages wrap inside the panel's width: what to do comes at their end
            message.setWrapText(true);
            Label where = new Label(row.where() + (row.fromFile() ? "  (from reading the files)" : ""));
            where.getStyleClass().add("problem-where");
            VBox text = new VBox(message, where);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox box = new HBox(8, new StackPane(dot), text);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setGraphic(box);
            setText(null);
        }
    }
}
