package io.kisflow.designer.shell;

import io.kisflow.designer.document.EditActions;
import io.kisflow.designer.ui.Theme;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;

import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

/**
 * Every command of the window, once: the menus, the keyboard handling and the help dialog are
 * all built from this list.
 */
final class ActionCatalog {
    private ActionCatalog() {
    }

    /** What the window provides to the actions (dialogs and focus). */
    interface Window {
        FileCommands files();

        void showHelp();

        void showAbout();

        void focusFind();

        void findNext();

        void focusPaletteSearch();

        void insertFunctionDialog();

        void bindConnectorDialog();

        void quit();

        /** Brings a debugger tab to the front ("runTab", "inspectorTab", "diffTab", ...). */
        void showTab(String id);

        /** The window dialogs belong to (null: none yet). */
        default javafx.stage.Window owner() {
            return null;
        }
        /** "Save run as test" for the selected flow's run (a dialog). */
        void saveRunAsTest();
    }

    static List<DesignerAction> build(DesignerViewModel vm, Window w) {
        EditActions e = vm.actions;
        List<DesignerAction> a = new ArrayList<>();
        // File
        a.add(new DesignerAction("file.new", "File", "New project\u2026", key(KeyCode.N, SHORTCUT_DOWN, ALT_DOWN, SHIFT_DOWN), true, () -> w.files().newProject()));
        a.add(new DesignerAction("file.open", "File", "Open\u2026", key(KeyCode.O, SHORTCUT_DOWN), true, () -> w.files().open()));
        a.add(new DesignerAction("file.save", "File", "Save", key(KeyCode.S, SHORTCUT_DOWN), true, () -> w.files().save()));
        a.add(new DesignerAction("file.export", "File", "Export to\u2026", key(KeyCode.E, SHORTCUT_DOWN, SHIFT_DOWN), true, () -> w.files().exportTo()));
        a.add(new DesignerAction("file.quit", "File", "Quit", key(KeyCode.Q, SHORTCUT_DOWN), true, w::quit));
        // Edit
        a.add(new DesignerAction("edit.undo", "Edit", "Undo", key(KeyCode.Z, SHORTCUT_DOWN), true, vm.document::undo));
        a.add(new DesignerAction("edit.redo", "Edit", "Redo", key(KeyCode.Z, SHORTCUT_DOWN, SHIFT_DOWN), true, vm.document::redo));
        a.add(DesignerAction.alternative("edit.redo2", "Edit", "Redo (alternative key)", key(KeyCode.Y, SHORTCUT_DOWN), true, vm.document::redo));
        a.add(new DesignerAction("edit.copy", "Edit", "Copy", key(KeyCode.C, SHORTCUT_DOWN), false, e::copy));
        a.add(new DesignerAction("edit.paste", "Edit", "Paste", key(KeyCode.V, SHORTCUT_DOWN), false, e::paste));
        a.add(new DesignerAction("edit.duplicate", "Edit", "Duplicate", key(KeyCode.D, SHORTCUT_DOWN), false, e::duplicate));
        a.add(new DesignerAction("edit.delete", "Edit", "Delete", key(KeyCode.DELETE), false, e::delete));
        a.add(DesignerAction.alternative("edit.delete2", "Edit", "Delete (alternative key)", key(KeyCode.BACK_SPACE), false, e::delete));
        a.add(new DesignerAction("edit.rename", "Edit", "Rename", key(KeyCode.F2), false, vm.properties::requestRename));
        a.add(new DesignerAction("edit.find", "Edit", "Find flow, card or connector\u2026", key(KeyCode.F, SHORTCUT_DOWN), true, w::focusFind));
        a.add(new DesignerAction("edit.findNext", "Edit", "Find next", key(KeyCode.F3), true, w::findNext));
        a.add(new DesignerAction("edit.searchPalette", "Edit", "Search the palette", key(KeyCode.K, SHORTCUT_DOWN), true, w::focusPaletteSearch));
        // Insert
        a.add(new DesignerAction("insert.flow", "Insert", "New flow", key(KeyCode.N, SHORTCUT_DOWN, SHIFT_DOWN), true, e::newFlow));
        a.add(new DesignerAction("insert.function", "Insert", "New function", key(KeyCode.N, SHORTCUT_DOWN, ALT_DOWN), true, e::newFunction));
        a.add(new DesignerAction("insert.connector", "Insert", "New connector", key(KeyCode.C, SHORTCUT_DOWN, ALT_DOWN), true, e::newConnector));
        a.add(new DesignerAction("insert.insertFunction", "Insert", "Insert function after the selection\u2026", key(KeyCode.I, SHORTCUT_DOWN), true, w::insertFunctionDialog));
        a.add(new DesignerAction("insert.bind", "Insert", "Bind connector to the selected card\u2026", key(KeyCode.B, SHORTCUT_DOWN), true, w::bindConnectorDialog));
        a.add(new DesignerAction("insert.toggle", "Insert", "Enable / disable the selected flow", key(KeyCode.E, SHORTCUT_DOWN), true, e::toggleFlowStatus));
        // Arrange (canvas keys)
        a.add(new DesignerAction("arrange.left", "Arrange", "Select the card to the left", key(KeyCode.LEFT), false, () -> e.navigate(-1, 0)));
        a.add(new DesignerAction("arrange.right", "Arrange", "Select the card to the right", key(KeyCode.RIGHT), false, () -> e.navigate(1, 0)));
        a.add(new DesignerAction("arrange.up", "Arrange", "Select in the lane above", key(KeyCode.UP), false, () -> e.navigate(0, -1)));
        a.add(new DesignerAction("arrange.down", "Arrange", "Select in the lane below", key(KeyCode.DOWN), false, () -> e.navigate(0, 1)));
        a.add(new DesignerAction("arrange.moveLeft", "Arrange", "Move the card left", key(KeyCode.LEFT, ALT_DOWN), false, () -> e.moveAlong(-1)));
        a.add(new DesignerAction("arrange.moveRight", "Arrange", "Move the card right", key(KeyCode.RIGHT, ALT_DOWN), false, () -> e.moveAlong(1)));
        a.add(new DesignerAction("arrange.moveUp", "Arrange", "Move the card (or lane) up", key(KeyCode.UP, ALT_DOWN), false, () -> e.moveAcross(-1)));
        a.add(new DesignerAction("arrange.moveDown", "Arrange", "Move the card (or lane) down", key(KeyCode.DOWN, ALT_DOWN), false, () -> e.moveAcross(1)));
        // View
        a.add(new DesignerAction("view.zoomIn", "View", "Zoom in", key(KeyCode.EQUALS, SHORTCUT_DOWN), true, () -> vm.canvas.zoomBy(1.25)));
        a.add(DesignerAction.alternative("view.zoomIn2", "View", "Zoom in (keypad)", key(KeyCode.ADD, SHORTCUT_DOWN), true, () -> vm.canvas.zoomBy(1.25)));
        a.add(new DesignerAction("view.zoomOut", "View", "Zoom out", key(KeyCode.MINUS, SHORTCUT_DOWN), true, () -> vm.canvas.zoomBy(0.8)));
        a.add(DesignerAction.alternative("view.zoomOut2", "View", "Zoom out (keypad)", key(KeyCode.SUBTRACT, SHORTCUT_DOWN), true, () -> vm.canvas.zoomBy(0.8)));
        a.add(new DesignerAction("view.actual", "View", "Actual size (100%)", key(KeyCode.DIGIT1, SHORTCUT_DOWN), true, vm.canvas::actualSize));
        a.add(new DesignerAction("view.fit", "View", "Fit everything in view", key(KeyCode.DIGIT0, SHORTCUT_DOWN), true, vm.canvas::fit));
        a.add(new DesignerAction("view.theme", "View", "Switch light / dark theme", key(KeyCode.T, SHORTCUT_DOWN, SHIFT_DOWN), true,
                () -> vm.themeProperty().set(vm.themeProperty().get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT)));
        // Run (the debugger); global: F5 runs while the input rows have the focus
        var d = vm.debugger;
        // code typed in the Code tab and not compiled yet (the pause is not over) is compiled first: F5 runs what is on screen
        a.add(new DesignerAction("run.run", "Run", "Run the flow", key(KeyCode.F5), true, () -> {
            w.showTab("runTab");
            vm.code.compilePending();
            d.run();
        }));
        a.add(new DesignerAction("run.step", "Run", "Step (one function)", key(KeyCode.F10), true, () -> {
            w.showTab("runTab");
            vm.code.compilePending();
            d.step();
        }));
        a.add(new DesignerAction("run.continue", "Run", "Continue", key(KeyCode.F8), true, d::continueRun));
        a.add(new DesignerAction("run.stop", "Run", "Stop", key(KeyCode.F5, SHIFT_DOWN), true, d::stop));
        a.add(new DesignerAction("run.breakpoint", "Run", "Toggle breakpoint on the selected card", key(KeyCode.F9), true, d::toggleBreakpoint));
        a.add(new DesignerAction("run.toHere", "Run", "Run to the selected card", key(KeyCode.F10, SHORTCUT_DOWN), true, () -> {
            w.showTab("runTab");
            d.runToHere();
        }));
        a.add(new DesignerAction("run.fromHere", "Run", "Run from the selected card (reuse the levels before it)", null, true, () -> {
            w.showTab("runTab");
            vm.code.compilePending();
            d.runFromHere();
        }));
        a.add(new DesignerAction("run.condition", "Run", "Breakpoint condition on the selected card\u2026", null, true, () -> {
            var card = d.selectedCard();
            if (card == null) {
                d.toggleBreakpoint();   // says to select a card
                return;
            }
            io.kisflow.designer.debug.view.BreakpointConditionDialog.ask(w.owner(), "#" + (card.position() + 1) + " " + card.function(),
                    card.conditionProperty().get()).ifPresent(d::setBreakpointCondition);
        }));
        a.add(new DesignerAction("run.pauseOnError", "Run", "Pause on error (on or off)", null, true, d::togglePauseOnError));
        a.add(new DesignerAction("run.inspect", "Run", "Inspect the selected card's rows", key(KeyCode.I, SHORTCUT_DOWN, SHIFT_DOWN), true, () -> {
            if (d.inspectSelected()) {
                w.showTab("inspectorTab");
            }
        }));
        a.add(new DesignerAction("run.inspectInput", "Run", "Inspect the selected card's input rows", null, true, () -> {
            if (d.inspectInput()) {
                w.showTab("inspectorTab");
            }
        }));
        a.add(new DesignerAction("run.compare", "Run", "Compare the selected card's input and output", key(KeyCode.D, SHORTCUT_DOWN, SHIFT_DOWN), true, () -> {
            if (d.compareInputOutput()) {
                w.showTab("diffTab");
            }
        }));
        a.add(new DesignerAction("run.pin", "Run", "Pin output rows for the selected card\u2026", null, true, () -> w.showTab("callTab")));
        a.add(new DesignerAction("run.saveAsTest", "Run", "Save run as test\u2026", null, true, w::saveRunAsTest));
        a.add(new DesignerAction("run.tests", "Run", "Run all tests", null, true, () -> {
            w.showTab("testsTab");
            vm.tests.runAll();
        }));
        a.add(new DesignerAction("run.reload", "Run", "Reload plugins", key(KeyCode.R, SHORTCUT_DOWN, SHIFT_DOWN), true, () -> {
            w.showTab("pluginsTab");
            d.reloadPlugins();
        }));
        // Help
        a.add(new DesignerAction("help.keys", "Help", "Keyboard shortcuts", key(KeyCode.F1), true, w::showHelp));
        a.add(new DesignerAction("help.about", "Help", "About KisFlow Studio", null, true, w::showAbout));
        return a;
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }
}
