package io.kisflow.designer.debug.inspect;

/** File formats of an exported level: one JSON value per line, or CSV (RFC 4180) with a header row. */
public enum ExportFormat {
    JSON_LINES("jsonl"), CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file extension, without the dot, for the file chooser. */
    public String extension() {
        return extension;
    }
}
