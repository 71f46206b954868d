package io.kisflow.config;

import java.nio.file.Path;

/**
 * One thing wrong (or suspicious) in a project: where it is and a sentence a user understands.
 * {@code file} may be null for a project built in memory; {@code line} is 1-based, 0 when unknown.
 * {@code subject} names the flow, function or connector involved, when there is one. {@code column}
 * is 1-based where a tool knows it (the compiler of {@code functions/*.java}), 0 otherwise.
 */
public record Problem(Severity severity, Path file, int line, String subject, String message, int column) {
    public enum Severity { ERROR, WARNING }

    public Problem(Severity severity, Path file, int line, String subject, String message) {
        this(severity, file, line, subject, message, 0);
    }

    public static Problem error(Path file, int line, String subject, String message) {
        return new Problem(Severity.ERROR, file, line, subject, message);
    }

    public static Problem warning(Path file, int line, String subject, String message) {
        return new Problem(Severity.WARNING, file, line, subject, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE: message} (or {@code FILE:LINE:COLUMN:}, "warning: " before warnings), as the validate command prints it. */
    @Override
    public String toString() {
        String where = file == null ? "<memory>" : file.toString();
        return where + ":" + line + (column > 0 ? ":" + column : "") + ": " + (isError() ? "" : "warning: ") + message;
    }
}
