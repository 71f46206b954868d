package io.kisflow.designer.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON dialect of the designer's own files (sidecar, recovery copy, recent list): pretty-printed
 * with two spaces, {@code "key": value}, one list item per line, map keys sorted, '\n' line breaks
 * and a final one, so the files diff cleanly in git and do not depend on the platform.
 */
final class StateJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 1.10 in an unknown key stays 1.10
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private static final ObjectWriter SORTED = MAPPER.writer(printer());
    private static final ObjectWriter IN_ORDER = SORTED.without(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private StateJson() {
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(separators);
        p.indentObjectsWith(indenter);
        p.indentArraysWith(indenter);
        return p;
    }

    /** The value (maps, lists, scalars) as pretty JSON text ending in a line break, map keys sorted. */
    static String write(Object value) {
        return write(SORTED, value);
    }

    /** Like {@link #write} but maps keep their order (where order is data, as in a project's load order). */
    static String writeInOrder(Object value) {
        return write(IN_ORDER, value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write designer state as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
