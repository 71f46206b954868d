package io.kisflow.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.config.IoReasons;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The source rows of a run: one row per non-blank input line, a string or (with --json) a parsed
 * JSON value. Rows are streamed straight into the flow: lines are never kept, and with --json one
 * Jackson parser reads the whole input (no parser, no String per line). A line longer than
 * {@link #MAX_LINE_BYTES} stops the reading with an error naming the line, so {@code --input
 * /dev/zero} or a file with no newlines ends at once instead of filling the memory.
 */
final class InputRows {
    /** 16 MiB: far above any sensible row, far below what would exhaust a default JVM heap. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private InputRows() {
    }

    /**
     * The rows of {@code source} ("-" for standard input) in input order, as consecutive batches: a
     * big regular file is parsed in line-aligned chunks on several threads ({@link ParallelInput}),
     * anything else (standard input, a pipe, a small file) and any input the chunks cannot take
     * exactly as the reading in order does (a bad line, an over-long line, another encoding) is read
     * in order on this thread, so every message names the same line in the same words as before.
     */
    static List<List<Object>> readAll(String source, boolean json, InputStream stdin) {
        return readAll(source, json, stdin, ParallelInput.CHUNK_BYTES, ParallelInput.MIN_BYTES);
    }

    /** {@link #readAll(String, boolean, InputStream)} with the chunk size and the smallest file read in chunks (tests). */
    static List<List<Object>> readAll(String source, boolean json, InputStream stdin, int chunkBytes, long minBytes) {
        if (!"-".equals(source)) {
            List<List<Object>> chunks = ParallelInput.read(source, json, chunkBytes, minBytes);
            if (chunks != null) {
                return chunks;
            }
        }
        List<Object> rows = new ArrayList<>();
        read(source, json, stdin, rows::add);
        List<List<Object>> one = new ArrayList<>(1); // the caller lets each batch go once committed
        one.add(rows);
        return one;
    }

    /** Reads {@code source} ("-" for standard input) in order and hands each row to {@code sink}; returns the number of rows. */
    static int read(String source, boolean json, InputStream stdin, Consumer<Object> sink) {
        String name = "-".equals(source) ? "standard input" : source;
        LineLimit in = null;
        try {
            in = new LineLimit("-".equals(source) ? stdin : open(source), name);
            if (!json) {
                return readLines(in, name, sink);
            }
            try (JsonParser parser = JSON.getFactory().createParser(in)) {
                parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
                return readJson(parser, name, sink);
            }
        } catch (LineTooLong e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("could not read " + name + (in == null ? "" : " (at line " + in.line() + ")")
                    + ": " + IoReasons.describe(e, source), e);
        } finally {
            if (in != null && !"-".equals(source)) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // everything was read: a failing close loses nothing
                }
            }
        }
    }

    private static InputStream open(String source) throws IOException {
        Path file = Path.of(source);
        if (Files.isDirectory(file)) {
            throw new CommandException("--input " + source + " is a folder, not a file; give the input file (one row per line)");
        }
        try {
            return Files.newInputStream(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandException("--input " + source + ": " + IoReasons.describe(e, source), e);
        }
    }

    /**
     * Splits the bytes at '\n' (a '\r' before it is dropped) and decodes each line strictly on its own,
     * so a byte that is not UTF-8 is reported with the line it is on.
     */
    private static int readLines(InputStream in, String name, Consumer<Object> sink) throws IOException {
        CharsetDecoder decoder = strictUtf8();
        byte[] buf = new byte[65536];
        byte[] partial = new byte[256]; // the start of a line that goes on into the next read
        int partialLength = 0;
        int number = 0;
        int rows = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                number++;
                String line;
                if (partialLength == 0) {
                    line = decode(decoder, buf, start, i - start, name, number);
                } else {
                    partial = append(partial, partialLength, buf, start, i - start);
                    line = decode(decoder, partial, 0, partialLength + i - start, name, number);
                    partialLength = 0;
                }
                start = i + 1;
                if (!line.isBlank()) {
                    sink.accept(line);
                    rows++;
                }
            }
            partial = append(partial, partialLength, buf, start, n - start);
            partialLength += n - start;
        }
        if (partialLength > 0) {
            String line = decode(decoder, partial, 0, partialLength, name, number + 1);
            if (!line.isBlank()) {
                sink.accept(line);
                rows++;
            }
        }
        return rows;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static byte[] append(byte[] to, int length, byte[] from, int offset, int count) {
        byte[] target = length + count <= to.length ? to : Arrays.copyOf(to, Math.max(to.length * 2, length + count));
        System.arraycopy(from, offset, target, length, count);
        return target;
    }

    private static String decode(CharsetDecoder decoder, byte[] bytes, int offset, int length, String name, int number) {
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        boolean ascii = true;
        for (int i = offset; i < offset + length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new CommandException(name + ":" + number + ": not UTF-8 text; save the input as UTF-8", e);
        }
    }

    /**
     * The values of one parser (over the whole input, or over a chunk of whole lines); each value
     * must start on a line of its own and end on it, which keeps "one line, one row" and the line
     * numbers of the errors.
     */
    static int readJson(JsonParser parser, String name, Consumer<Object> sink) throws IOException {
        int rows = 0;
        int lastLine = 0;
        Shapes shapes = new Shapes();
        JsonToken token;
        while ((token = nextToken(parser, name)) != null) {
            int line = tokenLine(parser);
            if (line == lastLine) {
                throw new CommandException(name + ":" + line + ": more than one JSON value on this line; put one row per line");
            }
            Object row;
            try {
                row = value(parser, token, shapes);
            } catch (JsonProcessingException e) {
                throw notJson(name, e);
            }
            // a scalar is on one line by nature (and the parser reads past a number's end to find it)
            lastLine = token.isScalarValue() ? line : tokenLine(parser); // the line of the closing bracket
            if (lastLine != line) {
                throw new CommandException(name + ":" + line + ": this JSON value goes on to line " + lastLine
                        + "; put each row on one line");
            }
            sink.accept(row);
            rows++;
        }
        return rows;
    }

    /**
     * The lines of {@code bytes[from, to)} (whole lines: the last one may lack its '\n') as rows,
     * blank ones skipped, the first being line {@code firstLine}.
     */
    static int readLines(byte[] bytes, int from, int to, String name, int firstLine, Consumer<Object> sink) {
        CharsetDecoder decoder = strictUtf8();
        int rows = 0;
        int number = firstLine;
        for (int start = from; start < to; number++) {
            int end = start;
            while (end < to && bytes[end] != '\n') {
                end++;
            }
            String line = decode(decoder, bytes, start, end - start, name, number);
            if (!line.isBlank()) {
                sink.accept(line);
                rows++;
            }
            start = end + 1;
        }
        return rows;
    }

    /** The shared parser factory (thread-safe; its field names are interned, so rows of every chunk share their key strings). */
    static com.fasterxml.jackson.core.JsonFactory jsonFactory() {
        return JSON.getFactory();
    }

    /**
     * A JSON value as Jackson's untyped reading makes it (String, Integer, Long, BigInteger, Double,
     * Boolean, null, ArrayList), except objects: {@link JsonRow}s sharing their key arrays.
     */
    private static Object value(JsonParser p, JsonToken t, Shapes shapes) throws IOException {
        switch (t) {
            case START_OBJECT:
                return object(p, shapes);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, next, shapes));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(p, "unexpected " + t);
        }
    }

    /**
     * An object's keys are compared with the last shape's as they come (Jackson interns key names, so
     * this is one reference comparison per key); a key list is made only when they differ.
     */
    private static Object object(JsonParser p, Shapes shapes) throws IOException {
        String[] expected = shapes.last;
        Object[] values = new Object[Math.max(expected.length, 4)];
        String[] keys = null; // only when the keys differ from the expected shape
        int n = 0;
        String key;
        while ((key = p.nextFieldName()) != null) {
            if (keys == null && (n >= expected.length || (expected[n] != key && !expected[n].equals(key)))) {
                keys = Arrays.copyOf(expected, values.length);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            if (keys != null) {
                if (n >= keys.length) {
                    keys = Arrays.copyOf(keys, values.length);
                }
                keys[n] = key;
            }
            values[n++] = value(p, p.nextToken(), shapes);
        }
        String[] shape;
        if (keys == null && n == expected.length) {
            shape = expected;
            shapes.last = expected; // a nested object may have moved it
        } else {
            List<String> names = Arrays.asList(keys == null ? expected : keys).subList(0, n);
            shape = n > Shapes.MAX_KEYS ? null : shapes.of(names);
            if (shape == null) {
                Map<String, Object> map = new LinkedHashMap<>(); // big or with a repeated key (the last one wins, as before)
                for (int i = 0; i < n; i++) {
                    map.put(names.get(i), values[i]);
                }
                return map;
            }
        }
        return new JsonRow(shape, values.length == n ? values : Arrays.copyOf(values, n));
    }

    /**
     * The key arrays rows share: the last shape seen (rows of one input mostly have one), then a
     * bounded cache. A shape is checked for repeated keys once, when first seen.
     */
    private static final class Shapes {
        static final int MAX_KEYS = 32;
        private final Map<List<String>, String[]> known = new HashMap<>();
        String[] last = new String[0];

        /** The shared array for these keys, or null when a key repeats. */
        String[] of(List<String> keys) {
            if (same(last, keys)) {
                return last;
            }
            String[] shape = known.get(keys);
            if (shape == null) {
                if (new HashSet<>(keys).size() != keys.size()) {
                    return null;
                }
                shape = keys.toArray(String[]::new);
                if (known.size() < 4096) {
                    known.put(List.of(shape), shape);
                }
            }
            last = shape;
            return shape;
        }

        private static boolean same(String[] shape, List<String> keys) {
            if (shape.length != keys.size()) {
                return false;
            }
            for (int i = 0; i < shape.length; i++) {
                String k = keys.get(i);
                if (shape[i] != k && !shape[i].equals(k)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The current token's line: without a JsonLocation object (two per row otherwise) when the parser offers it. */
    private static int tokenLine(JsonParser parser) {
        return parser instanceof ParserBase base ? base.getTokenLineNr() : parser.currentTokenLocation().getLineNr();
    }

    private static JsonToken nextToken(JsonParser parser, String name) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw notJson(name, e);
        }
    }

    private static CommandException notJson(String name, JsonProcessingException e) {
        if (e.getCause() instanceof LineTooLong tooLong) {
            return new CommandException(tooLong.getMessage());
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new CommandException(name + ":" + line + ": not a JSON value (" + e.getOriginalMessage()
                + "); drop --json to pass lines as plain strings");
    }

    /** A line over the limit. An IOException so that it passes through the decoder and Jackson unchanged. */
    static final class LineTooLong extends IOException {
        LineTooLong(String message) {
            super(message);
        }
    }

    /** Counts lines as the bytes go by and refuses a line longer than {@link #MAX_LINE_BYTES}. */
    private static final class LineLimit extends FilterInputStream {
        private final String name;
        private int line = 1;
        private int lineBytes;

        LineLimit(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        int line() {
            return line;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            for (int i = off; i < off + n; i++) {
                count(b[i]);
            }
            return n;
        }

        private void count(byte b) throws LineTooLong {
            if (b == '\n') {
                line++;
                lineBytes = 0;
            } else if (++lineBytes > MAX_LINE_BYTES) {
                throw new LineTooLong(name + ":" + line + ": line longer than " + (MAX_LINE_BYTES >> 20)
                        + " MiB; reading stopped there (each row is one line: is this the right file?)");
            }
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported"); // never used: every byte must be counted
        }
    }
}
