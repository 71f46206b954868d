package io.kisflow.designer.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The projects opened lately, most recent first, at most {@link #LIMIT}, kept in
 * {@code recent-projects.json} of the designer's state folder. Folders that no longer exist are
 * left out of {@link #list()} but stay remembered (a disk may come back); an unreadable list reads
 * as empty rather than stopping the designer.
 *
 * <pre>{@code RecentProjects recent = new RecentProjects(RecoveryStore.defaultStateDir()); recent.add(dir);}</pre>
 */
public final class RecentProjects {
    public static final int LIMIT = 10;
    static final String FILE_NAME = "recent-projects.json";

    private final Path file;
    private final AtomicFiles disk = new AtomicFiles();

    public RecentProjects(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    /** The remembered project folders that exist, most recent first. */
    public List<Path> list() {
        List<Path> existing = new ArrayList<>();
        for (Path p : stored()) {
            if (Files.isDirectory(p)) {
                existing.add(p);
            }
        }
        return existing;
    }

    /** Puts {@code projectDir} first (once), keeping at most {@link #LIMIT} entries. */
    public void add(Path projectDir) throws IOException {
        Path dir = projectDir.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(stored());
        paths.remove(dir);
        paths.add(0, dir);
        while (paths.size() > LIMIT) {
            paths.remove(paths.size() - 1);
        }
        disk.write(file, StateJson.write(Map.of("version", 1, "projects", paths.stream().map(Path::toString).toList())));
    }

    /** Removes a folder from the list (for a "remove from recent" action). */
    public void remove(Path projectDir) throws IOException {
        Path dir = projectDir.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(stored());
        if (paths.remove(dir)) {
            disk.write(file, StateJson.write(Map.of("version", 1, "projects", paths.stream().map(Path::toString).toList())));
        }
    }

    private List<Path> stored() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        try {
            JsonNode projects = StateJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8)).get("projects");
            if (projects == null || !projects.isArray()) {
                return List.of();
            }
            for (JsonNode p : projects) {
                if (p.isTextual()) {
                    try {
                        Path path = Path.of(p.asText()).toAbsolutePath().normalize();
                        if (!paths.contains(path)) {
                            paths.add(path);
                        }
                    } catch (InvalidPathException e) {
                        // a path written on another system: not openable here
                        System.getLogger(RecentProjects.class.getName()).log(System.Logger.Level.DEBUG, () -> "recent project " + p.asText() + " is no path here; left out", e);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // a damaged list only costs the list
        }
        return paths;
    }
}
