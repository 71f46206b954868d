package io.kisflow.serve;

import java.io.PrintStream;
import java.time.Instant;

/**
 * The service's log: one logfmt line per event ({@code ts=... level=info event=batch flow=F topic=T
 * partition=P offsets=A..B rows=N ms=T outcome=ok}), so that a log collector (Loki, Fluent Bit,
 * Vector) reads flow, partition, offsets and error as fields. Values with spaces, quotes or
 * {@code =} are quoted.
 *
 * <pre>{@code log.info("batch", "flow", "Orders", "partition", 3, "outcome", "ok");}</pre>
 */
public final class ServeLog {
    private final PrintStream out;
    /** The last timestamp written and its millisecond: formatting an Instant for each of thousands of batch lines a second showed in the profile. */
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    private record Stamp(long millis, String text) {
    }

    public ServeLog(PrintStream out) {
        this.out = out;
    }

    /** An event of normal work; {@code fields} are name, value pairs. */
    public void info(String event, Object... fields) {
        line("info", event, fields);
    }

    /** Something an operator should look at; the service goes on. */
    public void warn(String event, Object... fields) {
        line("warn", event, fields);
    }

    public void error(String event, Object... fields) {
        line("error", event, fields);
    }

    private void line(String level, String event, Object... fields) {
        StringBuilder b = new StringBuilder(160);
        b.append("ts=").append(now()).append(" level=").append(level).append(" event=").append(event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                b.append(' ').append(fields[i]).append('=');
                value(b, String.valueOf(fields[i + 1]));
            }
        }
        out.println(b);
    }

    /** The time as Instant.toString() writes it to the millisecond ({@code 2026-12-01T21:53:10.547Z}). */
    private String now() {
        long ms = System.currentTimeMillis();
        Stamp s = stamp;
        if (s.millis() != ms) {
            s = new Stamp(ms, Instant.ofEpochMilli(ms).toString());
            stamp = s;
        }
        return s.text();
    }

    private static void value(StringBuilder b, String v) {
        boolean quote = v.isEmpty();
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c <= ' ' || c == '"' || c == '=' || c == '\\';
        }
        if (!quote) {
            b.append(v);
            return;
        }
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        b.append('"');
    }
}
