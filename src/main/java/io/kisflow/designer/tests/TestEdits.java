package io.kisflow.designer.tests;

import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.EditRefused;
import io.kisflow.flowtest.FlowTestFiles;

/**
 * Undoable designer commands on flow test cases ({@code tests/NAME.json}). A case file is held in
 * the document beside the function sources, so Save writes it (and lists it in the save plan),
 * autosave keeps it in the recovery copy, and undo takes it back.
 *
 * <pre>{@code doc.perform(TestEdits.write("scores", text, false));}</pre>
 */
public final class TestEdits {
    private TestEdits() {
    }

    /** Writes a case; {@code replace} false refuses a name that is taken (the dialog asks first). */
    public static Edit write(String caseName, String text, boolean replace) {
        String file = FlowTestFiles.pathOf(caseName);
        return Edit.of((replace ? "Replace test " : "Save run as test ") + caseName, s -> {
            if (!FlowTestFiles.isValidName(caseName)) {
                throw new EditRefused("'" + caseName + "' cannot name a test: use letters, digits, '-', '_' and '.'");
            }
            if (!replace && s.code().containsKey(file)) {
                throw new EditRefused("a test named " + caseName + " exists (" + file + "): choose another name or replace it");
            }
            return s.withCodeFile(file, text);
        }, null);
    }

    public static Edit delete(String caseName) {
        String file = FlowTestFiles.pathOf(caseName);
        return Edit.of("Delete test " + caseName, s -> {
            if (!s.code().containsKey(file)) {
                throw new EditRefused(file + " is not part of the project");
            }
            return s.withoutCodeFile(file);
        }, null);
    }
}
