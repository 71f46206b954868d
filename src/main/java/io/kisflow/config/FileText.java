package io.kisflow.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a config file's bytes (refusing files over {@link LoadLimits#MAX_FILE_BYTES} unread) and
 * decodes them strictly: UTF-8, or UTF-16 with a byte order mark as yaml.v3 also accepts. A byte
 * that is not UTF-8 is reported with its offset and line instead of being replaced silently.
 */
final class FileText {
    private FileText() {
    }

    /** The file's text, or null after reporting why it cannot be read. */
    static String read(Path file, FileProblems problems) {
        byte[] bytes;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                problems.error(0, "this is a folder whose name ends in .yml or .yaml; Go's loader fails on it, so rename it");
                return null;
            }
            if (!attrs.isRegularFile()) {
                // never opened: opening a named pipe would wait forever
                problems.error(0, "skipped: this is not a regular file (a device, pipe or socket)");
                return null;
            }
            if (attrs.size() > LoadLimits.MAX_FILE_BYTES) {
                problems.error(0, tooBig(attrs.size()));
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = readAll(in, (int) attrs.size());
            }
            if (bytes.length > LoadLimits.MAX_FILE_BYTES) {
                problems.error(0, tooBig(Files.size(file)));
                return null;
            }
        } catch (NoSuchFileException e) {
            problems.error(0, Files.isSymbolicLink(file)
                    ? "cannot read the file: it is a symbolic link whose target does not exist"
                    : "cannot read the file: it does not exist (any more)");
            return null;
        } catch (AccessDeniedException e) {
            problems.error(0, "cannot read the file: permission denied");
            return null;
        } catch (IOException e) {
            problems.error(0, "cannot read the file: " + reason(e));
            return null;
        }
        return decode(bytes, problems);
    }

    /**
     * Reads the file into an array of the size it had when examined (no intermediate buffers: this
     * runs for every file), and at most one byte over the limit should it have grown since.
     */
    private static byte[] readAll(InputStream in, int expected) throws IOException {
        byte[] bytes = new byte[expected];
        int n = in.readNBytes(bytes, 0, expected);
        if (n < expected) {
            return Arrays.copyOf(bytes, n);
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = in.readNBytes(LoadLimits.MAX_FILE_BYTES - expected);
        byte[] all = Arrays.copyOf(bytes, expected + 1 + rest.length);
        all[expected] = (byte) next;
        System.arraycopy(rest, 0, all, expected + 1, rest.length);
        return all;
    }

    static String tooBig(long size) {
        return "the file is " + size + " bytes (" + mib(size) + "), over the limit of " + LoadLimits.MAX_FILE_BYTES
                + " bytes (" + mib(LoadLimits.MAX_FILE_BYTES) + ") for one config file; it was not read";
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            m = fse.getReason();
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Strictly decodes bytes; null after reporting the first byte that is not valid. */
    static String decode(byte[] bytes, FileProblems problems) {
        int n = bytes.length;
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return decodeStrict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16", problems);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return decodeStrict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16", problems);
        }
        int start = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        boolean ascii = true;
        for (int i = start; i < n; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, start, n - start, StandardCharsets.ISO_8859_1);
        }
        return decodeStrict(bytes, start, StandardCharsets.UTF_8, "UTF-8", problems);
    }

    private static String decodeStrict(byte[] bytes, int start, Charset charset, String name, FileProblems problems) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.error(line, String.format("the file is not valid %s: byte %d (0x%02X, column %d of line %d) cannot be decoded; "
                    + "save the file as UTF-8", name, offset, bytes[offset] & 0xFF, offset - lineStart + 1, line));
            return null;
        }
        out.flip();
        return out.toString();
    }
}
