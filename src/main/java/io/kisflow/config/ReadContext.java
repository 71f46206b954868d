package io.kisflow.config;

import java.util.HashMap;
import java.util.Map;

/**
 * State shared while reading one document: its problems, the line of every key read (for messages
 * about cross-references found later), and a budget of values that stops alias bombs.
 */
final class ReadContext {
    final FileProblems problems;
    /** Line of each key by path ("fmode", "option.cname", "flows[2].fname", ...). */
    final Map<String, Integer> lines = new HashMap<>(32);
    private int values;

    ReadContext(FileProblems problems) {
        this.problems = problems;
    }

    void line(String path, int line) {
        lines.putIfAbsent(path, line);
    }

    /** Counts one value read; throws {@link Refused} once the file has expanded past the limit. */
    void countValue() {
        if (++values > LoadLimits.MAX_VALUES_PER_FILE) {
            throw new Refused(0, "the file expands to more than " + LoadLimits.MAX_VALUES_PER_FILE
                    + " values once its aliases are followed, which is refused as a possible alias bomb");
        }
    }

    /** Stops reading the whole document: it is hostile or broken beyond item-by-item reporting. */
    static final class Refused extends RuntimeException {
        final int line;

        Refused(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
