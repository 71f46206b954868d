package io.kisflow.cli;

/** The command line was not understood: printed with a hint, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
