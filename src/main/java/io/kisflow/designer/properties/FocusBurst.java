package io.kisflow.designer.properties;

import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.EditRefused;

import java.util.function.Supplier;

/**
 * What a properties field and the params table share: every value typed during one visit of the
 * focus is one undo step (a burst named after the field and the visit), a refused edit gives its
 * reason instead of changing the project, and while the field's own edit is applied the field does
 * not refresh itself from the project (that would move the caret under the user's fingers).
 *
 * <pre>{@code error.set(burst.perform(() -> write.apply(typed)));}</pre>
 */
final class FocusBurst {
    private final ProjectDocument doc;
    private final String id;
    private int visit;
    private boolean committing;

    FocusBurst(ProjectDocument doc, String id) {
        this.doc = doc;
        this.id = id;
    }

    /** Applies the edit as part of this visit's burst: "" when done, else why it was refused. */
    String perform(Supplier<Edit> edit) {
        committing = true;
        try {
            doc.performOrThrow(edit.get(), id + "#" + visit);
            return "";
        } catch (EditRefused refused) {
            return refused.getMessage();
        } finally {
            committing = false;
        }
    }

    /** The field got the keyboard focus: a new burst of typing begins. */
    void focusGained() {
        visit++;
    }

    /** The field lost the focus: the burst ends. */
    void focusLost() {
        end();
    }

    /** Ends the burst now: the next edit is an undo step of its own. */
    void end() {
        doc.endBurst();
    }

    /** True while the field's own edit is being applied. */
    boolean committing() {
        return committing;
    }
}
