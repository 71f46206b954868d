package io.kisflow.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record value as a source row: the string itself, or with {@code --json} the parsed value
 * (objects become maps). A value that is not JSON is a {@link Undecodable}, reported by the caller,
 * never a stop of the service.
 */
final class RecordRows {
    /** Flow metadata of a batch's run: the topic, the partition, and one map per source row, in row order. */
    static final String META_TOPIC = "kafka.topic";
    static final String META_PARTITION = "kafka.partition";
    /** Per row: key, offset, timestamp (ms) and headers (name to UTF-8 text, the last of a repeated name). */
    static final String META_RECORDS = "kafka.records";

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

    /**
     * The {@value #META_RECORDS} list of a batch: one read-only map per record, made when a function
     * reads it. Most flows never look, and making every map up front was 40% of a busy service's
     * time (docs/PERFORMANCE.md, Serve). {@code records} is kept, not copied: the caller never changes
     * it afterwards (a poll's list is read-only, and copying it was another cost per batch).
     */
    static List<Map<String, Object>> metaList(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> own = records;
        return new AbstractList<>() {
            @SuppressWarnings("unchecked")
            private final Map<String, Object>[] made = new Map[own.size()];

            @Override
            public Map<String, Object> get(int index) {
                Map<String, Object> m = made[index];
                if (m == null) {
                    m = meta(own.get(index));
                    made[index] = m; // a benign race: two threads reading at once make equal maps
                }
                return m;
            }

            @Override
            public int size() {
                return own.size();
            }
        };
    }

    static Map<String, Object> meta(ConsumerRecord<String, String> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.key());
        m.put("offset", r.offset());
        m.put("timestamp", r.timestamp());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        m.put("headers", Collections.unmodifiableMap(headers));
        return Collections.unmodifiableMap(m);
    }

    /** A record whose value cannot become a row. */
    static final class Undecodable extends Exception {
        Undecodable(String message) {
            super(message);
        }
    }
}
