package io.kisflow.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A record value as a source row: the string itself, or with {@code --json} the parsed value
 * (objects become maps). A value that is not JSON is a {@link Undecodable}, reported by the caller,
 * never a stop of the service.
 */
final class RecordRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordRows() {
    }

    static Object row(String value, boolean json) throws Undecodable {
        if (!json) {
            return value;
        }
        if (value == null) {
            throw new Undecodable("a null value (tombstone) is no JSON value");
        }
        try {
            return JSON.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            throw new Undecodable("not a JSON value (" + e.getOriginalMessage() + ")");
        }
    }

    /** A record whose value cannot become a row. */
    static final class Undecodable extends Exception {
        Undecodable(String message) {
            super(message);
        }
    }
}
