package io.kisflow.cli;

/** A command could not do its work (bad config, failed run, unreadable input): one line on stderr, exit code 1. */
final class CommandException extends RuntimeException {
    CommandException(String message) {
        super(message);
    }

    CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
