package io.kisflow.designer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Which project the designer opens when started without a directory: {@code ./conf-samples} when
 * it exists in the working directory, else the samples bundled in the jar, copied once to
 * {@code ~/.kisflow-studio/samples} (never overwritten afterwards: the user may have edited them).
 *
 * <pre>{@code Path dir = StartupProject.samples(Path.of(""), stateDir);}</pre>
 */
public final class StartupProject {
    static final String RESOURCE = "/conf-samples";

    private StartupProject() {
    }

    /**
     * The first project, found and read on a thread of its own so that reading the YAML (and loading
     * the parsers' classes) happens while JavaFX starts and the window is built, not after.
     *
     * @param dir       the directory given on the command line, or null for the samples
     * @param files     the project read, or null when reading failed (opening it again says why)
     * @param workingDir where {@code ./conf-samples} is looked for
     */
    record First(Path dir, io.kisflow.designer.project.ProjectFiles files) {
        /** Completes exceptionally only when there is no samples project to open (its message says so). */
        static CompletableFuture<First> read(Path dir, Path workingDir, Path stateDir) {
            CompletableFuture<First> out = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                Path d;
                try {
                    d = dir != null ? dir : samples(workingDir, stateDir);
                } catch (IOException | RuntimeException e) {
                    out.completeExceptionally(e);
                    return;
                }
                io.kisflow.designer.project.ProjectFiles files = null;
                try {
                    files = io.kisflow.designer.files.ProjectSession.read(d);
                } catch (IOException | RuntimeException e) {
                    // the window opens it again on its thread and shows the error there
                    System.getLogger(StartupProject.class.getName()).log(System.Logger.Level.DEBUG, () -> "reading " + d + " ahead of the window failed; the window reads it again", e);
                }
                StartupTrace.mark("first project read");
                out.complete(new First(d, files));
            }, "designer-first-project");
            t.setDaemon(true);
            t.start();
            return out;
        }
    }

    public static Path samples(Path workingDir, Path stateDir) throws IOException {
        Path local = workingDir.resolve("conf-samples");
        if (Files.isDirectory(local)) {
            return local.toAbsolutePath().normalize();
        }
        Path copy = stateDir.resolve("samples");
        if (Files.isDirectory(copy)) {
            declareSamplesPlugin(copy);
            return copy;
        }
        extract(copy);
        return copy;
    }

    /**
     * A copy made by an older version has no {@code builtInPlugins} in its sidecar, and the samples
     * plugin now serves only projects that declare it: without the key the user's samples would lose
     * their code. This folder is the samples by definition, so the key is added (and only the key:
     * the user's edits stay).
     */
    static void declareSamplesPlugin(Path copy) throws IOException {
        Path sidecar = copy.resolve(".kisflow-studio.json");
        if (!Files.isRegularFile(sidecar)) {
            Files.writeString(sidecar, "{\n  \"version\": 1,\n  \"builtInPlugins\": [\n    \"samples\"\n  ]\n}\n");
            return;
        }
        String text = Files.readString(sidecar);
        if (text.contains("\"" + io.kisflow.designer.debug.LayoutSettings.BUILT_IN_PLUGINS + "\"")) {
            return;
        }
        int open = text.indexOf('{');
        if (open < 0) {
            return; // not our JSON any more: opening it reports that
        }
        boolean empty = text.substring(open + 1).strip().startsWith("}");
        String entry = "\n  \"builtInPlugins\": [\n    \"samples\"\n  ]" + (empty ? "\n" : ",");
        Path tmp = sidecar.resolveSibling(".kisflow-studio.json.kisflow-tmp");
        Files.writeString(tmp, text.substring(0, open + 1) + entry + text.substring(open + 1));
        Files.move(tmp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies the bundled /conf-samples tree (from the jar or from target/classes) into {@code target}. */
    static void extract(Path target) throws IOException {
        URL marker = StartupProject.class.getResource(RESOURCE + "/kis-flow.yml");
        if (marker == null) {
            throw new IOException("The samples are not bundled with this build: start the designer with a directory (open DIR).");
        }
        Path tmp = Files.createTempDirectory(target.toAbsolutePath().getParent() == null ? Path.of(".") : createParent(target), "samples");
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.getPath(RESOURCE), tmp);
                }
            } else {
                copyTree(Path.of(uri).getParent(), tmp);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (URISyntaxException e) {
            throw new IOException("Cannot read the bundled samples: " + e.getMessage(), e);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    private static Path createParent(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path p : all) {
            String rel = from.relativize(p).toString();
            if (rel.isEmpty() || rel.endsWith(".gitkeep")) {
                continue;
            }
            Path dest = to.resolve(rel);
            if (Files.isDirectory(p)) {
                Files.createDirectories(dest);
            } else {
                Files.createDirectories(dest.getParent());
                try (InputStream in = Files.newInputStream(p)) {
                    Files.copy(in, dest);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
