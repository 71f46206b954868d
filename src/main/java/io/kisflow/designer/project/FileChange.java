package io.kisflow.designer.project;

import java.nio.file.Path;
import java.util.List;

/**
 * One file a save would create, change or delete, with its text before and after, so the user can
 * see (and diff) what is going to be written. {@code notes} tell the user about anything beyond a
 * plain patch: a part rewritten without its comments, a file changed on disk since it was opened.
 *
 * <pre>{@code for (FileChange c : plan.changed()) show(c.path(), c.oldText(), c.newText(), c.notes());}</pre>
 *
 * @param oldText the current text, null when the file is created
 * @param newText the text to write, null when the file is deleted
 */
public record FileChange(Path path, Kind kind, String oldText, String newText, List<String> notes) {
    public enum Kind { CREATE, CHANGE, DELETE }

    public FileChange {
        if (path == null || kind == null) {
            throw new IllegalArgumentException("a file change needs a path and a kind");
        }
        if ((kind == Kind.CREATE) != (oldText == null) || (kind == Kind.DELETE) != (newText == null)) {
            throw new IllegalArgumentException(kind + " of " + path + ": old text is null exactly for CREATE, new text exactly for DELETE");
        }
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public FileChange(Path path, Kind kind, String oldText, String newText) {
        this(path, kind, oldText, newText, List.of());
    }
}
