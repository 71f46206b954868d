package io.kisflow.designer.debug;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * An error as the card shows it: the message, and the stack trace text one click away ("" when the
 * error is the engine's own verdict, such as a JumpFunc loop, where a trace would only show engine
 * internals).
 */
public record ErrorInfo(String message, String details) {
    public ErrorInfo {
        message = message == null ? "" : message;
        details = details == null ? "" : details;
    }

    /** The message of {@code t} (its class name when it has none) and its full stack trace. */
    public static ErrorInfo of(Throwable t) {
        String m = t.getMessage();
        return new ErrorInfo(m == null || m.isBlank() ? t.getClass().getName() : m, stackTrace(t));
    }

    public static String stackTrace(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
