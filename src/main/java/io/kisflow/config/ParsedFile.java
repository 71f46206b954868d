package io.kisflow.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One file after reading: the object it holds (a FlowConfig, FuncConfig, ConnConfig or GlobalConfig;
 * null when the file could not be read as one), where it starts, the line of each key, and the
 * file's own problems.
 */
record ParsedFile(Path file, ObjectRef ref, Object config, int line, Map<String, Integer> lines, List<Problem> problems) {
    static ParsedFile failed(Path file, List<Problem> problems) {
        return new ParsedFile(file, null, null, 0, Map.of(), problems);
    }
}
