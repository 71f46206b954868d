package io.kisflow.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exports a config set into a folder all or nothing: every check is made before anything is
 * written (names, a file or folder in the way, the source and the output one inside the other, config
 * files in the output that the export would not write), then the new folder is built beside the
 * output ({@code .OUT.kisflow-export-new}) and renamed into place. An output folder that already
 * holds files is renamed aside first ({@code .OUT.kisflow-export-old}) and removed after the swap;
 * its other files (a README, {@code .git}) are carried into the new folder as hard links. A process
 * killed at any moment leaves either the old folder, the new folder, or (between the two renames)
 * no folder and the complete new one beside it, which {@link #recover} (run by the next export)
 * puts in place. Where the folder cannot be replaced as a whole (its parent is not writable, it is
 * a mount point), the files are replaced one by one and {@link Result#note} says so.
 *
 * <pre>{@code FolderExport.Result r = FolderExport.write(configs, Path.of("conf"), Path.of("out"), false);}</pre>
 */
public final class FolderExport {
    /** What an export did: the files written, the files of objects no longer in the source it removed, and how. */
    public record Result(List<Path> written, List<Path> pruned, String note) {
    }

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    /** Temporary files of earlier versions ({@code .flow-A.yaml.123.tmp}) and of the designer: never carried into a new export. */
    private static final Pattern TEMPORARY = Pattern.compile("^\\..+\\.(ya?ml\\.\\d+\\.tmp|kisflow-tmp)$");
    private static final int LISTED = 20;

    private FolderExport() {
    }

    /**
     * Exports {@code set} (loaded from {@code source}, which may be null) into {@code outDir}.
     * Config files of {@code outDir} that the export does not write are refused, or removed when
     * {@code prune} is set, so the folder always loads exactly as {@code set}.
     *
     * @throws ExportException when the export is refused; nothing was written
     */
    public static Result write(ConfigSet set, Path source, Path outDir, boolean prune) throws IOException {
        Map<String, String> files = ConfigExporter.render(set);
        checkNames(set);
        ConfigExporter.checkSizes(files);
        Path out = outDir.toAbsolutePath().normalize();
        recover(out);
        if (Files.isDirectory(out)) {
            out = out.toRealPath(); // a link to a folder: the folder is what gets replaced, the link stays
        } else if (Files.exists(out) || Files.isSymbolicLink(out)) {
            throw new ExportException("cannot export to " + outDir + ": it is a file, not a folder");
        }
        if (source != null) {
            checkNotNested(source, out);
        }
        List<Path> stale = checkOutput(files, out, prune);
        Optional<String> swapFailure = replaceWhole(files, out);
        if (swapFailure.isEmpty()) {
            return new Result(paths(out, files), stale, "replaced as a whole");
        }
        checkCaseCollisions(files.keySet(), out);
        List<Path> written = writeInPlace(files, out, stale);
        return new Result(written, stale, "could not replace " + out + " as a whole (" + swapFailure + "), so its files were"
                + " replaced one by one: a crash during the export could have left old and new files mixed");
    }

    private static List<Path> paths(Path out, Map<String, String> files) {
        return files.keySet().stream().map(out::resolve).toList();
    }

    private static void checkNames(ConfigSet set) throws ExportException {
        for (FlowConfig f : set.flows().values()) {
            ConfigExporter.checkName(ObjectRef.flow(f.flowName()));
        }
        for (FuncConfig f : set.funcs().values()) {
            ConfigExporter.checkName(ObjectRef.func(f.fname()));
        }
        for (ConnConfig c : set.conns().values()) {
            ConfigExporter.checkName(ObjectRef.conn(c.cname()));
        }
    }

    // ---- checks: nothing is written before all of them pass -------------------------------------

    /** The source and the output one inside the other: loading either would read both copies. */
    private static void checkNotNested(Path source, Path out) throws IOException {
        Path src = real(source);
        Path o = real(out);
        String why = null;
        if (o.equals(src)) {
            why = "it is the source folder itself, which would then hold every object twice (its own file and the exported one)";
        } else if (Files.isDirectory(src) && o.startsWith(src)) {
            why = "it lies inside the source folder " + source + ", which would then hold every object twice (Go and this loader"
                    + " read every .yml/.yaml below a folder)";
        } else if (src.startsWith(o)) {
            why = "the source " + source + " lies inside it, so loading " + out + " would read the source's files too and"
                    + " find every object twice";
        }
        if (why != null) {
            throw new ExportException("cannot export " + source + " to " + out + ": " + why + ". Choose a folder outside "
                    + source + " (nothing was written)");
        }
    }

    /** The real path of {@code p}, or of its deepest existing folder followed by the rest, so links and ".." compare right. */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }

    /**
     * Refuses a folder in the way of an output file, and config files the export would not write
     * (unless pruning them); returns those to prune.
     */
    private static List<Path> checkOutput(Map<String, String> files, Path out, boolean prune) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        for (String name : files.keySet()) {
            Path target = out.resolve(name);
            if (Files.isDirectory(target)) {
                throw new ExportException("cannot write " + target + ": a folder of that name is in the way; move or remove it"
                        + " (nothing was written)");
            }
        }
        List<Path> stale = new ArrayList<>();
        for (Path f : ConfigFiles.find(out).files()) {
            if (!(f.getParent().equals(out) && files.containsKey(f.getFileName().toString()))) {
                stale.add(f);
            }
        }
        if (stale.isEmpty()) {
            return stale;
        }
        if (!prune) {
            throw new ExportException(out + " holds " + stale.size() + " config file(s) that this export does not write, so"
                    + " servers loading it would still read them: " + describe(stale, out) + ". Run again with --prune to"
                    + " remove them, or export into an empty folder (nothing was written)");
        }
        for (Path f : stale) {
            Path inside = out.relativize(f);
            for (Path p = out, rest = inside; rest != null && rest.getNameCount() > 0; ) {
                p = p.resolve(rest.getName(0));
                rest = rest.getNameCount() > 1 ? rest.subpath(1, rest.getNameCount()) : null;
                if (Files.isSymbolicLink(p) && rest != null) {
                    throw new ExportException("cannot prune " + f + ": it is reached through the symbolic link " + p
                            + "; remove it or the link yourself (nothing was written)");
                }
            }
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(f)) {
                throw new ExportException("cannot prune " + f + ": it is not a plain file; move or remove it (nothing was written)");
            }
        }
        return stale;
    }

    /** "out/flow-Gone.yaml (flow Gone)", for the first few files. */
    static String describe(List<Path> files, Path out) {
        List<String> parts = new ArrayList<>();
        for (Path f : files.subList(0, Math.min(LISTED, files.size()))) {
            LoadResult r = Files.isRegularFile(f) ? ConfigLoader.load(f) : null;
            String what = r == null ? "not a plain file" : r.origins().keySet().stream().findFirst()
                    .map(ref -> ref.kindWord() + " " + ref.name() + (ref.type() == KisType.GLOBAL ? "" : ", not in the source"))
                    .orElse("no object the loader accepts");
            parts.add(f + " (" + what + ")");
        }
        if (files.size() > LISTED) {
            parts.add("and " + (files.size() - LISTED) + " more");
        }
        return String.join(", ", parts);
    }

    /** Two names differing only in case would overwrite each other on a case-insensitive disk (macOS, Windows). */
    private static void checkCaseCollisions(Set<String> names, Path dir) throws IOException {
        Map<String, String> byLower = new HashMap<>();
        for (String n : names) {
            String other = byLower.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            if (other != null && isCaseInsensitive(dir)) {
                throw new ExportException("cannot export both " + other + " and " + n + " to " + dir
                        + ": this disk ignores letter case, so one would overwrite the other; rename one of them");
            }
        }
    }

    private static boolean isCaseInsensitive(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, ".kisflow-case-probe-", ".kisflow-tmp");
        try {
            return Files.exists(dir.resolve(probe.getFileName().toString().toUpperCase(Locale.ROOT)));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    // ---- the new folder beside the old one ------------------------------------------------------

    static Path staging(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".kisflow-export-new");
    }

    static Path aside(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".kisflow-export-old");
    }

    /**
     * Builds the new folder beside {@code out} and renames it into place; returns why it could not
     * (before anything of {@code out} was touched), or empty when it did.
     */
    private static Optional<String> replaceWhole(Map<String, String> files, Path out) throws IOException {
        Path parent = out.getParent();
        if (parent == null) {
            return Optional.of("it has no parent folder");
        }
        Path next = staging(out);
        try {
            Files.createDirectories(parent);
            Files.createDirectory(next);
        } catch (IOException e) {
            return Optional.of("cannot create " + next + ": " + FileText.reason(e));
        }
        boolean exists = Files.isDirectory(out);
        try {
            boolean posix = Files.getFileStore(next).supportsFileAttributeView("posix");
            if (exists) {
                copyPermissions(out, next);
                carryOver(out, next);
            }
            checkCaseCollisions(files.keySet(), next);
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path old = out.resolve(e.getKey());
                writeNew(next.resolve(e.getKey()), e.getValue(), exists && Files.isRegularFile(old) ? old : null, posix);
            }
            for (String name : files.keySet()) { // flushed after all are written: the disk writes them in one go
                try (FileChannel ch = FileChannel.open(next.resolve(name), StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            if (!exists || isEmpty(out)) {
                try {
                    Files.move(next, out, StandardCopyOption.ATOMIC_MOVE);
                    return Optional.empty();
                } catch (IOException e) {
                    if (!exists) {
                        throw e;
                    }
                    // an empty folder that rename cannot replace: swap it like a full one
                }
            }
            Path old = aside(out);
            try {
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteTree(next);
                return Optional.of("cannot rename it aside: " + FileText.reason(e));
            }
            Files.move(next, out, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            deleteTree(next); // nothing of the output was touched yet
            throw e;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Everything of {@code from} but config files and temporaries, into {@code to}: hard links for files, copies where links fail. */
    private static void carryOver(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from)) {
                    Path d = to.resolve(from.relativize(dir).toString());
                    Files.createDirectory(d);
                    copyPermissions(dir, d);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (ConfigFiles.isConfigName(file) || TEMPORARY.matcher(name).matches()) {
                    return FileVisitResult.CONTINUE; // written anew, pruned, or debris
                }
                Path copy = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(copy, Files.readSymbolicLink(file));
                } else {
                    try {
                        Files.createLink(copy, file);
                    } catch (UnsupportedOperationException | FileSystemException e) {
                        // no hard links here (FAT, some network shares, another device): a real copy does the same job
                        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(to).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    /** A new file (not yet flushed to disk), with the permissions of the file it replaces (or 0644, as Go writes). */
    private static void writeNew(Path file, String content, Path replaces, boolean posix) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(file, replaces != null ? Files.getPosixFilePermissions(replaces) : NEW_FILE);
        }
    }

    // ---- where the folder cannot be replaced as a whole -----------------------------------------

    private static List<Path> writeInPlace(Map<String, String> files, Path out, List<Path> prune) throws IOException {
        Files.createDirectories(out);
        boolean posix = Files.getFileStore(out).supportsFileAttributeView("posix");
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path target = out.resolve(e.getKey());
            Path tmp = out.resolve("." + e.getKey() + ".kisflow-tmp");
            try {
                Files.deleteIfExists(tmp);
                writeNew(tmp, e.getValue(), Files.isRegularFile(target) ? target : null, posix);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            written.add(target);
        }
        for (Path p : prune) {
            Files.deleteIfExists(p);
        }
        return written;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---- after a crash --------------------------------------------------------------------------

    /**
     * Finishes or discards an export into {@code outDir} that a crash interrupted: puts the complete
     * new folder in place when the old one was already renamed aside, and removes what is left
     * beside it. Returns what was done, or empty when there was nothing.
     */
    public static Optional<String> recover(Path outDir) throws IOException {
        Path out = outDir.toAbsolutePath().normalize();
        if (out.getParent() == null) {
            return Optional.empty();
        }
        Path next = staging(out);
        Path old = aside(out);
        boolean hasNext = Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS);
        boolean hasOld = Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS);
        if (!hasNext && !hasOld) {
            return Optional.empty();
        }
        String what;
        if (hasOld && hasNext && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(next, out, StandardCopyOption.ATOMIC_MOVE);
            what = "An interrupted export into " + out + " was finished: the new folder was put in place.";
        } else {
            what = "An interrupted export into " + out + " was " + (hasOld ? "finished" : "discarded; the folder is as it was")
                    + ".";
            if (hasNext) {
                deleteTree(next);
            }
        }
        if (hasOld) {
            deleteTree(old);
        }
        return Optional.of(what);
    }

    /**
     * A sentence when {@code dir} is missing because an export into it was interrupted between its
     * two renames (the complete export waits beside it); empty otherwise. Writes nothing.
     */
    public static Optional<String> interrupted(Path dir) {
        Path out = dir.toAbsolutePath().normalize();
        if (out.getParent() == null || Files.exists(out) || !Files.isDirectory(staging(out)) || !Files.isDirectory(aside(out))) {
            return Optional.empty();
        }
        return Optional.of(dir + " is missing because an export into it was interrupted: the complete new export is in "
                + staging(out) + " and the old folder in " + aside(out) + ". Run the same export again to finish it");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
