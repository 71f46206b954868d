package io.kisflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Puts JavaFX's native libraries for the platform we run on where JavaFX finds them, before JavaFX
 * loads.
 *
 * <p>Why: the jar runs on Linux, Windows and macOS, x64 and aarch64. JavaFX loads its natives from
 * the root of the class path, but the x64 and aarch64 builds of one OS use the same file names
 * ({@code libglass.so} twice), so the jar keeps each platform's set under {@code natives/PLATFORM/}
 * (see the pom). This class copies the right set once into a cache folder named for its content
 * and prepends that folder to {@code java.library.path}, which JavaFX's loader reads when a library
 * is not at the class path's root. Started from the IDE, the tests or {@code mvn javafx:run}, there
 * is no {@code natives/} folder and JavaFX finds its own natives as usual.
 */
final class JavaFxNatives {
    private static final String ROOT = "natives/";

    private JavaFxNatives() {
    }

    /** The folder name of a platform's natives, or empty where JavaFX 21 ships none (Windows on ARM). */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String a = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (a == null) {
            return Optional.empty();
        }
        if (os.startsWith("linux")) {
            return Optional.of("linux-" + a);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Optional.of("mac-" + a);
        }
        if (os.startsWith("windows") && a.equals("x64")) {
            return Optional.of("win-x64");
        }
        return Optional.empty();
    }

    /**
     * Extracts this platform's natives from the jar we were started from (if it carries them) and
     * makes JavaFX load them. Returns the folder used, or empty when there is nothing to do.
     */
    static Optional<Path> prepare(Path cacheRoot) {
        Optional<String> platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        Optional<Path> jar = ownJar();
        if (platform.isEmpty() || jar.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Path> dir = extract(jar.get(), platform.get(), cacheRoot);
            dir.ifPresent(JavaFxNatives::prependLibraryPath);
            return dir;
        } catch (IOException e) {
            // JavaFX then reports the missing library itself; say first where we tried to put it
            System.err.println("warning: could not unpack JavaFX's native libraries into " + cacheRoot + ": "
                    + e.getMessage() + " (the designer may not start; the command line is not affected)");
            return Optional.empty();
        }
    }

    /**
     * Copies {@code natives/PLATFORM/*} of {@code jar} into {@code cacheRoot/PLATFORM-CHECKSUM/}, unless a
     * complete copy is already there. The folder appears whole or not at all: files are written into
     * a temporary sibling that is then renamed, so two designers starting at once never load a
     * half-written library.
     */
    static Optional<Path> extract(Path jar, String platform, Path cacheRoot) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String prefix = ROOT + platform + "/";
            List<ZipEntry> entries = new ArrayList<>();
            long sum = 17;
            for (var it = zip.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                if (!e.isDirectory() && e.getName().startsWith(prefix) && e.getName().indexOf('/', prefix.length()) < 0) {
                    entries.add(e);
                    sum = sum * 31 + e.getName().hashCode();
                    sum = sum * 31 + e.getCrc();
                }
            }
            if (entries.isEmpty()) {
                return Optional.empty();
            }
            Path target = cacheRoot.resolve(platform + "-" + Long.toHexString(sum));
            if (complete(target, entries, prefix)) {
                return Optional.of(target);
            }
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, platform + ".tmp");
            try {
                for (ZipEntry e : entries) {
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, tmp.resolve(e.getName().substring(prefix.length())));
                    }
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                    // another start won the race (or left an incomplete folder): use theirs if whole
                    if (!complete(target, entries, prefix)) {
                        throw new IOException(target + " exists but is incomplete; delete it and start again");
                    }
                }
            } finally {
                deleteTree(tmp);
            }
            return Optional.of(target);
        }
    }

    private static boolean complete(Path dir, List<ZipEntry> entries, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (ZipEntry e : entries) {
            Path f = dir.resolve(e.getName().substring(prefix.length()));
            if (!Files.isRegularFile(f) || Files.size(f) != e.getSize()) {
                return false;
            }
        }
        return true;
    }

    private static void prependLibraryPath(Path dir) {
        String old = System.getProperty("java.library.path", "");
        System.setProperty("java.library.path",
                old.isEmpty() ? dir.toString() : dir + java.io.File.pathSeparator + old);
    }

    private static Optional<Path> ownJar() {
        CodeSource src = JavaFxNatives.class.getProtectionDomain().getCodeSource();
        if (src == null || src.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover temporary folder is harmless; the next start makes a new one
                    System.getLogger(JavaFxNatives.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not delete " + p + " (left for the next start)", e);
                }
            });
        } catch (IOException e) {
            // as above
            System.getLogger(JavaFxNatives.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not list " + dir + " to delete it", e);
        }
    }
}
