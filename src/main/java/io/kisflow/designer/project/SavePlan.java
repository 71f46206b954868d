package io.kisflow.designer.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a save (or export) would do, shown to the user before anything is written: the files to
 * create, change and delete, each with old and new text. {@link ProjectFiles#apply} carries it out.
 *
 * <pre>{@code SavePlan plan = files.planSave(edited, layout, files.directory()); if (userAgrees(plan)) files.apply(plan);}</pre>
 */
public record SavePlan(Path targetDir, List<FileChange> changes) {
    public SavePlan {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public List<FileChange> created() {
        return of(FileChange.Kind.CREATE);
    }

    public List<FileChange> changed() {
        return of(FileChange.Kind.CHANGE);
    }

    public List<FileChange> deleted() {
        return of(FileChange.Kind.DELETE);
    }

    /** True when there is nothing to write. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Every note of every file, each prefixed with the file's path relative to the target directory. */
    public List<String> notes() {
        List<String> all = new ArrayList<>();
        for (FileChange c : changes) {
            for (String n : c.notes()) {
                all.add(relative(c) + ": " + n);
            }
        }
        return all;
    }

    /** The file's path as the user reads it: relative to the target directory, '/' separated. */
    public String relative(FileChange change) {
        Path p = change.path();
        return (p.startsWith(targetDir) ? targetDir.relativize(p) : p).toString().replace('\\', '/');
    }

    /** For example "1 file created, 2 changed, 1 deleted", or "nothing to save". */
    public String summary() {
        if (isEmpty()) {
            return "nothing to save";
        }
        List<String> parts = new ArrayList<>();
        int c = created().size();
        int ch = changed().size();
        int d = deleted().size();
        String file = changes.size() == 1 ? "file" : "files";
        if (c > 0) {
            parts.add(c + " created");
        }
        if (ch > 0) {
            parts.add(ch + " changed");
        }
        if (d > 0) {
            parts.add(d + " deleted");
        }
        return changes.size() + " " + file + ": " + String.join(", ", parts);
    }

    private List<FileChange> of(FileChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }
}
