package io.kisflow.designer.debug.inspect;

import java.nio.file.Path;
import java.util.List;

/** What an export wrote: the file, how many rows, and the columns (CSV header; empty for JSON lines). */
public record ExportResult(Path file, int rows, List<String> columns) {
}
