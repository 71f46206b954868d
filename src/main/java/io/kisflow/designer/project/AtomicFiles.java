package io.kisflow.designer.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writing files so that a crash never leaves half of one: the bytes go to a temporary file in the
 * same folder (flushed to disk), which is then renamed over the target in one step. The single
 * place where the designer's project code touches the disk for writing, so tests can make a step
 * fail on purpose. A save of many files builds on these steps with a {@link SaveJournal}.
 */
class AtomicFiles {
    /** Temporary files end with this; the loader reads only .yml/.yaml, so they never load as configs. */
    static final String TEMP_SUFFIX = ".kisflow-tmp";

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Map<Path, Boolean> posixFolders = new ConcurrentHashMap<>();

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
                flush(ch);
            }
            Set<PosixFilePermission> permissions = permissionsFor(target);
            if (permissions != null) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Writes {@code bytes} to exactly {@code file} (replacing a leftover of that name), not yet
     * flushed: many files are written first and then flushed together with {@link #flushAll}, which
     * lets the disk write them in one go instead of one journal commit per file.
     */
    void writeNamed(Path file, byte[] bytes, Set<PosixFilePermission> permissions) throws IOException {
        Files.deleteIfExists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
        if (permissions != null) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    /** The permissions a new text for {@code target} gets: the target's own, or rw-r--r-- for a new file (as Go writes). */
    Set<PosixFilePermission> permissionsFor(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Boolean posix = posixFolders.get(dir);
        if (posix == null) { // asking the file store reads the mount table: once per folder is enough
            posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
            posixFolders.put(dir, posix);
        }
        if (!posix) {
            return null;
        }
        return Files.isRegularFile(target) ? Files.getPosixFilePermissions(target) : NEW_FILE;
    }

    /**
     * Makes {@code copy} a second name of {@code file} (a hard link: no bytes are copied, and the
     * copy keeps the content even after {@code file} is replaced by a rename); where the disk has no
     * hard links, a flushed copy of {@code bytes} (null: of the file's bytes) instead.
     */
    void keepCopy(Path file, Path copy, byte[] bytes) throws IOException {
        Files.deleteIfExists(copy);
        try {
            Files.createLink(copy, file);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // the file system has no hard links: keep the old content as a flushed copy instead
            writeNamed(copy, bytes != null ? bytes : Files.readAllBytes(file), permissionsFor(file));
            flushAll(List.of(copy));
        }
    }

    /**
     * Puts the content of {@code source} at {@code target} in one rename, leaving {@code source} in
     * place (so doing it again after a crash gives the same result): {@code via} becomes a second
     * name of the source (or a copy of it), then is renamed over the target.
     */
    void install(Path source, Path via, Path target) throws IOException {
        keepCopy(source, via, null);
        try {
            move(via, target);
        } finally {
            Files.deleteIfExists(via); // a rename between two names of one file does nothing and keeps both
        }
    }

    /**
     * Removes temporary files of {@link #write} for targets whose name starts with {@code prefix}
     * in {@code dir} that are older than {@code age}: what a crash during a write left. Younger
     * ones may belong to a write in progress in another designer, and stay.
     */
    static int sweepStale(Path dir, String prefix, java.time.Duration age) {
        int removed = 0;
        java.time.Instant before = java.time.Instant.now().minus(age);
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + prefix + "*" + TEMP_SUFFIX)) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            // no folder yet, or one that cannot be listed: nothing to sweep
            System.getLogger(AtomicFiles.class.getName()).log(System.Logger.Level.DEBUG, () -> "no temporary files swept in " + dir, e);
        }
        return removed;
    }

    /** Forces the bytes of every file to the disk, after they were all written. */
    void flushAll(List<Path> files) throws IOException {
        for (Path f : files) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                flush(ch);
            }
        }
    }

    /** Forces the bytes to the disk, so that a power cut after the rename cannot leave an empty file. */
    void flush(FileChannel ch) throws IOException {
        ch.force(true);
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
