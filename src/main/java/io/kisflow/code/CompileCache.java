package io.kisflow.code;

import io.kisflow.config.Problem;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The outcome of compiling the same sources with the same application, kept on disk so that the
 * command line does not start the compiler for files that did not change (ECJ's first compile in a
 * process costs a second or more; reading the cache, milliseconds). The key is a hash of every
 * source's name and text and of the application jar's path, size and time: a new build of the
 * studio compiles again. Only a studio running from a jar caches: from class folders (a developer's
 * build) a changed engine class would not change the key. A damaged or unreadable entry is a miss;
 * a failed write loses nothing but time.
 */
final class CompileCache {
    private static final int MAGIC = 0x4b46_4343;   // "KFCC"
    private static final int KEEP = 100;

    private CompileCache() {
    }

    /** Where entries live, or null when this application does not cache (not a jar). */
    static Path folder() {
        String set = System.getProperty("kisflow.codeCache");
        if (set != null) {
            return set.isBlank() ? null : Path.of(set);
        }
        return jar() == null ? null : Path.of(System.getProperty("java.io.tmpdir"), "kisflow-code-cache-" + System.getProperty("user.name", "user"));
    }

    private static Path jar() {
        try {
            var source = CompileCache.class.getProtectionDomain().getCodeSource();
            Path p = source == null ? null : Path.of(source.getLocation().toURI());
            return p != null && Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    static String key(Map<String, String> sources) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            Path jar = jar();
            String app = jar == null ? "classes" : jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
            d.update(app.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                d.update((e.getKey() + "\u0000" + e.getValue() + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            return null;
        }
    }

    /** The cached units for these sources, or null on a miss. */
    static Map<String, SourceCompiler.Unit> read(Path folder, String key, Path dir) {
        Path file = folder.resolve(key + ".bin");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            Map<String, SourceCompiler.Unit> units = new LinkedHashMap<>();
            int n = in.readInt();
            for (int u = 0; u < n; u++) {
                String name = in.readUTF();
                List<Problem> problems = new ArrayList<>();
                for (int p = in.readInt(); p > 0; p--) {
                    boolean error = in.readBoolean();
                    int line = in.readInt();
                    int column = in.readInt();
                    String message = in.readUTF();
                    problems.add(new Problem(error ? Problem.Severity.ERROR : Problem.Severity.WARNING, dir.resolve(name), line, null, message, column));
                }
                Map<String, byte[]> classes = new LinkedHashMap<>();
                for (int c = in.readInt(); c > 0; c--) {
                    String cls = in.readUTF();
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    classes.put(cls, b);
                }
                units.put(name, new SourceCompiler.Unit(name, classes, problems));
            }
            return units;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void write(Path folder, String key, Map<String, SourceCompiler.Unit> units) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(units.size());
                for (SourceCompiler.Unit u : units.values()) {
                    out.writeUTF(u.file());
                    out.writeInt(u.problems().size());
                    for (Problem p : u.problems()) {
                        out.writeBoolean(p.isError());
                        out.writeInt(p.line());
                        out.writeInt(p.column());
                        out.writeUTF(p.message());
                    }
                    out.writeInt(u.classes().size());
                    for (Map.Entry<String, byte[]> c : u.classes().entrySet()) {
                        out.writeUTF(c.getKey());
                        out.writeInt(c.getValue().length);
                        out.write(c.getValue());
                    }
                }
            }
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, key, ".tmp");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, folder.resolve(key + ".bin"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune(folder);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs the next run a compile, nothing else
        }
    }

    /** Keeps the newest entries only. */
    private static void prune(Path folder) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(folder)) {
            all = new ArrayList<>(s.filter(p -> p.toString().endsWith(".bin")).toList());
        }
        if (all.size() <= KEEP) {
            return;
        }
        all.sort(Comparator.comparing(p -> p.toFile().lastModified()));
        for (Path p : all.subList(0, all.size() - KEEP)) {
            Files.deleteIfExists(p);
        }
    }
}
