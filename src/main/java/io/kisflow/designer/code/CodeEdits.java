package io.kisflow.designer.code;

import io.kisflow.code.JavaNames;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.EditRefused;
import io.kisflow.designer.edit.FunctionEdits;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoable designer commands on function sources: creating a file ("Write code"), deleting one, and
 * renaming a function together with its code. Typing inside a file is not one of them: the code
 * editor has its own undo (see {@code ProjectDocument#typeCode}).
 *
 * <pre>{@code doc.perform(CodeEdits.create("functions/Upper.java", text, "Write code for Upper"));}</pre>
 */
public final class CodeEdits {
    private CodeEdits() {
    }

    public static Edit create(String file, String text, String description) {
        return Edit.of(description, s -> {
            if (s.code().containsKey(file)) {
                throw new EditRefused(file + " already exists: open it in the Code tab");
            }
            return s.withCodeFile(file, text);
        }, null);
    }

    public static Edit delete(String file) {
        return Edit.of("Delete " + file, s -> {
            if (!s.code().containsKey(file)) {
                throw new EditRefused(file + " is not part of the project");
            }
            return s.withoutCodeFile(file);
        }, null);
    }

    /**
     * Renames a function and its code as one undo step: the config (every card and connector list,
     * as {@link FunctionEdits#rename}), the registered name string {@code "old"} in the file, and,
     * when the file is named after the function, the file and its class.
     */
    public static Edit renameWithCode(String oldName, String newName, String file) {
        Edit config = FunctionEdits.rename(oldName, newName);
        Edit code = Edit.of("Rename the code of " + oldName, s -> renameCode(s, oldName, newName.strip(), file), null);
        return Edit.batch("Rename function " + oldName + " to " + newName.strip() + " and its code", List.of(config, code));
    }

    /** The file a function's code moves to when renamed: the new class name's file, if the old one was named after the function. */
    static String renamedFile(String file, String oldName, String newName) {
        String oldFile = JavaNames.fileOf(oldName);
        String base = file.substring(file.lastIndexOf('/') + 1);
        if (!base.equals(oldFile.substring(oldFile.lastIndexOf('/') + 1))) {
            return file;
        }
        return file.substring(0, file.lastIndexOf('/') + 1) + JavaNames.className(newName) + ".java";
    }

    private static DesignState renameCode(DesignState s, String oldName, String newName, String file) {
        String text = s.code().get(file);
        if (text == null) {
            return s;
        }
        String renamed = text.replace("\"" + escape(oldName) + "\"", "\"" + escape(newName) + "\"");
        String target = renamedFile(file, oldName, newName);
        if (!target.equals(file)) {
            if (s.code().containsKey(target)) {
                throw new EditRefused(target + " already exists: rename or delete it first");
            }
            String oldClass = JavaNames.className(oldName);
            String newClass = JavaNames.className(newName);
            Matcher m = Pattern.compile("\\b" + Pattern.quote(oldClass) + "\\b").matcher(renamed);
            renamed = m.replaceAll(Matcher.quoteReplacement(newClass));
        }
        return s.withoutCodeFile(file).withCodeFile(target, renamed);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
