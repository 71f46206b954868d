package io.kisflow.config;

import java.nio.file.Path;

/** Where an object was read from: the file and the 1-based line of its first key. */
public record Origin(Path file, int line) {
}
