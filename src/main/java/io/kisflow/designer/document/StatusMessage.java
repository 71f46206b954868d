package io.kisflow.designer.document;

/** A line for the status bar: what just happened, or why a gesture was refused. */
public record StatusMessage(Kind kind, String text) {
    public enum Kind { INFO, REFUSED, ERROR }

    public static final StatusMessage NONE = new StatusMessage(Kind.INFO, "");

    public static StatusMessage info(String text) {
        return new StatusMessage(Kind.INFO, text);
    }

    public static StatusMessage refused(String text) {
        return new StatusMessage(Kind.REFUSED, text);
    }

    public static StatusMessage error(String text) {
        return new StatusMessage(Kind.ERROR, text);
    }
}
