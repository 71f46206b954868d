package io.kisflow.designer.debug.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * What a data view shows while it has nothing to show: one sentence saying how to get something
 * there, centred, instead of a blank table.
 */
final class RowsEmptyState extends StackPane {
    private final Label sentence;

    RowsEmptyState(String id, String text) {
        sentence = new Label(text);
        sentence.setWrapText(true);
        sentence.getStyleClass().add("rows-empty-sentence");
        setId(id);
        getStyleClass().add("rows-empty");
        setAlignment(Pos.CENTER);
        getChildren().add(sentence);
    }

    String text() {
        return sentence.getText();
    }
}
