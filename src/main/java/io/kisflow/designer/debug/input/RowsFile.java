package io.kisflow.designer.debug.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.kisflow.designer.debug.data.RowJson;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Reads a file of input rows as {@link RowsText} reads text (one row per line, or one per JSON value),
 * streaming: never the whole file as one string, with progress (the share of bytes read, at most a
 * hundred times) and a cancel check every few thousand rows. For the background executor.
 *
 * <pre>{@code ParsedRows rows = RowsFile.read(path, InputMode.JSON, () -> cancelled, share -> bar.setProgress(share));}</pre>
 */
final class RowsFile {
    private static final int CHECK_EVERY = 4096;

    private RowsFile() {
    }

    /** The rows, or a failure naming the line; null when cancelled. */
    static ParsedRows read(Path path, InputMode mode, BooleanSupplier cancelled, DoubleConsumer progress) throws IOException {
        long size = Math.max(1, Files.size(path));
        try (Counting in = new Counting(Files.newInputStream(path), size, progress)) {
            return mode == InputMode.JSON ? json(in, cancelled) : lines(in, cancelled);
        }
    }

    private static ParsedRows lines(Counting in, BooleanSupplier cancelled) throws IOException {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        List<Object> rows = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        char[] buf = new char[64 * 1024];
        boolean first = true;
        int n;
        try {
            while ((n = r.read(buf)) > 0) {
                int start = 0;
                if (first && buf[0] == '\uFEFF') {
                    start = 1;
                }
                first = false;
                for (int i = start; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.append(buf, start, i - start);
                        rows.add(stripCr(line));
                        line.setLength(0);
                        start = i + 1;
                        if ((rows.size() % CHECK_EVERY) == 0 && cancelled.getAsBoolean()) {
                            return null;
                        }
                    }
                }
                line.append(buf, start, n - start);
            }
        } catch (CharacterCodingException e) {
            return ParsedRows.failed("line " + (rows.size() + 1) + " is not UTF-8 text", rows.size() + 1);
        }
        if (line.length() > 0) {
            rows.add(stripCr(line));
        }
        List<Object> out = Collections.unmodifiableList(rows);
        return ParsedRows.ok(out, List.of());
    }

    private static String stripCr(StringBuilder line) {
        int len = line.length();
        return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
    }

    private static ParsedRows json(Counting in, BooleanSupplier cancelled) throws IOException {
        List<Object> rows = new ArrayList<>();
        try (JsonParser p = RowJson.mapper().createParser(in)) {
            while (p.nextToken() != null) {
                Object value;
                try {
                    value = RowJson.mapper().readValue(p, Object.class);
                } catch (JsonProcessingException e) {
                    return RowsText.failure(e, rows.size() + 1);
                }
                rows.add(value);
                if ((rows.size() % CHECK_EVERY) == 0 && cancelled.getAsBoolean()) {
                    return null;
                }
            }
        } catch (JsonProcessingException e) {
            return RowsText.failure(e, rows.size() + 1);
        }
        return ParsedRows.ok(Collections.unmodifiableList(rows), List.of());
    }

    /** Counts the bytes read and reports each further percent. */
    private static final class Counting extends FilterInputStream {
        private final long size;
        private final DoubleConsumer progress;
        private long read;
        private int reportedPercent;

        Counting(InputStream in, long size, DoubleConsumer progress) {
            super(in);
            this.size = size;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            int percent = (int) Math.min(100, read * 100 / size);
            if (percent > reportedPercent) {
                reportedPercent = percent;
                progress.accept(percent / 100.0);
            }
        }
    }
}
