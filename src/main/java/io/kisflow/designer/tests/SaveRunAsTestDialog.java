package io.kisflow.designer.tests;

import javafx.beans.binding.Bindings;
import javafx.beans.Observable;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Save run as test" dialog over a {@link SaveRunAsTestModel}: the case's name and description,
 * a box per level of the run (checked levels are compared), the fields to ignore, whether row order
 * matters, and which functions the case pins (so it needs no live server). Save stays disabled
 * while the model has a problem, which the dialog shows; a taken name turns Save into Replace.
 *
 * <pre>{@code new SaveRunAsTestDialog(owner, model).showAndWait().filter(b -> b.getButtonData() == OK_DONE).ifPresent(b -> model.save());}</pre>
 */
public final class SaveRunAsTestDialog extends Dialog<ButtonType> {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    public SaveRunAsTestDialog(Window owner, SaveRunAsTestModel model) {
        initOwner(owner);
        setTitle("Save run as test");
        setHeaderText("Save " + model.run().label().split(" · ")[0] + " of " + model.run().flowName() + " as a test case (tests/NAME.json)");
        getDialogPane().setId("saveRunAsTest");
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);

        TextField name = new TextField();
        name.setId("testName");
        name.textProperty().bindBidirectional(model.name);
        TextField description = new TextField();
        description.setId("testDescription");
        description.textProperty().bindBidirectional(model.description);
        VBox levels = new VBox(4);
        List<Observable> watched = new ArrayList<>(List.of(model.name, model.ignore, model.ordered));
        for (SaveRunAsTestModel.LevelChoice c : model.levels()) {
            CheckBox box = new CheckBox(c.label());
            box.setId("level-" + c.level.name());
            box.selectedProperty().bindBidirectional(c.checked);
            levels.getChildren().add(box);
            watched.add(c.checked);
        }
        TextField ignore = new TextField();
        ignore.setId("testIgnore");
        ignore.setPromptText("fields to leave out, e.g. $.ts, meta.id");
        ignore.textProperty().bindBidirectional(model.ignore);
        CheckBox ordered = new CheckBox("Row order matters");
        ordered.setId("testOrdered");
        ordered.selectedProperty().bindBidirectional(model.ordered);
        var pinned = RecordedCase.mocked(model.run(), model.documentConfigs()).keySet();
        Label mocks = new Label(pinned.isEmpty() ? "The case pins no function: every function runs its code, connectors run dry."
                : "Pinned in the case with the rows they gave in this run (no live server needed): " + String.join(", ", pinned));
        mocks.setWrapText(true);
        Label problem = new Label();
        problem.setId("testProblem");
        problem.getStyleClass().add("run-warning-text");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Description"), description);
        grid.addRow(2, new Label("Levels to check"), levels);
        grid.addRow(3, new Label("Ignore fields"), ignore);
        grid.add(ordered, 1, 4);
        grid.add(mocks, 0, 5, 2, 1);
        grid.add(problem, 0, 6, 2, 1);
        grid.setPrefWidth(560);
        getDialogPane().setContent(grid);

        var button = getDialogPane().lookupButton(SAVE);
        var why = Bindings.createStringBinding(() -> {
            String p = model.problem();
            return p != null ? p : model.exists() ? "A test named " + model.name.get().strip() + " exists: saving replaces it." : "";
        }, watched.toArray(Observable[]::new));
        problem.textProperty().bind(why);
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> model.problem() != null, watched.toArray(Observable[]::new)));
        if (button instanceof javafx.scene.control.Button b) {
            b.textProperty().bind(Bindings.createStringBinding(() -> model.exists() ? "Replace" : "Save", model.name));
        }
    }
}
