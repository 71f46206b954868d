package io.kisflow.engine;

/** A row that cannot be converted to a typed function's row type: carries the row's index (0-based; messages count from 1) and why. */
final class RowConversionException extends Exception {
    private final int index;
    private final String reason;

    RowConversionException(int index, String reason, Throwable cause) {
        super("row " + (index + 1) + ": " + reason, cause);
        this.index = index;
        this.reason = reason;
    }

    int index() {
        return index;
    }

    String reason() {
        return reason;
    }
}
