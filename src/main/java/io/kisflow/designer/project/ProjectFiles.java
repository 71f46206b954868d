package io.kisflow.designer.project;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** INTERIM STAND-IN per /work/DESIGNER-FILES-CONTRACT.md; removed when branch designer-files is merged. */
public final class ProjectFiles {
    public static ProjectFiles open(Path dir) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public static ProjectFiles createNew(Path dir) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public Path directory() {
        throw new UnsupportedOperationException("stand-in");
    }

    public ConfigSet configs() {
        throw new UnsupportedOperationException("stand-in");
    }

    public List<Problem> loadProblems() {
        throw new UnsupportedOperationException("stand-in");
    }

    public java.util.Map<io.kisflow.config.ObjectRef, io.kisflow.config.Origin> origins() {
        throw new UnsupportedOperationException("stand-in");
    }

    public ProjectLayout layout() {
        throw new UnsupportedOperationException("stand-in");
    }

    public SavePlan planSave(ConfigSet edited, ProjectLayout layout, Path targetDir) {
        throw new UnsupportedOperationException("stand-in");
    }

    public SavePlan planSave(ConfigSet edited, ProjectLayout layout, Path targetDir, java.util.Map<io.kisflow.config.ObjectRef, io.kisflow.config.ObjectRef> renames) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void apply(SavePlan plan) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
