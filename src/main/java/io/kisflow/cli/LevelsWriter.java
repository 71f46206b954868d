package io.kisflow.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import io.kisflow.config.IoReasons;
import io.kisflow.engine.Level;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Streams the final levels of a run as one JSON object, level by level, row by row: the result is
 * never held as text. Level names and rows are on lines of their own, each row compact on its line:
 * readable, greppable, and half the bytes of indenting every row's fields.
 *
 * <p>The rows the command line makes itself (strings, numbers, booleans, nulls and {@link JsonRow}s)
 * are written straight to the generator, with the same generator calls Jackson's serializers make;
 * other rows (records, a plugin's own types) go through Jackson, with one serializer provider per
 * level (Jackson makes one per {@code writeValue}, which was a third of a big result's time).
 */
final class LevelsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    // the layout, encoded once: writeRaw(String) copies and encodes its text on every call
    private static final SerializedString FIRST_ROW = new SerializedString("\n    ");
    private static final SerializedString NEXT_ROW = new SerializedString(",\n    ");

    private LevelsWriter() {
    }

    static void write(List<Level> levels, OutputStream out) {
        try {
            JsonGenerator g = JSON.createGenerator(out);
            g.setRootValueSeparator(null); // the layout is written raw between the values
            g.writeRaw("{");
            for (int i = 0; i < levels.size(); i++) {
                Level level = levels.get(i);
                g.writeRaw(i == 0 ? "\n  " : ",\n  ");
                g.writeString(level.name());
                g.writeRaw(": [");
                Serializers serializers = new Serializers();
                List<Object> rows = level.rows();
                for (int r = 0; r < rows.size(); r++) {
                    g.writeRaw(r == 0 ? FIRST_ROW : NEXT_ROW);
                    try {
                        value(g, serializers, rows.get(r));
                    } catch (JsonProcessingException e) {
                        throw new CommandException("row " + (r + 1) + " of level " + level.name() + " cannot be written as JSON: "
                                + e.getOriginalMessage(), e);
                    }
                }
                g.writeRaw(rows.isEmpty() ? "]" : "\n  ]");
            }
            g.writeRaw("\n}\n");
            g.flush();
            out.flush();
        } catch (IOException e) {
            throw new CommandException("could not write the result: " + IoReasons.describe(e), e);
        }
    }

    private static void value(JsonGenerator g, Serializers serializers, Object v) throws IOException {
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer n) {
            g.writeNumber(n.intValue());
        } else if (v instanceof Long n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Double n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b.booleanValue());
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof JsonRow row) {
            g.writeStartObject();
            SerializedString[] names = serializers.names(row);
            for (int i = 0; i < names.length; i++) {
                g.writeFieldName(names[i]);
                value(g, serializers, row.value(i));
            }
            g.writeEndObject();
        } else {
            serializers.write(g, v);
        }
    }

    /**
     * Jackson's serializers for the other rows. A level is one JSON array: one provider per level
     * is what writing it as one value would use. The last class's serializer is kept: the
     * provider's own lookup of a serializer made after it was created goes to a shared LRU map,
     * which was a tenth of writing a level of records.
     */
    private static final class Serializers {
        private final DefaultSerializerProvider provider = (DefaultSerializerProvider) JSON.getSerializerProviderInstance();
        private Class<?> lastClass;
        private JsonSerializer<Object> last;
        private String[] lastKeys;
        private SerializedString[] lastNames;

        /** The keys of a row, encoded once per shape (rows of one shape share their key array). */
        SerializedString[] names(JsonRow row) {
            if (row.keys() != lastKeys) {
                lastKeys = row.keys();
                lastNames = new SerializedString[lastKeys.length];
                for (int i = 0; i < lastKeys.length; i++) {
                    lastNames[i] = new SerializedString(lastKeys[i]);
                }
            }
            return lastNames;
        }

        void write(JsonGenerator g, Object v) throws IOException {
            if (v.getClass() != lastClass) {
                last = provider.findTypedValueSerializer(v.getClass(), true, null);
                lastClass = v.getClass();
            }
            try {
                last.serialize(v, g, provider);
            } catch (IOException e) {
                throw e;
            } catch (RuntimeException e) { // as the provider's serializeValue wraps them
                throw JsonMappingException.from(g, e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e);
            }
        }
    }
}
