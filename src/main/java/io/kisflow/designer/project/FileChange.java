package io.kisflow.designer.project;

import java.nio.file.Path;

/** INTERIM STAND-IN per /work/DESIGNER-FILES-CONTRACT.md; removed when branch designer-files is merged. */
public record FileChange(Path path, Kind kind, String oldText, String newText, java.util.List<String> notes) {
    public enum Kind { CREATE, CHANGE, DELETE }
}
