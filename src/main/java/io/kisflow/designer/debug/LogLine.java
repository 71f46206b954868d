package io.kisflow.designer.debug;

/** A line a function printed during its call, on standard output or standard error. */
public record LogLine(Stream stream, String text) {
    public enum Stream { OUT, ERR }

    @Override
    public String toString() {
        return (stream == Stream.ERR ? "[err] " : "") + text;
    }
}
