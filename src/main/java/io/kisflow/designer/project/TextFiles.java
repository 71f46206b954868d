package io.kisflow.designer.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Text of config files as the loader reads them: UTF-8, with or without a byte order mark, or
 * UTF-16 with one (yaml.v3 accepts both). The text never holds the mark; writing a changed file
 * puts the same mark and encoding back, so a save changes only what the user changed.
 */
final class TextFiles {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private TextFiles() {
    }

    static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /** Strict decoding: bytes that are not valid in the file's encoding are an error, never replaced. */
    static String decode(byte[] bytes) throws CharacterCodingException {
        byte[] bom = bom(bytes);
        return charset(bom).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, bom.length, bytes.length - bom.length))
                .toString();
    }

    /** The text encoded like {@code existing} (same byte order mark and encoding); plain UTF-8 for a new file. */
    static byte[] encodeLike(byte[] existing, String text) {
        byte[] bom = existing == null ? new byte[0] : bom(existing);
        byte[] body = text.getBytes(charset(bom));
        byte[] out = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    private static byte[] bom(byte[] b) {
        if (startsWith(b, UTF8_BOM)) {
            return UTF8_BOM;
        }
        if (startsWith(b, UTF16BE_BOM)) {
            return UTF16BE_BOM;
        }
        if (startsWith(b, UTF16LE_BOM)) {
            return UTF16LE_BOM;
        }
        return new byte[0];
    }

    private static Charset charset(byte[] bom) {
        if (bom == UTF16BE_BOM) {
            return StandardCharsets.UTF_16BE;
        }
        return bom == UTF16LE_BOM ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
