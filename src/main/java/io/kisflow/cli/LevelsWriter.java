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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams the final levels of a run as one JSON object, level by level, row by row: the result is
 * never held as text. Level names and rows are on lines of their own, each row compact on its line:
 * readable, greppable, and half the bytes of indenting every row's fields.
 *
 * <p>A big result is formatted in chunks of rows on as many threads as there are cores (up to
 * four), and the chunks written in order: formatting is most of the cost of writing, and on a
 * two-core machine the second core is otherwise idle by then. Rows are read-only, so sharing them
 * between threads is safe.
 *
 * <p>The rows the command line makes itself (strings, numbers, booleans, nulls and {@link JsonRow}s)
 * are written straight to the generator, with the same generator calls Jackson's serializers make;
 * plain records through {@link PlainRecordWriter}, other rows (a plugin's own types) through Jackson,
 * with one serializer provider per chunk (Jackson makes one per {@code writeValue}, which was a third
 * of a big result's time).
 */
final class LevelsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    // the layout, encoded once: writeRaw(String) copies and encodes its text on every call
    private static final SerializedString FIRST_ROW = new SerializedString("\n    ");
    private static final SerializedString NEXT_ROW = new SerializedString(",\n    ");

    /** Rows formatted as one piece: a few hundred KB, so that a few in flight per thread cost little memory. */
    private static final int CHUNK_ROWS = 4096;
    /** Below this many rows in all, formatting in parallel would cost more (threads) than it saves. */
    private static final int PARALLEL_ROWS = 4 * CHUNK_ROWS;

    private LevelsWriter() {
    }

    static void write(List<Level> levels, OutputStream out) {
        int total = 0;
        for (Level level : levels) {
            total += level.rows().size();
        }
        int workers = total < PARALLEL_ROWS ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), 4);
        ExecutorService pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "kisflow-write");
            t.setDaemon(true);
            return t;
        });
        try {
            out.write('{');
            Deque<Future<ByteArrayOutputStream>> pending = new ArrayDeque<>();
            Queue<ByteArrayOutputStream> free = new ConcurrentLinkedQueue<>(); // chunk buffers, reused once written
            for (int i = 0; i < levels.size(); i++) {
                Level level = levels.get(i);
                out.write(((i == 0 ? "\n  " : ",\n  ") + JSON.writeValueAsString(level.name()) + ": [").getBytes(StandardCharsets.UTF_8));
                List<Object> rows = level.rows();
                for (int from = 0; from < rows.size(); from += CHUNK_ROWS) {
                    int start = from;
                    Callable<ByteArrayOutputStream> chunk = () -> chunk(level, start, Math.min(rows.size(), start + CHUNK_ROWS), free);
                    if (pool == null) {
                        written(chunk.call(), out, free);
                        continue;
                    }
                    pending.add(pool.submit(chunk));
                    if (pending.size() >= 4 * workers) {
                        written(take(pending), out, free);
                    }
                }
                while (!pending.isEmpty()) {
                    written(take(pending), out, free);
                }
                out.write((rows.isEmpty() ? "]" : "\n  ]").getBytes(StandardCharsets.UTF_8));
            }
            out.write("\n}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new CommandException("could not write the result: " + IoReasons.describe(e), e);
        } catch (CommandException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // chunk.call() declares Exception; it throws only the above
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** The oldest chunk's bytes, waiting for them; what its formatting threw is thrown here. */
    private static ByteArrayOutputStream take(Deque<Future<ByteArrayOutputStream>> pending) throws IOException {
        try {
            return pending.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("writing the result was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CommandException c) {
                throw c;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void written(ByteArrayOutputStream chunk, OutputStream out, Queue<ByteArrayOutputStream> free) throws IOException {
        chunk.writeTo(out);
        chunk.reset();
        free.add(chunk);
    }

    /** Rows [from, to) of a level as bytes, each after its layout, in a reused buffer if one is free. */
    private static ByteArrayOutputStream chunk(Level level, int from, int to, Queue<ByteArrayOutputStream> free) throws IOException {
        ByteArrayOutputStream reused = free.poll();
        ByteArrayOutputStream bytes = reused != null ? reused : new ByteArrayOutputStream(64 * CHUNK_ROWS);
        Serializers serializers = new Serializers();
        List<Object> rows = level.rows();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.setRootValueSeparator(null); // the layout is written raw between the values
            Class<?> type = sameClass(rows, from, to);
            // rows of one class (a level usually holds one) have a loop of their own: compiled for
            // that class alone, it is not thrown away and compiled again when the next level brings
            // another class, as one loop over every kind was (C2's largest compilations, three times over)
            if (type == JsonRow.class) {
                jsonRows(g, serializers, level, from, to);
            } else if (type == String.class) {
                strings(g, level, from, to);
            } else {
                anyRows(g, serializers, level, from, to);
            }
        }
        return bytes;
    }

    private static void jsonRows(JsonGenerator g, Serializers serializers, Level level, int from, int to) throws IOException {
        List<Object> rows = level.rows();
        for (int r = from; r < to; r++) {
            g.writeRaw(r == 0 ? FIRST_ROW : NEXT_ROW);
            try {
                jsonRow(g, serializers, (JsonRow) rows.get(r));
            } catch (JsonProcessingException e) {
                throw notWritten(level, r, e);
            }
        }
    }

    private static void strings(JsonGenerator g, Level level, int from, int to) throws IOException {
        List<Object> rows = level.rows();
        for (int r = from; r < to; r++) {
            g.writeRaw(r == 0 ? FIRST_ROW : NEXT_ROW);
            try {
                g.writeString((String) rows.get(r));
            } catch (JsonProcessingException e) {
                throw notWritten(level, r, e);
            }
        }
    }

    /** Rows of several classes, or records and other objects: those go to their serializer without passing the scalars' tests. */
    private static void anyRows(JsonGenerator g, Serializers serializers, Level level, int from, int to) throws IOException {
        List<Object> rows = level.rows();
        for (int r = from; r < to; r++) {
            g.writeRaw(r == 0 ? FIRST_ROW : NEXT_ROW);
            Object v = rows.get(r);
            try {
                if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof JsonRow) {
                    value(g, serializers, v);
                } else {
                    serializers.write(g, v);
                }
            } catch (JsonProcessingException e) {
                throw notWritten(level, r, e);
            }
        }
    }

    private static CommandException notWritten(Level level, int r, JsonProcessingException e) {
        return new CommandException("row " + (r + 1) + " of level " + level.name() + " cannot be written as JSON: "
                + e.getOriginalMessage(), e);
    }

    /** The class of every row of {@code rows[from, to)}, or null when they differ (or one is null). */
    private static Class<?> sameClass(List<Object> rows, int from, int to) {
        Object first = rows.get(from);
        Class<?> type = first == null ? null : first.getClass();
        for (int r = from + 1; r < to && type != null; r++) {
            Object row = rows.get(r);
            if (row == null || row.getClass() != type) {
                return null;
            }
        }
        return type;
    }

    private static void jsonRow(JsonGenerator g, Serializers serializers, JsonRow row) throws IOException {
        g.writeStartObject();
        SerializedString[] names = serializers.names(row);
        for (int i = 0; i < names.length; i++) {
            g.writeFieldName(names[i]);
            value(g, serializers, row.value(i));
        }
        g.writeEndObject();
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
            jsonRow(g, serializers, row);
        } else {
            serializers.write(g, v);
        }
    }

    /**
     * Jackson's serializers for the other rows, one provider per chunk of rows (Jackson makes one
     * per value written; the provider holds no state between plain values). The last class's serializer is kept: the
     * provider's own lookup of a serializer made after it was created goes to a shared LRU map,
     * which was a tenth of writing a level of records.
     */
    private static final class Serializers {
        private final DefaultSerializerProvider provider = (DefaultSerializerProvider) JSON.getSerializerProviderInstance();
        private Class<?> lastClass;
        private JsonSerializer<Object> last;
        private PlainRecordWriter lastRecord; // for plain records: the same bytes without the bean serializer
        private final PlainRecordWriter.Scratch scratch = new PlainRecordWriter.Scratch();
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
                lastRecord = PlainRecordWriter.of(v, JSON);
                lastClass = v.getClass();
            }
            if (lastRecord != null && lastRecord.write(g, v, scratch)) {
                return;
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
