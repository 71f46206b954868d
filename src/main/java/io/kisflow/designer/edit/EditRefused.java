package io.kisflow.designer.edit;

/**
 * An edit the designer will not make, with the sentence to show the user (at the field, or in the
 * status bar for gestures). Nothing changes when an edit is refused.
 */
public final class EditRefused extends RuntimeException {
    public EditRefused(String message) {
        super(message, null, false, false);
    }
}
