package io.kisflow.designer.properties;

import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.EditRefused;

import java.util.function.Supplier;

/**
 * What a properties field and the params table share: every value typed during one visit of the
 * focus is one undo step (a burst named after the field and the visit), a name or key is checked
 * while typed and applied only when committed, as a step of its own; a refused edit gives its
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
        return apply(edit, id + "#" + visit);
    }

    /** Applies the edit as part of the named burst (an add and the value typed right after it). */
    String performAs(Supplier<Edit> edit, String burstKey) {
        return apply(edit, burstKey);
    }

    /**
     * Applies a committed name or key as an undo step of its own (named for the whole edit, "Rename
     * A to B"), never merged with typing before or after it: "" when done, else why it was refused.
     */
    String commit(Supplier<Edit> edit) {
        doc.endBurst();
        try {
            return apply(edit, null);
        } finally {
            doc.endBurst();
        }
    }

    /** Why the edit would be refused on the project as it is now ("" when it would be accepted), changing nothing. */
    String check(Supplier<Edit> edit) {
        try {
            edit.get().apply(doc.state());
            return "";
        } catch (EditRefused refused) {
            return refused.getMessage();
        }
    }

    private String apply(Supplier<Edit> edit, String burstKey) {
        committing = true;
        try {
            doc.performOrThrow(edit.get(), burstKey);
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
