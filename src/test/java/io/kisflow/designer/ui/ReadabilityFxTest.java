package io.kisflow.designer.ui;

import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.edit.StepEdits;
import io.kisflow.designer.files.SavePlanDialog;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 8, item 10: text on selected rows reads in both themes (no blue on blue). */
@Tag("window")
class ReadabilityFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws java.io.IOException {
        startDesigner(stage);
    }

    /** The connector panel's "Bound functions" label ended in "…" at the default window size. */
    @Test
    void everyLabelOfThePropertiesPanelIsShownWhole(FxRobot robot) {
        for (Selection sel : List.of(Selection.connector("ScoreStore"), Selection.step("StuScore", 1), Selection.flow("StuScore"), Selection.GLOBAL)) {
            robot.interact(() -> vm.document.select(sel));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = new java.util.ArrayList<>();
            int[] seen = {0};
            robot.interact(() -> {
                for (javafx.scene.Node n : window.sideTabs().lookupAll(".label")) {
                    if (n instanceof Label l && shown(l) && !l.getText().isEmpty() && !l.getStyleClass().contains("field-error")) {
                        seen[0]++;
                        // narrower than its text and not wrapping: drawn with "…" (font metrics differ by a pixel or
                        // two between this headless run and a desktop, so even a small shortfall counts)
                        if (!l.isWrapText() && l.getWidth() + 0.5 < l.prefWidth(-1)) {
                            cut.add(l.getText() + " (" + Math.round(l.getWidth()) + " of " + Math.round(l.prefWidth(-1)) + " px)");
                        }
                    }
                }
            });
            assertTrue(seen[0] > 3, sel + ": labels on screen");
            assertEquals(List.of(), cut, sel.toString());
        }
        robot.interact(() -> vm.document.select(Selection.connector("ScoreStore")));
        assertTrue(robot.lookup("#connectorBindingsLabel").queryAs(Label.class).isVisible());
    }

    /** The longer YAML caption of a .yml project squeezed the mode buttons to "…" in the trial. */
    @Test
    void theYamlModeButtonsKeepTheirWordsBesideALongCaption(FxRobot robot) {
        robot.interact(() -> {
            vm.document.select(Selection.connector("ScoreStore"));
            window.showTab("yamlTab");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#yamlTitle").queryAs(Label.class).getText().contains("Save writes a new file as conn-ScoreStore.yml"));
        for (String text : List.of("As exported", "As saved")) {
            javafx.scene.control.ToggleButton b = robot.lookup(n -> n instanceof javafx.scene.control.ToggleButton t && text.equals(t.getText()))
                    .queryAs(javafx.scene.control.ToggleButton.class);
            assertTrue(b.getWidth() + 0.5 >= b.prefWidth(-1), text + ": " + b.getWidth() + " of " + b.prefWidth(-1));
        }
    }

    /** The label and every node above it are visible (a hidden section's labels are laid out at no width). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    @Test
    void aSelectedPaletteEntrysSubtitleReadsInBothThemes(FxRobot robot) {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> vm.themeProperty().set(theme));
            robot.clickOn(paletteEntry(robot, "AvgStuScore"));
            WaitForAsyncUtils.waitForFxEvents();
            ListCell<?> cell = selectedCell(robot.lookup("#paletteFunctions").queryAs(ListView.class));
            Label detail = (Label) cell.lookup(".palette-detail");
            assertReadable(theme + " palette subtitle", (Color) detail.getTextFill(), background(cell));
        }
    }

    @Test
    void aSelectedFileOfTheSavePlanReadsInBothThemes(FxRobot robot) throws Exception {
        robot.interact(() -> vm.document.perform(StepEdits.move("StuScore", 2, "StuScore", 0)));
        for (Theme theme : Theme.values()) {
            robot.interact(() -> vm.themeProperty().set(theme));
            Dialog<?>[] dialog = new Dialog<?>[1];
            robot.interact(() -> {
                dialog[0] = SavePlanDialog.create(window.stage(), vm.session.planSave(), "Save");
                theme.applyTo(dialog[0].getDialogPane().getScene());
                dialog[0].show();
            });
            ListView<?> files = (ListView<?>) dialog[0].getDialogPane().lookup("#savePlanFiles");
            robot.interact(() -> {
                files.requestFocus();
                files.getSelectionModel().select(0);
            });
            WaitForAsyncUtils.waitForFxEvents();
            ListCell<?> cell = selectedCell(files);
            try {
                assertTrue(cell.getStyleClass().stream().anyMatch(c -> c.startsWith("change-")), "the row is coloured by its kind");
                assertReadable(theme + " save plan row", (Color) cell.getTextFill(), background(cell));
            } finally {
                robot.interact(() -> {
                    dialog[0].setResult(null);
                    dialog[0].close();
                });
            }
        }
    }

    private static ListCell<?> selectedCell(ListView<?> list) {
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && c.isSelected() && !c.isEmpty()) {
                return c;
            }
        }
        throw new AssertionError("no selected row in " + list.getId());
    }

    /** The colour the row paints behind its text (its top background layer). */
    private static Color background(Region r) {
        assertNotNull(r.getBackground());
        var fills = r.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    private static void assertReadable(String what, Color text, Color background) {
        double ratio = Contrast.ratio(text, background);
        assertTrue(ratio >= 4.5, what + ": " + text + " on " + background + " has contrast " + String.format("%.2f", ratio));
    }
}
