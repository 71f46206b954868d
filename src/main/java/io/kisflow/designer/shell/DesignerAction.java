package io.kisflow.designer.shell;

import javafx.scene.input.KeyCombination;

/**
 * One command of the designer as the menus, the keyboard and the help dialog show it. A
 * {@code global} action also runs while a text field has the focus (Undo, Save); the others leave
 * their keys to the text field then (Delete deletes characters there, not cards).
 */
public record DesignerAction(String id, String menu, String label, KeyCombination key, boolean global, boolean inMenu, Runnable run) {
    public DesignerAction(String id, String menu, String label, KeyCombination key, boolean global, Runnable run) {
        this(id, menu, label, key, global, true, run);
    }

    /** A second key for an action already in a menu (Ctrl+Y for Redo): listed in the help, not in the menu. */
    public static DesignerAction alternative(String id, String menu, String label, KeyCombination key, boolean global, Runnable run) {
        return new DesignerAction(id, menu, label, key, global, false, run);
    }

    /** The key as shown in menus and the help dialog ("Ctrl+Shift+Z"). */
    public String keyText() {
        return key == null ? "" : key.getDisplayText();
    }
}
