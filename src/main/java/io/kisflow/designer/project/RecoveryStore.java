package io.kisflow.designer.project;

import io.kisflow.config.ConfigSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** INTERIM STAND-IN per /work/DESIGNER-FILES-CONTRACT.md; removed when branch designer-files is merged. */
public final class RecoveryStore {
    public RecoveryStore(Path stateDir) {
    }

    public void save(Path projectDir, ConfigSet edited, ProjectLayout layout) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public Optional<Recovered> find(Path projectDir) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void discard(Path projectDir) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
