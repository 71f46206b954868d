package io.kisflow.designer.debug.inspect;

import io.kisflow.designer.debug.data.RowJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes rows of a level to a file as JSON lines or CSV. The file is written beside its target under
 * a temporary name and moved into place at the end, so a failed export never leaves half a file
 * where the user's old one was.
 */
final class LevelExport {
    private LevelExport() {
    }

    static ExportResult write(Path file, ExportFormat format, List<Object> rows, RowView view) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot export to " + target + ": the folder " + dir + " does not exist");
        }
        List<String> columns = format == ExportFormat.CSV ? columnsOf(rows, view) : List.of();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (format == ExportFormat.CSV && !columns.isEmpty()) {
                    w.write(RowText.csvHeader(columns));
                }
                for (int v = 0; v < view.size(); v++) {
                    Object row = rows.get(view.rowIndex(v));
                    if (format == ExportFormat.CSV) {
                        w.write(RowText.csvRecord(row, columns));
                    } else {
                        w.write(RowJson.compact(row));
                        w.write('\n');
                    }
                }
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new ExportResult(target, view.size(), columns);
    }

    private static List<String> columnsOf(List<Object> rows, RowView view) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (int v = 0; v < view.size(); v++) {
            RowJson.collectColumns(rows.get(view.rowIndex(v)), names);
        }
        return new ArrayList<>(names);
    }

    /** An IOException whose message says which file and why, in words a user understands. */
    static IOException describe(Path file, Exception e) {
        String why;
        if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            why = "the folder does not exist";
        } else if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            why = fse.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (why.contains(file.getFileName().toString())) {
            return new IOException(why, e);
        }
        return new IOException("could not export to " + file + ": " + why, e);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
