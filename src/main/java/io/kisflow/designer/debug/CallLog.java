package io.kisflow.designer.debug;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of one function call, split into lines. Bounded: a function printing in a loop keeps
 * the first {@value #MAX_LINES} lines (each cut at {@value #MAX_LINE_CHARS} characters) and counts
 * the rest, so a chatty function cannot fill the designer's memory.
 */
final class CallLog {
    static final int MAX_LINES = 5_000;
    static final int MAX_LINE_CHARS = 4_000;

    private final Charset charset;
    private final List<LogLine> lines = new ArrayList<>();
    private final ByteArrayOutputStream outPart = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errPart = new ByteArrayOutputStream();
    private int dropped;

    CallLog(Charset charset) {
        this.charset = charset;
    }

    synchronized void write(LogLine.Stream stream, byte[] b, int off, int len) {
        ByteArrayOutputStream part = stream == LogLine.Stream.OUT ? outPart : errPart;
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                part.write(b, start, i - start);
                endLine(stream, part);
                start = i + 1;
            }
        }
        // An unfinished line is kept up to a bound (4 bytes per character at most, plus one to know it was cut).
        int room = MAX_LINE_CHARS * 4 + 1 - part.size();
        if (start < off + len && room > 0) {
            part.write(b, start, Math.min(off + len - start, room));
        }
    }

    private void endLine(LogLine.Stream stream, ByteArrayOutputStream part) {
        String text = part.toString(charset);
        part.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (lines.size() >= MAX_LINES) {
            dropped++;
            return;
        }
        if (text.length() > MAX_LINE_CHARS) {
            text = text.substring(0, MAX_LINE_CHARS) + "…";
        }
        lines.add(new LogLine(stream, text));
    }

    /** Ends unfinished lines; returns the lines. */
    synchronized List<LogLine> finish() {
        if (outPart.size() > 0) {
            endLine(LogLine.Stream.OUT, outPart);
        }
        if (errPart.size() > 0) {
            endLine(LogLine.Stream.ERR, errPart);
        }
        return List.copyOf(lines);
    }

    synchronized int dropped() {
        return dropped;
    }
}
