package io.kisflow.designer.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** INTERIM STAND-IN per /work/DESIGNER-FILES-CONTRACT.md; removed when branch designer-files is merged. */
public final class RecentProjects {
    public RecentProjects(Path stateDir) {
    }

    public List<Path> list() {
        return List.of();
    }

    public void add(Path projectDir) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
