package io.kisflow.designer.problems;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The YAML tab: the selected object's text, read-only, with the Exported / Saved switch. */
public final class YamlView extends VBox {
    public YamlView(YamlViewModel vm) {
        setId("yamlView");
        getStyleClass().add("yaml-view");
        Label title = new Label();
        title.setId("yamlTitle");
        title.getStyleClass().add("yaml-title");
        title.textProperty().bind(vm.titleProperty());
        title.setMinWidth(0);
        ToggleGroup group = new ToggleGroup();
        ToggleButton exported = new ToggleButton("As exported");
        exported.setId("yamlExported");
        ToggleButton saved = new ToggleButton("As saved");
        saved.setId("yamlSaved");
        exported.setToggleGroup(group);
        saved.setToggleGroup(group);
        exported.setSelected(true);
        vm.modeProperty().addListener((o, a, m) -> group.selectToggle(m == YamlViewModel.Mode.SAVED ? saved : exported));
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                vm.modeProperty().set(b == saved ? YamlViewModel.Mode.SAVED : YamlViewModel.Mode.EXPORTED);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the caption gives way (ending in "…", whole on hover), never the mode buttons
        exported.setMinWidth(Region.USE_PREF_SIZE);
        saved.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(vm.titleProperty());
        title.setTooltip(whole);
        HBox bar = new HBox(6, title, spacer, exported, saved);
        bar.getStyleClass().add("yaml-bar");
        TextArea area = new TextArea();
        area.setId("yamlText");
        area.setEditable(false);
        area.getStyleClass().add("code");
        area.textProperty().bind(vm.textProperty());
        vm.markedLineProperty().addListener((o, a, line) -> mark(area, vm.textProperty().get(), line.intValue()));
        // made when the tab is first shown, which a reveal does after marking the line
        mark(area, vm.textProperty().get(), vm.markedLineProperty().get());
        VBox.setVgrow(area, Priority.ALWAYS);
        getChildren().addAll(bar, area);
    }

    /** Selects the marked line of a revealed file so it stands out and scrolls into view. */
    private static void mark(TextArea area, String text, int line) {
        if (line <= 0) {
            return;
        }
        int start = 0;
        for (int i = 1; i < line && start >= 0; i++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                return;
            }
        }
        int end = text.indexOf('\n', start);
        area.selectRange(start, end < 0 ? text.length() : end);
    }
}
