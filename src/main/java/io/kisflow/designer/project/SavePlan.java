package io.kisflow.designer.project;

import java.nio.file.Path;
import java.util.List;

/** INTERIM STAND-IN per /work/DESIGNER-FILES-CONTRACT.md; removed when branch designer-files is merged. */
public record SavePlan(Path targetDir, List<FileChange> changes) {
    public List<FileChange> created() {
        return changes.stream().filter(c -> c.kind() == FileChange.Kind.CREATE).toList();
    }

    public List<FileChange> changed() {
        return changes.stream().filter(c -> c.kind() == FileChange.Kind.CHANGE).toList();
    }

    public List<FileChange> deleted() {
        return changes.stream().filter(c -> c.kind() == FileChange.Kind.DELETE).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public String relative(FileChange change) {
        return change.path().toString();
    }

    public String summary() {
        return "stand-in";
    }
}
