package io.kisflow.designer.debug.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.kisflow.designer.debug.data.RowJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Reads a file of input rows as {@link RowsText} reads text (one row per line, or one per JSON value)
 * into {@link PackedRows}: the file's bytes and where each row is, checked whole (every JSON value
 * parses, every line is UTF-8) but with no object per row. Progress (at most a hundred times: the
 * first 30 % reading the bytes, the rest checking them) and a cancel check every few thousand rows.
 * For the background executor.
 *
 * <pre>{@code ParsedRows rows = RowsFile.read(path, InputMode.JSON, () -> cancelled, share -> bar.setProgress(share));}</pre>
 */
final class RowsFile {
    private static final int CHECK_EVERY = 4096;
    private static final int READ_CHUNK = 1 << 20;
    /** The share of the progress bar for reading the bytes; checking and indexing them takes the rest. */
    private static final double READ_SHARE = 0.3;

    private RowsFile() {
    }

    /** The rows, or a failure naming the line; null when cancelled. */
    static ParsedRows read(Path path, InputMode mode, BooleanSupplier cancelled, DoubleConsumer progress) throws IOException {
        Progress p = new Progress(progress);
        byte[] bytes = readAll(path, cancelled, p);
        if (bytes == null) {
            return null;
        }
        return mode == InputMode.JSON ? json(bytes, cancelled, p) : lines(bytes, cancelled, p);
    }

    /** The whole file in one array (the designer takes files up to 1 GB); null when cancelled. */
    private static byte[] readAll(Path path, BooleanSupplier cancelled, Progress progress) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            long expected = Math.max(1, Files.size(path));
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, expected)];
            int n = 0;
            while (true) {
                if (n == bytes.length) {
                    int more = in.read();
                    if (more < 0) {
                        break;
                    }
                    // the file grew while we read it: take what is there
                    bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, (long) bytes.length * 2));
                    bytes[n++] = (byte) more;
                }
                int r = in.read(bytes, n, Math.min(READ_CHUNK, bytes.length - n));
                if (r < 0) {
                    break;
                }
                n += r;
                progress.report(READ_SHARE * Math.min(1.0, (double) n / expected));
                if (cancelled.getAsBoolean()) {
                    return null;
                }
            }
            return n == bytes.length ? bytes : Arrays.copyOf(bytes, n);
        }
    }

    private static ParsedRows lines(byte[] bytes, BooleanSupplier cancelled, Progress progress) {
        Index index = new Index(bytes.length / 48 + 16);
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        boolean ascii = true;
        for (int i = start; i <= bytes.length; i++) {
            boolean end = i == bytes.length;
            if (!end && bytes[i] != '\n') {
                ascii &= bytes[i] >= 0;
                continue;
            }
            if (end && i == start) {
                break;   // no last line after the last newline
            }
            int stop = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
            if (!ascii && !utf8(bytes, start, stop)) {
                return ParsedRows.failed("line " + (index.size + 1) + " is not UTF-8 text", index.size + 1);
            }
            index.add(start, stop);
            start = i + 1;
            ascii = true;
            if ((index.size % CHECK_EVERY) == 0) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                progress.report(READ_SHARE + (1 - READ_SHARE) * i / bytes.length);
            }
        }
        return ParsedRows.ok(index.rows(bytes, false), java.util.List.of());
    }

    private static boolean utf8(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Every JSON value is parsed by Jackson's streaming parser, which checks its syntax (and its
     * strings' UTF-8) without building it; where each value starts and ends is kept.
     */
    private static ParsedRows json(byte[] bytes, BooleanSupplier cancelled, Progress progress) throws IOException {
        Index index = new Index(bytes.length / 48 + 16);
        try (JsonParser p = RowJson.mapper().createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long from = p.currentTokenLocation().getByteOffset();
                if (from < 0) {
                    return ParsedRows.failed("the file is not UTF-8 text", 0);
                }
                if (t.isStructStart()) {
                    p.skipChildren();
                } else {
                    p.finishToken();
                }
                long to = p.currentLocation().getByteOffset();
                index.add((int) from, (int) to);
                if ((index.size % CHECK_EVERY) == 0) {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    progress.report(READ_SHARE + (1 - READ_SHARE) * to / bytes.length);
                }
            }
        } catch (JsonProcessingException e) {
            return RowsText.failure(e, index.size + 1);
        }
        return ParsedRows.ok(index.rows(bytes, true), java.util.List.of());
    }

    /** Where each row starts and ends, in two growing int arrays. */
    private static final class Index {
        int[] starts;
        int[] ends;
        int size;

        Index(int capacity) {
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(int from, int to) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = from;
            ends[size] = to;
            size++;
        }

        PackedRows rows(byte[] bytes, boolean json) {
            // trimmed: a million rows' index is 8 MB, an oversized one up to twice that
            return new PackedRows(bytes, Arrays.copyOf(starts, size), Arrays.copyOf(ends, size), size, json);
        }
    }

    /** Passes on each further whole percent only. */
    private static final class Progress {
        private final DoubleConsumer out;
        private int reported;

        Progress(DoubleConsumer out) {
            this.out = out;
        }

        void report(double share) {
            int percent = (int) Math.min(100, share * 100);
            if (percent > reported) {
                reported = percent;
                out.accept(percent / 100.0);
            }
        }
    }
}
