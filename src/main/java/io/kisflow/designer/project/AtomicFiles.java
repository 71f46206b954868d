package io.kisflow.designer.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing files so that a crash never leaves half of one: the bytes go to a temporary file in the
 * same folder (flushed to disk), which is then renamed over the target in one step. The single
 * place where the designer's project code touches the disk for writing, so tests can make a step
 * fail on purpose.
 */
class AtomicFiles {
    /** Temporary files end with this; the loader reads only .yml/.yaml, so they never load as configs. */
    static final String TEMP_SUFFIX = ".kisflow-tmp";

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    /** Writes {@code text} (UTF-8) to {@code target} atomically, creating its folder if needed. */
    void write(Path target, String text) throws IOException {
        Path tmp = writeTemp(target, text.getBytes(StandardCharsets.UTF_8));
        try {
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes in a new temporary file beside {@code target}, with the permissions the target has (or 0644). */
    Path writeTemp(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.isRegularFile(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Renames in one step, replacing the target; falls back to a plain replace where renames are not atomic. */
    void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
