package io.kisflow.config;

import java.io.IOException;

/** Export refused before writing anything, with a sentence saying which object and why. */
public class ExportException extends IOException {
    public ExportException(String message) {
        super(message);
    }
}
